import CarryoverCore
import Foundation

/// A wall-clock date and time without a zone; the zone comes with the series
/// or report that holds it. Built on the core's `LocalDate`; seconds are
/// kept because time-zone transitions and time stamps need them.
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

    /// The core's date and time of day (always valid, so this cannot fail).
    public init(_ date: LocalDate, _ time: LocalTime) {
        self.date = date
        hour = time.hour
        minute = time.minute
        second = 0
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS]` with the core's `StrictDate`.
    public init(iso text: String) throws {
        let parsed: (date: LocalDate, time: LocalTime, second: Int)
        do throws(StrictDate.Problem) {
            parsed = try StrictDate.localDateTime(text)
        } catch {
            throw ExportError(
                .invalidDate, "'\(text)' \(error); write local date-times as YYYY-MM-DDTHH:MM[:SS]."
            )
        }
        try self.init(parsed.date, parsed.time.hour, parsed.time.minute, parsed.second)
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

    public init(from decoder: Decoder) throws {
        try self.init(iso: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Calendar arithmetic the exports need on top of the core's `LocalDate`.
extension LocalDate {
    /// `YYYYMMDD`, the iCalendar DATE form.
    var basic: String { String(format: "%04d%02d%02d", year, month, day) }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    var isoWeekday: Int { weekday.offset + 1 }

    /// Number of days in this date's month.
    var daysInMonth: Int { LocalDate.daysIn(month: month, year: year) }

    /// Every date from `start` through `end`, inclusive.
    static func days(from start: LocalDate, through end: LocalDate) -> [LocalDate] {
        guard start <= end else { return [] }
        return (0...start.days(to: end)).map { start.adding(days: $0) }
    }

    /// 1970-01-01, day number 0.
    static let epoch = LocalDate(year: 1970, month: 1, day: 1)!
}
