import Foundation

extension Schedule {
    /// The longest grace window: a week, so a late entry never reaches far back.
    public static let maximumGraceMinutes = 7 * 24 * 60
    /// The longest repeat interval or anchor delay, in days or weeks: ten
    /// years of days keeps every date arithmetic far from overflow.
    public static let maximumInterval = 3650
    /// Occurrence indices past this are not computed (10 a day for over 2,700 years).
    public static let maximumIndex = 10_000_000
    /// The longest schedule: its end is at most this many days after its start
    /// (about ten years), so every date it computes stays in ``supportedDates``.
    public static let maximumSpanDays = 3_660
    /// The most occurrences an end "after N times" can ask for.
    public static let maximumOccurrences = 10_000
    /// The dates a schedule may name (start, custom dates, end): 1900 to 2199.
    /// With ``maximumSpanDays`` and ``maximumInterval`` this keeps every date a
    /// schedule computes inside years 1 to 9999, where ``LocalDate`` is exact.
    public static let supportedDates =
        LocalDate(year: 1900, month: 1, day: 1)!...LocalDate(year: 2199, month: 12, day: 31)!

    /// Checks every part; the message says what to change.
    func validate() throws(CoreError) {
        guard TimeZone(identifier: timeZone) != nil else {
            throw CoreError(
                .invalidTimeZone,
                "unknown time zone '\(timeZone)'; use an IANA id such as 'Europe/Berlin'")
        }
        try validateStart()
        try validatePattern()
        try validateTiming()
        try validateEnd()
        guard (0...Self.maximumGraceMinutes).contains(graceMinutes) else {
            throw invalid("grace must be 0 to \(Self.maximumGraceMinutes) minutes (a week)")
        }
    }

    private func validateStart() throws(CoreError) {
        switch start {
        case .on(let date): try Self.requireSupported(date, "the start date")
        case .afterAnchor(let days, let anchor):
            guard (0...Self.maximumInterval).contains(days) else {
                throw invalid(
                    "a relative start needs 0 to \(Self.maximumInterval) days after the anchor")
            }
            if anchor != nil, let first = startDate {
                try Self.requireSupported(first, "the start after the anchor")
            }
        }
    }

    /// Refuses a date outside ``supportedDates``, naming the range.
    static func requireSupported(_ date: LocalDate, _ what: String) throws(CoreError) {
        guard supportedDates.contains(date) else {
            throw invalid(
                "\(what) \(date) is outside \(supportedDates.lowerBound) to "
                    + "\(supportedDates.upperBound); give a date in that range")
        }
    }

    private func validatePattern() throws(CoreError) {
        switch pattern {
        case .daily(let interval):
            guard (1...Self.maximumInterval).contains(interval) else {
                throw invalid("repeat every 1 to \(Self.maximumInterval) days")
            }
        case .weekly(let interval, let weekdays):
            guard (1...Self.maximumInterval).contains(interval) else {
                throw invalid("repeat every 1 to \(Self.maximumInterval) weeks")
            }
            guard Set(weekdays).count == weekdays.count else {
                throw invalid("name each weekday once")
            }
        case .dates(let dates):
            guard !dates.isEmpty else { throw invalid("give at least one date") }
            guard Set(dates.map(\.date)).count == dates.count else {
                throw invalid("give each date once; list several times on one date instead")
            }
            guard case .on(let first) = start else {
                throw invalid("custom dates are fixed; give them a fixed start date, not an anchor")
            }
            if let early = dates.map(\.date).filter({ $0 < first }).min() {
                throw invalid("date \(early) is before the start date \(first)")
            }
            guard dates.count <= Self.maximumOccurrences else {
                throw invalid("give at most \(Self.maximumOccurrences) dates")
            }
            for date in dates { try Self.requireSupported(date.date, "date") }
            if let last = dates.map(\.date).max(), first.days(to: last) > Self.maximumSpanDays {
                throw invalid(
                    "the dates span more than \(Self.maximumSpanDays) days (about ten years); "
                        + "make the schedule shorter")
            }
            for times in dates.compactMap(\.times) { try Self.validate(times: times) }
        }
    }

    private func validateTiming() throws(CoreError) {
        switch timing {
        case .at(let times): try Self.validate(times: times)
        case .window(let from, let to):
            guard from != to else {
                throw invalid("a window needs different start and end times; use all-day instead")
            }
        case .allDay: break
        }
    }

    private func validateEnd() throws(CoreError) {
        let span = Self.maximumSpanDays
        switch end {
        case .never: break
        case .until(let last):
            try Self.requireSupported(last, "the end date")
            if case .on(let first) = start, last < first {
                throw invalid("the end date \(last) is before the start date \(first)")
            }
            if case .on(let first) = start, first.days(to: last) > span {
                throw invalid(
                    "the end date \(last) is more than \(span) days (about ten years) after "
                        + "the start \(first); end it sooner")
            }
        case .count(let count):
            guard (1...Self.maximumOccurrences).contains(count) else {
                throw invalid(
                    "end after 1 to \(Self.maximumOccurrences) occurrences (got \(count))")
            }
        case .after(let amount, let unit):
            let most = unit == .weeks ? span / 7 : span
            guard (1...most).contains(amount) else {
                throw invalid(
                    "a schedule runs for 1 to \(most) \(unit.rawValue) (about ten years), "
                        + "not \(amount)")
            }
        }
    }

    private static func validate(times: [LocalTime]) throws(CoreError) {
        guard !times.isEmpty else { throw invalid("give at least one time of day") }
        guard Set(times).count == times.count else { throw invalid("give each time of day once") }
    }

    private func invalid(_ message: String) -> CoreError { Self.invalid(message) }

    private static func invalid(_ message: String) -> CoreError {
        CoreError(.invalidSchedule, "invalid schedule: \(message)")
    }
}
