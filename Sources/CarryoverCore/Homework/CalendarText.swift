/// Checks of the date and time texts that entries carry.
///
/// Written out rather than parsed with `DateFormatter` so they are exact
/// (no lenient parsing, no locale) and match the JSON Schema patterns.
enum CalendarText {
    /// Regular expression of a date, as exported to JSON Schema.
    static let datePattern = #"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"#
    /// Regular expression of a time of day, as exported to JSON Schema.
    static let timePattern = #"^([01][0-9]|2[0-3]):[0-5][0-9]$"#

    /// `YYYY-MM-DD` naming a real day of the proleptic Gregorian calendar.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = digits(parts[0]), let month = digits(parts[1]), let day = digits(parts[2]),
            (1...12).contains(month)
        else { return false }
        return (1...daysIn(month: month, year: year)).contains(day)
    }

    /// `HH:MM`, 00:00 to 23:59.
    static func isTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            let hour = digits(parts[0]), let minute = digits(parts[1])
        else { return false }
        return (0...23).contains(hour) && (0...59).contains(minute)
    }

    private static func digits(_ text: Substring) -> Int? {
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
