import Foundation

/// Strict parsing of ISO 8601 / RFC 3339 dates: a day that does not exist
/// (2026-02-30) is an error, never rolled over into March as lenient
/// formatters do.
enum StrictDate {
    /// Why a text is not a date.
    enum Problem: Error, Equatable {
        case shape(expected: String)
        case outOfRange(String)
    }

    /// Parses `YYYY-MM-DD` to the day's number since 1970-01-01.
    static func day(_ text: String) throws(Problem) -> Int {
        let parts = Array(text.utf8)
        guard parts.count == 10, parts[4] == UInt8(ascii: "-"), parts[7] == UInt8(ascii: "-"),
            let year = number(parts[0..<4]), let month = number(parts[5..<7]),
            let day = number(parts[8..<10])
        else { throw .shape(expected: "YYYY-MM-DD") }
        guard (1...12).contains(month) else { throw .outOfRange("month \(month) does not exist") }
        guard (1...daysIn(month: month, year: year)).contains(day) else {
            throw .outOfRange("day \(day) does not exist in month \(month) of \(year)")
        }
        return daysFromCivil(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`; the offset is required
    /// so a time never silently takes the machine's zone.
    static func instant(_ text: String) throws(Problem) -> Date {
        let shape = "YYYY-MM-DDTHH:MM:SSZ or with an offset such as +01:00"
        let bytes = Array(text.utf8)
        guard bytes.count >= 17, bytes[10] == UInt8(ascii: "T") else {
            throw .shape(expected: shape)
        }
        let days = try day(String(decoding: bytes[0..<10], as: UTF8.self))
        var rest = bytes[11...]
        guard let hour = take(&rest, 2), take(&rest, ":"), let minute = take(&rest, 2) else {
            throw .shape(expected: shape)
        }
        var seconds = 0.0
        if take(&rest, ":") {
            guard let whole = take(&rest, 2) else { throw .shape(expected: shape) }
            seconds = Double(whole)
            if take(&rest, ".") {
                let digits = rest.prefix { (48...57).contains($0) }
                guard !digits.isEmpty,
                    let fraction = Double("0." + String(decoding: digits, as: UTF8.self))
                else { throw .shape(expected: shape) }
                seconds += fraction
                rest = rest.dropFirst(digits.count)
            }
        }
        guard hour < 24 else { throw .outOfRange("hour \(hour) does not exist") }
        guard minute < 60 else { throw .outOfRange("minute \(minute) does not exist") }
        guard seconds < 60 else { throw .outOfRange("second \(Int(seconds)) does not exist") }
        let offset = try self.offset(rest, shape: shape)
        let local = Double(days * 86_400 + hour * 3_600 + minute * 60) + seconds
        return Date(timeIntervalSince1970: local - Double(offset))
    }

    /// `Z` or `±HH:MM`, in seconds east of UTC.
    private static func offset(_ bytes: ArraySlice<UInt8>, shape: String) throws(Problem) -> Int {
        var rest = bytes
        if take(&rest, "Z"), rest.isEmpty { return 0 }
        guard let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else {
            throw .shape(expected: shape)
        }
        rest = rest.dropFirst()
        guard let hours = take(&rest, 2), take(&rest, ":"), let minutes = take(&rest, 2),
            rest.isEmpty
        else { throw .shape(expected: shape) }
        guard hours < 24, minutes < 60 else { throw .outOfRange("the UTC offset does not exist") }
        let seconds = hours * 3_600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -seconds : seconds
    }

    private static func take(_ rest: inout ArraySlice<UInt8>, _ count: Int) -> Int? {
        guard rest.count >= count, let value = number(rest.prefix(count)) else { return nil }
        rest = rest.dropFirst(count)
        return value
    }

    private static func take(_ rest: inout ArraySlice<UInt8>, _ char: Unicode.Scalar) -> Bool {
        guard rest.first == UInt8(ascii: char) else { return false }
        rest = rest.dropFirst()
        return true
    }

    /// Digits only (no sign, no spaces) as a number.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Gregorian leap years: every 4th, except centuries not divisible by 400.
    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant,
    /// "chrono-Compatible Low-Level Date Algorithms", days_from_civil).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
