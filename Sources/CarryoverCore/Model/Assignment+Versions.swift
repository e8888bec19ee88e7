import Foundation

extension Assignment {
    /// Applies a therapist's change of params, schedule, completion rule or
    /// reinforcement as a new version from local day `date` on, and records
    /// what changed with the reason.
    ///
    /// The current terms become an ``AssignmentVersion`` that runs until
    /// `date`'s local midnight: occurrences due before it keep their indices,
    /// entries and adherence. The new schedule's occurrences due from then on
    /// continue the count.
    ///
    /// - Throws: ``CoreError`` `.invalidTransition` when the assignment has
    ///   ended, the reason is empty, nothing would change, the time is
    ///   earlier than the last recorded change, or `date` is before the
    ///   current version's first day.
    public mutating func modify(
        _ modification: AssignmentModification, from date: LocalDate, at time: Date,
        reason: String
    ) throws(CoreError) {
        guard !status.isFinal else {
            throw CoreError(
                .invalidTransition,
                "assignment \(id) is \(status.rawValue) and cannot be changed; "
                    + "make a new assignment")
        }
        try checkChange(at: time, reason: reason)
        let zone = schedule.zone
        let currentStart = versionStart?.date ?? LocalDate(createdAt, in: zone)
        guard date >= currentStart else {
            throw CoreError(
                .invalidTransition,
                "a new version of assignment \(id) cannot start before the current one "
                    + "(\(currentStart)); give a date from \(currentStart) on")
        }
        var next = self
        var changed: [String] = []
        if let params = modification.params, params != self.params {
            next.params = params
            changed.append("params")
        }
        if let schedule = modification.schedule, schedule != self.schedule {
            changed.append("schedule '\(self.schedule)' -> '\(schedule)'")
            next.schedule = schedule
        }
        if let completion = modification.completion, completion != self.completion {
            next.completion = completion
            changed.append("completion rule")
        }
        if let reinforcement = modification.reinforcement, reinforcement != self.reinforcement {
            next.reinforcement = reinforcement
            changed.append("reinforcement")
        }
        guard !changed.isEmpty else {
            throw CoreError(
                .invalidTransition,
                "nothing to change in assignment \(id): the new values equal the current ones")
        }
        // The day starts where the new terms run (a client who moved: their new zone).
        let cut = next.schedule.zone.instant(of: date, at: .midnight)
        // The current version's occurrences due before the cut keep their indices.
        let kept = Self.dueBefore(cut, in: schedule, from: versionStart?.at, createdAt: createdAt)
        next.versions.append(
            AssignmentVersion(
                number: versionNumber, params: params, schedule: schedule, completion: completion,
                reinforcement: reinforcement, start: versionStart, until: cut))
        next.versionStart = VersionStart(
            date: date, at: cut,
            firstIndex: Self.dueBefore(cut, in: next.schedule, from: nil, createdAt: createdAt),
            indexOffset: (versionStart?.indexOffset ?? 0) + kept)
        next.history.append(
            AssignmentChange(
                at: time,
                what: "version \(next.versionNumber) from \(date): "
                    + changed.joined(separator: "; "), reason: reason))
        self = next
    }

    /// How many of `schedule`'s occurrences are due in [`from`, `cut`)
    /// (from its first occurrence when `from` is nil).
    static func dueBefore(_ cut: Date, in schedule: Schedule, from: Date?, createdAt: Date) -> Int {
        guard let startDate = schedule.startDate else { return 0 }
        // A due is never before its date's midnight; two days' margin covers any zone.
        let first = schedule.zone.instant(of: startDate, at: .midnight).addingTimeInterval(
            -2 * 86_400)
        let start = from ?? min(first, createdAt)
        guard cut > start else { return 0 }
        return schedule.occurrences(in: DateInterval(start: start, end: cut)).count
    }
}
