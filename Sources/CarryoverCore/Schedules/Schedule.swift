import Foundation

/// When a client is asked to do a homework, computed in the client's time zone.
///
/// A schedule is a start, a pattern of local dates, a timing for each date,
/// an optional end and a grace window. Every value that exists is valid: the
/// initializer and the decoder both check it, so queries never fail.
///
/// Local times are turned into instants by the rule of RFC 5545 section 3.3.5:
/// a time that happens twice (autumn overlap) means its first happening; a
/// time that does not exist (spring gap) is read with the UTC offset before the
/// gap, which moves it forward by the length of the gap (02:30 becomes 03:30).
public struct Schedule: Sendable, Hashable, Codable {
    /// IANA time zone id of the client (e.g. "Europe/Berlin").
    public let timeZone: String
    /// Where the sequence of dates begins.
    public let start: Start
    /// Which local dates carry occurrences.
    public let pattern: Pattern
    /// The times of day (or window, or whole day) on each date.
    public let timing: Timing
    /// When the sequence stops.
    public let end: End
    /// Minutes after `due` during which a late entry still counts.
    public let graceMinutes: Int

    /// Where the sequence of dates begins.
    public enum Start: Sendable, Hashable, Codable {
        /// On a fixed local date.
        case on(LocalDate)
        /// `days` local days after the local date of `anchor` (e.g. after the
        /// previous exposure step is done). No occurrences while `anchor` is nil.
        case afterAnchor(days: Int, anchor: Date?)

        // Named keys in stored JSON instead of "_0".
        private enum OnCodingKeys: String, CodingKey { case _0 = "date" }
    }

    /// Which local dates carry occurrences.
    public enum Pattern: Sendable, Hashable, Codable {
        /// Every `interval` days from the start (1 = daily).
        case daily(interval: Int)
        /// Every `interval` weeks on `weekdays` (empty = the start's weekday).
        /// Weeks start on Monday.
        case weekly(interval: Int, weekdays: [Weekday])
        /// Chosen dates; a date with its own times ignores `timing`.
        case dates([CustomDate])

        private enum DatesCodingKeys: String, CodingKey { case _0 = "dates" }
    }

    /// What an occurrence looks like on its date.
    public enum Timing: Sendable, Hashable, Codable {
        /// Due at each of these local times; each opens when the previous one
        /// of the same day is due (the first at local midnight).
        case at([LocalTime])
        /// Opens at `from`, due at `to`; a window whose end is not after its
        /// start ends on the next day (e.g. 22:00-02:00).
        case window(from: LocalTime, to: LocalTime)
        /// Opens at local midnight, due at the next local midnight.
        case allDay

        private enum AtCodingKeys: String, CodingKey { case _0 = "times" }
    }

    /// When the sequence stops.
    public enum End: Sendable, Hashable, Codable {
        case never
        /// Last date with occurrences, inclusive.
        case until(LocalDate)
        /// After this many occurrences.
        case count(Int)
        /// After this long from the start date: dates before start + amount.
        case after(amount: Int, unit: DurationUnit)

        private enum UntilCodingKeys: String, CodingKey { case _0 = "date" }
        private enum CountCodingKeys: String, CodingKey { case _0 = "occurrences" }
    }

    /// The unit of an ``End/after(amount:unit:)`` duration.
    public enum DurationUnit: String, Sendable, Hashable, Codable {
        case days, weeks
    }

    /// A chosen date, optionally with its own due times.
    public struct CustomDate: Sendable, Hashable, Codable {
        public let date: LocalDate
        public let times: [LocalTime]?

        /// A date that uses the schedule's timing, or its own due times.
        public init(_ date: LocalDate, times: [LocalTime]? = nil) {
            self.date = date
            self.times = times
        }
    }

    /// A checked schedule.
    ///
    /// - Throws: ``CoreError`` `.invalidTimeZone` or `.invalidSchedule` with what to fix.
    public init(
        timeZone: String, start: Start, pattern: Pattern, timing: Timing, end: End = .never,
        graceMinutes: Int = 0
    ) throws(CoreError) {
        self.timeZone = timeZone
        self.start = start
        self.pattern = pattern
        self.timing = timing
        self.end = end
        self.graceMinutes = graceMinutes
        try validate()
    }

    private enum CodingKeys: String, CodingKey {
        case timeZone, start, pattern, timing, end, graceMinutes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            timeZone: container.decode(String.self, forKey: .timeZone),
            start: container.decode(Start.self, forKey: .start),
            pattern: container.decode(Pattern.self, forKey: .pattern),
            timing: container.decode(Timing.self, forKey: .timing),
            end: container.decodeIfPresent(End.self, forKey: .end) ?? .never,
            graceMinutes: container.decodeIfPresent(Int.self, forKey: .graceMinutes) ?? 0)
    }

    /// The same schedule with a new anchor, e.g. once the previous step is done.
    ///
    /// - Throws: ``CoreError`` `.invalidSchedule` when the schedule has no anchor.
    public func anchored(at anchor: Date) throws(CoreError) -> Schedule {
        guard case .afterAnchor(let days, _) = start else {
            throw CoreError(
                .invalidSchedule, "this schedule starts on a fixed date; it has no anchor to set")
        }
        return try Schedule(
            timeZone: timeZone, start: .afterAnchor(days: days, anchor: anchor), pattern: pattern,
            timing: timing, end: end, graceMinutes: graceMinutes)
    }

    /// The client's time zone (checked at creation).
    var zone: TimeZone { TimeZone(identifier: timeZone) ?? .gmt }

    /// The local date the sequence counts from; nil while an anchor is missing.
    public var startDate: LocalDate? {
        switch start {
        case .on(let date): date
        case .afterAnchor(let days, let anchor):
            anchor.map { LocalDate($0, in: zone).adding(days: days) }
        }
    }
}
