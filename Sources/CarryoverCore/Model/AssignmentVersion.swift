import Foundation

/// The terms an assignment ran under before a therapist changed them: a
/// change of schedule, rule, reinforcement or params starts a new version
/// from a date on, and the weeks before keep the terms they had.
public struct AssignmentVersion: Sendable, Hashable, Codable {
    /// 1 for the terms the assignment was made with.
    public var number: Int
    public var params: Value
    public var schedule: Schedule
    public var completion: CompletionRule
    public var reinforcement: ReinforcementPlan
    /// When these terms took effect; `nil` for version 1 (from creation).
    public var start: VersionStart?
    /// When the next version took over (local midnight of its first day).
    public var until: Date

    public init(
        number: Int, params: Value, schedule: Schedule, completion: CompletionRule,
        reinforcement: ReinforcementPlan, start: VersionStart?, until: Date
    ) {
        self.number = number
        self.params = params
        self.schedule = schedule
        self.completion = completion
        self.reinforcement = reinforcement
        self.start = start
        self.until = until
    }
}

/// Where a version of an assignment begins, and how its schedule's
/// occurrences are numbered in the assignment's one sequence.
///
/// Occurrence indices stay stable across versions: the earlier versions keep
/// theirs, and the new version's occurrences continue the count.
public struct VersionStart: Sendable, Hashable, Codable {
    /// The first local day of the version, in the client's time zone.
    public var date: LocalDate
    /// Local midnight of `date`: occurrences due from here on are the version's.
    public var at: Date
    /// The schedule's own index of its first occurrence due at or after `at`.
    public var firstIndex: Int
    /// The assignment-wide index that occurrence gets.
    public var indexOffset: Int

    public init(date: LocalDate, at: Date, firstIndex: Int, indexOffset: Int) {
        self.date = date
        self.at = at
        self.firstIndex = firstIndex
        self.indexOffset = indexOffset
    }
}

extension Assignment {
    /// Every version, the current one last, with the time it ran until (nil for the current one).
    public var allVersions: [(version: AssignmentVersion, current: Bool)] {
        versions.map { ($0, false) } + [
            (
                AssignmentVersion(
                    number: versionNumber, params: params, schedule: schedule,
                    completion: completion, reinforcement: reinforcement, start: versionStart,
                    until: .distantFuture), true
            )
        ]
    }
}
