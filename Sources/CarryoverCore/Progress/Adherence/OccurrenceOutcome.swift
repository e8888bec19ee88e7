import Foundation

/// One scheduled occurrence together with what the client did for it.
///
/// Matching entries to occurrences belongs to the schedules; progress only
/// reads the result, so it works the same for every schedule kind.
public struct OccurrenceOutcome: Sendable, Hashable, Codable {
    /// The occurrence, as the schedule computed it.
    public var occurrence: Occurrence
    /// The accepted entries that count for this occurrence.
    public var entries: [Entry]
    /// Whether the occurrence counts as done (by default: any entry counts).
    public var done: Bool
    /// Entries the client started for this occurrence that were rejected by
    /// validation or left incomplete; a sign the instructions are unclear.
    public var rejectedAttempts: Int

    /// Pairs an occurrence with its entries; `done` defaults to "has an entry".
    public init(
        occurrence: Occurrence, entries: [Entry] = [], done: Bool? = nil,
        rejectedAttempts: Int = 0
    ) {
        self.occurrence = occurrence
        self.entries = entries
        self.done = done ?? !entries.isEmpty
        self.rejectedAttempts = rejectedAttempts
    }

    /// Where the occurrence stands at `now`.
    ///
    /// Done wins even before the due time (homework done early counts).
    /// An occurrence is missed only once `now` is later than due + grace,
    /// because an entry made exactly at due + grace still counts for it.
    public func status(now: Date, grace: TimeInterval) -> OccurrenceStatus {
        if done { return .done }
        return now > occurrence.due.addingTimeInterval(grace) ? .missed : .pending
    }
}

/// Where an occurrence stands at a given moment.
public enum OccurrenceStatus: String, Sendable, Hashable, Codable {
    /// Done (possibly before it was due).
    case done
    /// Not done, and its due time plus grace has passed.
    case missed
    /// Not done yet, but the client may still do it: it counts neither way.
    case pending
}

extension [OccurrenceOutcome] {
    /// The outcomes in schedule order with their status at `now`.
    func resolved(now: Date, grace: TimeInterval) -> [(
        outcome: OccurrenceOutcome, status: OccurrenceStatus
    )] {
        sorted { $0.occurrence.index < $1.occurrence.index }
            .map { ($0, $0.status(now: now, grace: grace)) }
    }
}
