import Foundation

/// A calendar day without a time zone (a wall-calendar date in the client's zone).
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Creates a date; throws when the day does not exist (e.g. 2026-02-30).
    public init(_ year: Int, _ month: Int, _ day: Int) throws {
        self.year = year
        self.month = month
        self.day = day
        guard LocalDate.gregorianUTC.date(from: components) != nil,
            (1...12).contains(month), (1...LocalDate.daysIn(year: year, month: month)).contains(day)
        else {
            throw ExportError(.invalidDate, "A date must exist on the calendar (YYYY-MM-DD).")
        }
    }

    /// Parses `YYYY-MM-DD`.
    public init(iso text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else {
            throw ExportError(.invalidDate, "Write dates as YYYY-MM-DD.")
        }
        try self.init(y, m, d)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// `YYYYMMDD`, the iCalendar DATE form.
    var basic: String { String(format: "%04d%02d%02d", year, month, day) }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> LocalDate {
        let date = LocalDate.gregorianUTC.date(byAdding: .day, value: days, to: noonUTC)!
        return LocalDate(
            unchecked: LocalDate.gregorianUTC.dateComponents([.year, .month, .day], from: date))
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: LocalDate) -> Int {
        LocalDate.gregorianUTC.dateComponents([.day], from: noonUTC, to: other.noonUTC).day!
    }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var isoWeekday: Int {
        let sundayFirst = LocalDate.gregorianUTC.component(.weekday, from: noonUTC)
        return (sundayFirst + 5) % 7 + 1
    }

    /// Every date from `start` through `end`, inclusive.
    public static func days(from start: LocalDate, through end: LocalDate) -> [LocalDate] {
        guard start <= end else { return [] }
        return (0...start.days(to: end)).map { start.adding(days: $0) }
    }

    static func daysIn(year: Int, month: Int) -> Int {
        var first = DateComponents()
        first.year = year
        first.month = month
        first.day = 1
        guard let date = gregorianUTC.date(from: first),
            let range = gregorianUTC.range(of: .day, in: .month, for: date)
        else { return 0 }
        return range.count
    }

    var components: DateComponents {
        var c = DateComponents()
        c.year = year
        c.month = month
        c.day = day
        return c
    }

    /// Noon UTC of the day: far from any day boundary, so day arithmetic is exact.
    private var noonUTC: Date {
        var c = components
        c.hour = 12
        return LocalDate.gregorianUTC.date(from: c)!
    }

    private init(unchecked c: DateComponents) {
        year = c.year!
        month = c.month!
        day = c.day!
    }

    static let gregorianUTC: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

/// A wall-clock date and time without a zone; the zone comes with the series
/// or report that holds it.
public struct LocalDateTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var date: LocalDate
    public var hour: Int
    public var minute: Int
    public var second: Int

    /// Creates a local date-time; throws when a field is out of range.
    public init(_ date: LocalDate, _ hour: Int, _ minute: Int, _ second: Int = 0) throws {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else {
            throw ExportError(.invalidDate, "A time must be between 00:00:00 and 23:59:59.")
        }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// `YYYY-MM-DDTHH:MM:SS`.
    public var description: String {
        date.description + String(format: "T%02d:%02d:%02d", hour, minute, second)
    }

    /// `YYYYMMDDTHHMMSS`, the iCalendar floating/TZID DATE-TIME form.
    var basic: String { date.basic + String(format: "T%02d%02d%02d", hour, minute, second) }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.hour, lhs.minute, lhs.second) < (rhs.date, rhs.hour, rhs.minute, rhs.second)
    }
}
