// Scaffold: the engine work replaces this declaration with the real model.
/// Placeholder for the CompletionRule model.
public struct CompletionRule: Sendable, Hashable, Codable {
    public init() {}
}
