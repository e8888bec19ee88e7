// Scaffold: the engine work replaces this declaration with the real model.
/// Placeholder for the ReinforcementPlan model.
public struct ReinforcementPlan: Sendable, Hashable, Codable {
    public init() {}
}
