import Foundation

/// An assignment's occurrences that have opened by now, each with the
/// entries that count for it: what adherence, streaks, completion and
/// barrier flags are computed from, across all the assignment's versions.
public struct OccurrenceHistory: Sendable {
    public let assignment: Assignment
    public let timeline: AssignmentTimeline
    /// The moment it is read at: the clock's now, or where an ended
    /// assignment ended (nothing after that is due or missed).
    public let now: Date
    /// The current schedule's grace window.
    public let grace: TimeInterval
    /// The occurrences opened by `now`, oldest first, pauses left out. One
    /// due before the assignment was made (today's 08:00 when it is assigned
    /// at 09:00) is in only when done: it cannot have been missed.
    public let occurrences: [Occurrence]
    /// Entries by the index of the occurrence they count for.
    public let entries: [Int: [Entry]]
    /// Each of `occurrences`' status at `now` with grace, resolved once for
    /// adherence, streaks and the caller.
    public let statuses: [OccurrenceStatus]

    /// Matches the `entries` that count (oldest first) to the occurrences opened by `now`.
    public init(assignment: Assignment, entries: [Entry], now clockNow: Date) {
        let now = assignment.endedAt.map { min($0, clockNow) } ?? clockNow
        let timeline = AssignmentTimeline(assignment)
        // Occurrences that have opened by now: an entry may complete one before it is due.
        let opened = timeline.occurrences(
            in: .clamped(
                assignment.createdAt.addingTimeInterval(-86_400),
                max(now, assignment.createdAt).addingTimeInterval(2 * 86_400)),
            excluding: assignment.pauses(until: now)
        ).filter { $0.start <= now }
        var byIndex: [Int: [Entry]] = [:]
        // Only what counts is matched: the homework, and supporters'
        // confirmations the therapist let count.
        let counting = entries.allSatisfy(\.counts) ? entries : entries.filter(\.counts)
        let matches = timeline.matching(counting.map(\.performedAt), among: opened)
        for (entry, occurrence) in zip(counting, matches) {
            if let occurrence { byIndex[occurrence.index, default: []].append(entry) }
        }
        self.assignment = assignment
        self.timeline = timeline
        self.now = now
        self.grace = TimeInterval(assignment.schedule.graceMinutes * 60)
        let occurrences = opened.filter {
            $0.due >= assignment.createdAt || byIndex[$0.index] != nil
        }
        self.occurrences = occurrences
        self.entries = byIndex
        let grace = self.grace
        // As OccurrenceOutcome.status: done once it has an entry, missed once due + grace passed.
        self.statuses = occurrences.map {
            byIndex[$0.index] != nil
                ? .done : now > $0.due.addingTimeInterval(grace) ? .missed : .pending
        }
    }

    /// Adherence at `now`, overall and per week of the client's calendar.
    public func adherence() -> AdherenceReport {
        AdherenceReport(
            zip(occurrences, statuses).lazy.map { (occurrence: $0, status: $1) }, now: now,
            timeZone: timeZone)
    }

    /// Streaks at `now`.
    public func streak() -> StreakSummary { StreakSummary(statuses: statuses) }

    /// Each occurrence with its entries.
    public var outcomes: [OccurrenceOutcome] {
        occurrences.map { OccurrenceOutcome(occurrence: $0, entries: entries[$0.index] ?? []) }
    }

    /// The client's time zone, as the schedule has it.
    public var timeZone: TimeZone { TimeZone(identifier: assignment.schedule.timeZone) ?? .gmt }

    /// Where the current completion rule stands; an occurrence counts as
    /// missed once its due time plus grace has passed.
    public func completion() throws -> CompletionStatus {
        try CompletionEvaluator().evaluate(
            assignment.completion,
            over: CompletionInput(
                occurrences: occurrences, entries: entries, now: now.addingTimeInterval(-grace)))
    }

    /// For an active assignment, the first time due after now that no entry
    /// has done early, however far ahead.
    public func next() -> Occurrence? {
        guard assignment.status == .active else { return nil }
        var candidate = timeline.firstOccurrence(dueAfter: now)
        while let found = candidate, entries[found.index] != nil {
            candidate = timeline.occurrence(index: found.index + 1)
        }
        return candidate
    }
}
