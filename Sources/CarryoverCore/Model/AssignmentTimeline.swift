import Foundation

/// An assignment's occurrences across all its versions, as one sequence.
///
/// Each version's schedule owns the occurrences due in its period (from its
/// first local day up to the next version's); indices continue from one
/// version to the next, so the weeks before a change keep their
/// occurrences, indices and adherence. An assignment with one version is its
/// schedule exactly.
public struct AssignmentTimeline: Sendable {
    /// One version's stretch of the sequence.
    public struct Period: Sendable {
        public let number: Int
        public let schedule: Schedule
        public let completion: CompletionRule
        public let reinforcement: ReinforcementPlan
        public let params: Value
        /// Occurrences due from here on are this period's (`nil`: from the beginning).
        public let from: Date?
        /// ... and due before here (`nil`: no end).
        public let until: Date?
        let firstIndex: Int
        let indexOffset: Int

        /// The occurrence with the assignment-wide index.
        func global(_ occurrence: Occurrence) -> Occurrence {
            var shifted = occurrence
            shifted.index = indexOffset + occurrence.index - firstIndex
            return shifted
        }

        /// `interval` cut to this period, or nil when they do not meet.
        func clip(_ interval: DateInterval) -> DateInterval? {
            let start = max(interval.start, from ?? interval.start)
            let end = min(interval.end, until ?? interval.end)
            return end > start ? DateInterval(start: start, end: end) : nil
        }

        /// Whether an instant falls in this period.
        func contains(_ instant: Date) -> Bool {
            (from.map { instant >= $0 } ?? true) && (until.map { instant < $0 } ?? true)
        }
    }

    public let periods: [Period]

    public init(_ assignment: Assignment) {
        periods = assignment.allVersions.map { version, current in
            Period(
                number: version.number, schedule: version.schedule,
                completion: version.completion, reinforcement: version.reinforcement,
                params: version.params, from: version.start?.at,
                until: current ? nil : version.until, firstIndex: version.start?.firstIndex ?? 0,
                indexOffset: version.start?.indexOffset ?? 0)
        }
    }

    /// One version from the beginning: the schedule's own answers apply unchanged.
    private var single: Schedule? {
        periods.count == 1 && periods[0].from == nil ? periods[0].schedule : nil
    }

    /// The occurrences due in `interval`, oldest first, pauses left out (see
    /// ``Schedule/occurrences(in:excluding:)``).
    public func occurrences(in interval: DateInterval, excluding pauses: [DateInterval] = [])
        -> [Occurrence]
    {
        if let single { return single.occurrences(in: interval, excluding: pauses) }
        return periods.flatMap { period in
            period.clip(interval).map {
                period.schedule.occurrences(in: $0, excluding: pauses).map(period.global)
            } ?? []
        }
    }

    /// The occurrence an entry made at `instant` counts for: the oldest that
    /// takes it, in the version that owns it (see ``Schedule/occurrence(for:excluding:)``).
    public func occurrence(for instant: Date, excluding pauses: [DateInterval] = [])
        -> Occurrence?
    {
        if let single { return single.occurrence(for: instant, excluding: pauses) }
        for period in periods {
            // An occurrence takes the entry from its start (at most a day and
            // a bit before its due) through its due plus grace.
            let grace = TimeInterval(period.schedule.graceMinutes * 60)
            let window = DateInterval(
                start: instant.addingTimeInterval(-grace - 1),
                end: instant.addingTimeInterval(3 * 86_400))
            let found = period.clip(window).flatMap { clipped in
                period.schedule.occurrences(in: clipped, excluding: pauses).first {
                    $0.start <= instant && instant <= period.schedule.lateLimit(of: $0)
                }
            }
            if let found { return period.global(found) }
        }
        return nil
    }

    /// The occurrence each instant counts for among `occurrences` (as
    /// ``occurrences(in:excluding:)`` gives them), like ``occurrence(for:excluding:)``.
    public func matching(_ instants: [Date], among occurrences: [Occurrence]) -> [Occurrence?] {
        if let single { return single.matching(instants, among: occurrences) }
        let owned = periods.indices.map { index in
            occurrences.filter { self.periodIndex(of: $0.index) == index }
        }
        return instants.map { instant in
            for (period, list) in zip(periods, owned) where !list.isEmpty {
                if let match = period.schedule.matching([instant], among: list).first ?? nil {
                    return match
                }
            }
            return nil
        }
    }

    /// The occurrence with this assignment-wide index, if there is one.
    public func occurrence(index: Int) -> Occurrence? {
        if let single { return single.occurrence(index: index) }
        let period = period(of: index)
        guard
            let found = period.schedule.occurrence(
                index: index - period.indexOffset + period.firstIndex),
            period.contains(found.due)
        else { return nil }
        return period.global(found)
    }

    /// The first occurrence due after `instant`, however far ahead (see
    /// ``Schedule/firstOccurrence(dueAfter:)``), in the version that owns it.
    public func firstOccurrence(dueAfter instant: Date) -> Occurrence? {
        if let single { return single.firstOccurrence(dueAfter: instant) }
        for period in periods where period.until.map({ $0 > instant }) ?? true {
            // Dues fall on whole seconds: half a second before a period's start takes its first.
            let after = period.from.map { max(instant, $0.addingTimeInterval(-0.5)) } ?? instant
            if let found = period.schedule.firstOccurrence(dueAfter: after),
                period.contains(found.due)
            {
                return period.global(found)
            }
        }
        return nil
    }

    /// The version that owns the occurrence with this index.
    public func period(of index: Int) -> Period { periods[periodIndex(of: index)] }

    /// The version in force at `instant` (the first before it began, the last after).
    public func period(at instant: Date) -> Period {
        periods.first { $0.contains(instant) }
            ?? (instant < (periods[0].from ?? .distantPast)
                ? periods[0] : periods[periods.count - 1])
    }

    /// The last moment an entry still counts for `occurrence`.
    public func lateLimit(of occurrence: Occurrence) -> Date {
        period(of: occurrence.index).schedule.lateLimit(of: occurrence)
    }

    private func periodIndex(of index: Int) -> Int {
        // An empty version shares its offset with the next: the later one owns the index.
        periods.lastIndex { $0.indexOffset <= index } ?? 0
    }
}
