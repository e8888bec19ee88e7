import Foundation

/// How many occurrences were done out of those that were due.
public struct AdherenceCount: Sendable, Hashable, Codable {
    /// Occurrences done.
    public var done: Int
    /// Done plus missed occurrences; pending ones are not counted.
    public var due: Int

    public init(done: Int, due: Int) {
        self.done = done
        self.due = due
    }

    /// Done and due of `outcomes` at `now`: ``AdherenceReport/overall``
    /// without the weeks (what a caseload line shows).
    public init(outcomes: [OccurrenceOutcome], now: Date, grace: TimeInterval) {
        self.init(done: 0, due: 0)
        for (_, status) in outcomes.resolved(now: now, grace: grace) { add(status) }
    }

    /// `done / due`, or nil when nothing was due yet.
    public var fraction: Double? { due == 0 ? nil : Double(done) / Double(due) }

    mutating func add(_ status: OccurrenceStatus) {
        guard status != .pending else { return }
        due += 1
        if status == .done { done += 1 }
    }
}

/// Adherence in one ISO week of the client's calendar.
public struct WeekAdherence: Sendable, Hashable, Codable {
    /// Local midnight of the week's Monday.
    public var weekStart: Date
    /// ISO 8601 week-numbering year (may differ from the calendar year).
    public var isoYear: Int
    /// ISO 8601 week number, 1-53.
    public var isoWeek: Int
    /// Done and due occurrences that opened in this week.
    public var count: AdherenceCount
}

/// Adherence of one assignment up to "now": overall and per ISO week.
///
/// An occurrence counts as due once it is done or once its due time plus
/// grace has passed (then it is missed); occurrences the client can still do
/// are left out, so future occurrences never lower adherence. An occurrence
/// belongs to the week of its local start time.
public struct AdherenceReport: Sendable, Hashable, Codable {
    /// Everything from the first occurrence up to now.
    public var overall: AdherenceCount
    /// Weeks with at least one counted occurrence, oldest first.
    public var weeks: [WeekAdherence]
    /// The client's current week (the one holding `now` in their zone), even
    /// when nothing in it was due yet.
    public var currentWeek: WeekAdherence

    /// Counts adherence of `outcomes` at `now` in `timeZone`'s ISO weeks.
    public init(
        outcomes: [OccurrenceOutcome], now: Date, grace: TimeInterval, timeZone: TimeZone
    ) {
        let resolved = outcomes.resolved(now: now, grace: grace)
        self.init(
            resolved.lazy.map { (occurrence: $0.outcome.occurrence, status: $0.status) }, now: now,
            timeZone: timeZone)
    }

    /// Adherence of occurrences whose status at `now` is known, in schedule
    /// order (as ``OccurrenceHistory`` resolves them once for all its readers).
    init(
        _ resolved: some Collection<(occurrence: Occurrence, status: OccurrenceStatus)>,
        now: Date, timeZone: TimeZone
    ) {
        let calendar = LocalCalendar(timeZone: timeZone)
        var overall = AdherenceCount(done: 0, due: 0)
        var byWeek: [Date: AdherenceCount] = [:]
        for (occurrence, status) in resolved where status != .pending {
            overall.add(status)
            let start = calendar.weekStart(of: occurrence.start)
            byWeek[start, default: AdherenceCount(done: 0, due: 0)].add(status)
        }
        self.overall = overall
        let week = { (start: Date) in
            let (year, number) = calendar.isoWeek(of: start)
            return WeekAdherence(
                weekStart: start, isoYear: year, isoWeek: number,
                count: byWeek[start] ?? AdherenceCount(done: 0, due: 0))
        }
        self.weeks = byWeek.keys.sorted().map(week)
        self.currentWeek = week(calendar.weekStart(of: now))
    }
}
