import Foundation

/// The one parser of every date and time Carryover reads: the CLI's options,
/// `CARRYOVER_NOW`, imported lines, entry fields, schedule phrases and stored
/// documents.
///
/// Strict where lenient formatters guess: a day that does not exist
/// (2026-02-30, 2026-02-29) is an error, never rolled over into March; hours,
/// minutes and seconds must exist; a UTC offset is at most ±18:00 (the widest
/// a Foundation `TimeZone` takes). Written out rather than parsed with
/// `DateFormatter`, so it needs no locale and matches the JSON Schema patterns.
public enum StrictDate {
    /// Why a text is not a date or time; `description` reads after the text,
    /// as in "'2026-02-30' is not a real date: February 2026 has 28 days".
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public enum Kind: Sendable, Equatable {
            /// The text does not have the expected form.
            case shape
            /// The form is right but the date or time does not exist.
            case outOfRange
        }

        public let kind: Kind
        public let description: String

        static func shape(_ expected: String) -> Problem {
            Problem(kind: .shape, description: "is not in the form \(expected)")
        }

        static func range(_ why: String) -> Problem {
            Problem(kind: .outOfRange, description: "is not a real date or time: \(why)")
        }
    }

    /// Regular expression of a date, as exported to JSON Schema.
    public static let datePattern = #"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"#
    /// Regular expression of a time of day, as exported to JSON Schema.
    public static let timePattern = #"^([01][0-9]|2[0-3]):[0-5][0-9]$"#
    /// The widest UTC offset accepted, in seconds (±18:00).
    public static let maximumOffset = 18 * 3_600

    static let dateForm = "YYYY-MM-DD"
    static let instantForm = "YYYY-MM-DDTHH:MM:SSZ or with an offset such as +01:00"

    /// `YYYY-MM-DD`, a real day of the proleptic Gregorian calendar in years 1 to 9999.
    public static func date(_ text: String) throws(Problem) -> LocalDate {
        var rest = Array(text.utf8)[...]
        let date = try readDate(&rest, form: dateForm)
        guard rest.isEmpty else { throw .shape(dateForm) }
        return date
    }

    /// `HH:MM`, 00:00 to 23:59.
    public static func time(_ text: String) throws(Problem) -> LocalTime {
        var rest = Array(text.utf8)[...]
        guard let hour = take(&rest, 2), take(&rest, ":"), let minute = take(&rest, 2),
            rest.isEmpty
        else { throw .shape("HH:MM") }
        return try localTime(hour, minute)
    }

    /// `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z` or `±HH:MM`: an RFC 3339
    /// instant. The offset is required, so a time never silently takes the
    /// machine's zone.
    public static func instant(_ text: String) throws(Problem) -> Date {
        var rest = Array(text.utf8)[...]
        let date = try readDate(&rest, form: instantForm)
        guard take(&rest, "T") || take(&rest, "t") else { throw .shape(instantForm) }
        let (hour, minute, seconds) = try readClock(&rest, form: instantForm, fraction: true)
        let offset = try readOffset(rest)
        let local = Double(date.dayNumber * 86_400 + hour * 3_600 + minute * 60) + seconds
        return Date(timeIntervalSince1970: local - Double(offset))
    }

    /// A wall-clock date and time without a zone: `YYYY-MM-DDTHH:MM[:SS]`, or
    /// with a space for the `T` ("2026-12-01 19:30", as typed on a command line).
    public static func localDateTime(_ text: String) throws(Problem) -> (
        date: LocalDate, time: LocalTime, second: Int
    ) {
        let form = "YYYY-MM-DD HH:MM"
        var rest = Array(text.utf8)[...]
        let date = try readDate(&rest, form: form)
        guard take(&rest, "T") || take(&rest, " ") else { throw .shape(form) }
        let (hour, minute, seconds) = try readClock(&rest, form: form, fraction: false)
        guard rest.isEmpty else { throw .shape(form) }
        return (date, try localTime(hour, minute), Int(seconds))
    }

    /// Whether `text` is a real date (`YYYY-MM-DD`).
    public static func isDate(_ text: String) -> Bool { (try? date(text)) != nil }

    /// Whether `text` is a time of day (`HH:MM`).
    public static func isTime(_ text: String) -> Bool { (try? time(text)) != nil }

    /// The UTC date and second of that day of `instant`, by day-number
    /// arithmetic (no `Calendar`); nil outside years 1 to 9999, so no caller
    /// can trap on an instant out of range.
    public static func utc(_ instant: Date) -> (date: LocalDate, second: Int)? {
        let seconds = instant.timeIntervalSince1970.rounded(.down)
        // Years 1 and 9999 bound the day numbers: -719,162 and 2,932,896.
        guard seconds.isFinite, abs(seconds) < 3e11 else { return nil }
        let (days, second) = Int(seconds).quotientAndRemainder(dividingBy: 86_400)
        let date = LocalDate(dayNumber: second < 0 ? days - 1 : days)
        guard (1...9999).contains(date.year) else { return nil }
        return (date, second < 0 ? second + 86_400 : second)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`: the instant in UTC to the second, as error
    /// messages and exports show it ("out of range" beyond years 1 to 9999).
    public static func text(_ instant: Date) -> String {
        guard let (date, second) = utc(instant) else { return "out of range" }
        let clock = [second / 3_600, second / 60 % 60, second % 60]
            .map { String($0).leftPadded(to: 2) }.joined(separator: ":")
        return "\(date)T\(clock)Z"
    }

    // MARK: Pieces

    private static func readDate(_ rest: inout ArraySlice<UInt8>, form: String) throws(Problem)
        -> LocalDate
    {
        guard let year = take(&rest, 4), take(&rest, "-"), let month = take(&rest, 2),
            take(&rest, "-"), let day = take(&rest, 2)
        else { throw .shape(form) }
        guard (1...9999).contains(year) else { throw .range("year \(year) is outside 1 to 9999") }
        guard (1...12).contains(month) else { throw .range("there is no month \(month)") }
        let length = LocalDate.daysIn(month: month, year: year)
        guard (1...length).contains(day) else {
            throw .range("month \(month) of \(year) has \(length) days, not \(day)")
        }
        guard let date = LocalDate(year: year, month: month, day: day) else { throw .shape(form) }
        return date
    }

    /// `HH:MM[:SS[.fff]]`; the seconds as a number with their fraction.
    private static func readClock(
        _ rest: inout ArraySlice<UInt8>, form: String, fraction: Bool
    ) throws(Problem) -> (Int, Int, Double) {
        guard let hour = take(&rest, 2), take(&rest, ":"), let minute = take(&rest, 2) else {
            throw .shape(form)
        }
        var seconds = 0.0
        if take(&rest, ":") {
            guard let whole = take(&rest, 2) else { throw .shape(form) }
            guard whole < 60 else { throw .range("there is no second \(whole)") }
            seconds = Double(whole)
            if fraction, take(&rest, ".") {
                let digits = rest.prefix { (48...57).contains($0) }
                guard (1...9).contains(digits.count),
                    let part = Double("0." + String(decoding: digits, as: UTF8.self))
                else { throw .shape(form) }
                seconds += part
                rest = rest.dropFirst(digits.count)
            }
        }
        _ = try localTime(hour, minute)
        return (hour, minute, seconds)
    }

    private static func localTime(_ hour: Int, _ minute: Int) throws(Problem) -> LocalTime {
        guard hour < 24 else { throw .range("there is no hour \(hour)") }
        guard minute < 60, let time = LocalTime(hour: hour, minute: minute) else {
            throw .range("there is no minute \(minute)")
        }
        return time
    }

    /// `Z` or `±HH:MM` ending the text, in seconds east of UTC.
    private static func readOffset(_ bytes: ArraySlice<UInt8>) throws(Problem) -> Int {
        var rest = bytes
        if take(&rest, "Z") || take(&rest, "z") {
            guard rest.isEmpty else { throw .shape(instantForm) }
            return 0
        }
        guard let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else {
            throw .shape(instantForm)
        }
        rest = rest.dropFirst()
        guard let hours = take(&rest, 2), take(&rest, ":"), let minutes = take(&rest, 2),
            rest.isEmpty
        else { throw .shape(instantForm) }
        let seconds = hours * 3_600 + minutes * 60
        guard minutes < 60, seconds <= maximumOffset else {
            throw .range("a UTC offset is at most ±18:00")
        }
        return sign == UInt8(ascii: "-") ? -seconds : seconds
    }

    /// Exactly `count` ASCII digits as a number.
    private static func take(_ rest: inout ArraySlice<UInt8>, _ count: Int) -> Int? {
        let digits = rest.prefix(count)
        guard digits.count == count, digits.allSatisfy({ (48...57).contains($0) }) else {
            return nil
        }
        rest = rest.dropFirst(count)
        return digits.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    private static func take(_ rest: inout ArraySlice<UInt8>, _ char: Unicode.Scalar) -> Bool {
        guard rest.first == UInt8(ascii: char) else { return false }
        rest = rest.dropFirst()
        return true
    }
}
