// Scaffold: the engine work replaces this declaration with the real model.
/// Placeholder for the Schedule model.
public struct Schedule: Sendable, Hashable, Codable {
    public init() {}
}
