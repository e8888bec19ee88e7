import Foundation

/// Dates and times as the client reads them, in the client's time zone.
enum TimeText {
    private static func format(_ pattern: String, _ date: Date, _ zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = zone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }

    /// "Monday 8 December"
    static func day(_ date: Date, _ zone: TimeZone) -> String {
        format("EEEE d MMMM", date, zone)
    }

    /// "20:00"
    static func clock(_ date: Date, _ zone: TimeZone) -> String {
        format("HH:mm", date, zone)
    }

    /// "Tuesday 9 December at 20:00"
    static func moment(_ date: Date, _ zone: TimeZone) -> String {
        day(date, zone) + " at " + clock(date, zone)
    }
}
