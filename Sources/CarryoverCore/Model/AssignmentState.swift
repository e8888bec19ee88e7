import Foundation

/// What the engine carries from one entry of an assignment to the next:
/// reinforcement (with its ledger), the plugin's progress state (ladder
/// step, speech level) and how many occurrences reinforcement has been told
/// about.
public struct AssignmentState: Sendable, Hashable, Codable {
    public var reinforcement: ReinforcementState
    /// The plugin's `advance` state; `.null` before the first entry.
    public var progress: Value
    /// Occurrences 0..<reported have been reported as completed or missed.
    public var reported: Int

    public init(startedAt: Date) {
        reinforcement = ReinforcementState(startedAt: startedAt)
        progress = .null
        reported = 0
    }
}
