import Foundation

extension Schedule {
    /// The longest grace window: a week, so a late entry never reaches far back.
    public static let maximumGraceMinutes = 7 * 24 * 60
    /// The longest repeat interval or anchor delay, in days or weeks: ten
    /// years of days keeps every date arithmetic far from overflow.
    public static let maximumInterval = 3650
    /// Occurrence indices past this are not computed (10 a day for over 2,700 years).
    public static let maximumIndex = 10_000_000

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
        if case .afterAnchor(let days, _) = start, !(0...Self.maximumInterval).contains(days) {
            throw invalid(
                "a relative start needs 0 to \(Self.maximumInterval) days after the anchor")
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
        switch end {
        case .never: break
        case .until(let last):
            if case .on(let first) = start, last < first {
                throw invalid("the end date \(last) is before the start date \(first)")
            }
        case .count(let count):
            guard count >= 1 else { throw invalid("end after 1 or more occurrences") }
        case .after(let amount, _):
            guard amount >= 1 else { throw invalid("end after a duration of 1 or more") }
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
