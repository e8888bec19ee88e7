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
    /// Counts the writes that changed the assignment's entries (nil: none
    /// since it was kept): a ``digest`` is current only at this revision.
    public var entryRevision: Int?
    /// Adherence and barrier counts folded from the assignment's entries at
    /// ``entryRevision`` (see ``ProgressDigest``); nil before it was kept.
    public var digest: ProgressDigest?

    public init(startedAt: Date) {
        reinforcement = ReinforcementState(startedAt: startedAt)
        progress = .null
        reported = 0
    }

    /// The digest when it was computed from the entries as they are now.
    public var currentDigest: ProgressDigest? {
        digest.flatMap { $0.revision == (entryRevision ?? 0) ? $0 : nil }
    }
}
