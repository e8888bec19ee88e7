import Foundation

/// A calendar date without a time zone (proleptic Gregorian), coded as "2026-03-29".
///
/// Schedules count in local dates so a daily task stays on its calendar day
/// whatever the UTC offset of that day is.
public struct LocalDate: Sendable, Hashable, Comparable, CodedAsText {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A date from its parts; fails for dates that do not exist (e.g. 2026-02-30)
    /// and for years outside 1...9999 (those of ISO 8601 basic dates).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.init(unchecked: year, month, day)
    }

    /// Parses "YYYY-MM-DD" with ``StrictDate/date(_:)``.
    public init?(_ text: String) {
        guard let date = try? StrictDate.date(text) else { return nil }
        self = date
    }

    /// The number of days in `month` (1-12) of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Gregorian leap years: every 4th, except centuries not divisible by 400.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The local date of `instant` in `timeZone`.
    public init(_ instant: Date, in timeZone: TimeZone) {
        // The zone's offset at that instant, then calendar arithmetic: a
        // Calendar per call cost more than the rest of a status (carryover-bench).
        self.init(dayNumber: Self.localDayNumber(of: instant, in: timeZone))
    }

    /// Days since 1970-01-01 of the local date of `instant` in `timeZone`.
    static func localDayNumber(of instant: Date, in timeZone: TimeZone) -> Int {
        localDayNumber(of: instant, offset: timeZone.secondsFromGMT(for: instant))
    }

    /// Days since 1970-01-01 of the local date of `instant` at a UTC offset of `offset` seconds.
    static func localDayNumber(of instant: Date, offset: Int) -> Int {
        let local = instant.timeIntervalSince1970 + Double(offset)
        return Int((local / 86_400).rounded(.down))
    }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int { Self.dayNumber(year: year, month: month, day: day) }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> LocalDate { Self(dayNumber: dayNumber + days) }

    /// Midnight UTC of the date.
    public var midnightUTC: Date { Date(timeIntervalSince1970: TimeInterval(dayNumber) * 86_400) }

    /// Whole days from `self` to `other`.
    public func days(to other: LocalDate) -> Int { other.dayNumber - dayNumber }

    /// The day of the week of this date.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday; Weekday counts from Monday = 0.
        Weekday.allCases[((dayNumber + 3) % 7 + 7) % 7]
    }

    public var description: String {
        let yyyy = String(year).leftPadded(to: 4)
        return "\(yyyy)-\(String(month).leftPadded(to: 2))-\(String(day).leftPadded(to: 2))"
    }

    /// The iCalendar DATE form, e.g. "20260329".
    var compact: String { description.replacingOccurrences(of: "-", with: "") }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Civil date from a day number: H. Hinnant, "chrono-Compatible Low-Level
    /// Date Algorithms" (civil_from_days), exact for the proleptic Gregorian calendar.
    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Day number from a civil date: Hinnant's days_from_civil.
    private static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

/// A wall-clock time of day to the minute, coded as "20:00".
public struct LocalTime: Sendable, Hashable, Comparable, CodedAsText {
    public let hour: Int
    public let minute: Int

    /// A time from its parts; fails outside 00:00...23:59.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses "HH:MM" with ``StrictDate/time(_:)``.
    public init?(_ text: String) {
        guard let time = try? StrictDate.time(text) else { return nil }
        self = time
    }

    public static let midnight = LocalTime(hour: 0, minute: 0)!

    /// Minutes since local midnight.
    public var minutes: Int { hour * 60 + minute }

    public var description: String {
        "\(String(hour).leftPadded(to: 2)):\(String(minute).leftPadded(to: 2))"
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.minutes < rhs.minutes }

}

/// A day of the week; weeks start on Monday (ISO 8601, RFC 5545 WKST=MO).
public enum Weekday: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case monday = "mon"
    case tuesday = "tue"
    case wednesday = "wed"
    case thursday = "thu"
    case friday = "fri"
    case saturday = "sat"
    case sunday = "sun"

    /// Days after Monday (Monday = 0).
    public var offset: Int { Weekday.allCases.firstIndex(of: self)! }

    /// The RFC 5545 BYDAY code ("MO").
    var icalCode: String { String(rawValue.prefix(2)).uppercased() }

    /// The short English name ("Mon").
    var shortName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.offset < rhs.offset }
}

/// A value stored in JSON as its text form ("2026-03-29", "20:00"), so stored
/// schedules read like what a therapist typed.
public protocol CodedAsText: Codable, CustomStringConvertible {
    init?(_ text: String)
}

extension CodedAsText {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "cannot read '\(text)'"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
