import Foundation

/// Dates and times as the client reads them, in the client's time zone
/// (English names; by calendar arithmetic, since a DateFormatter per line
/// was a visible share of a request's time).
enum TimeText {
    private static let weekdays = [
        "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    ]
    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    private static func parts(_ date: Date, _ zone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateComponents([.weekday, .day, .month, .hour, .minute], from: date)
    }

    /// "Monday 8 December"
    static func day(_ date: Date, _ zone: TimeZone) -> String {
        let parts = parts(date, zone)
        return
            "\(weekdays[(parts.weekday ?? 1) - 1]) \(parts.day ?? 1) \(months[(parts.month ?? 1) - 1])"
    }

    /// "20:00"
    static func clock(_ date: Date, _ zone: TimeZone) -> String {
        let parts = parts(date, zone)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// "Tuesday 9 December at 20:00"
    static func moment(_ date: Date, _ zone: TimeZone) -> String {
        day(date, zone) + " at " + clock(date, zone)
    }
}
