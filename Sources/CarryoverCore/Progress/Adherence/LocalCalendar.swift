import Foundation

/// The ISO 8601 calendar (weeks start on Monday, week 1 holds the first
/// Thursday) in the client's time zone, so weeks and weekdays are the
/// client's, not the server's.
struct LocalCalendar {
    let calendar: Calendar

    init(timeZone: TimeZone) {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// Local midnight of the Monday that starts the week holding `date`.
    func weekStart(of date: Date) -> Date {
        calendar.dateInterval(of: .weekOfYear, for: date)!.start
    }

    /// ISO week-numbering year and week number of `date`.
    func isoWeek(of date: Date) -> (year: Int, week: Int) {
        let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
        return (parts.yearForWeekOfYear!, parts.weekOfYear!)
    }

    /// Local weekday, 1 = Monday ... 7 = Sunday.
    func isoWeekday(of date: Date) -> Int {
        (calendar.component(.weekday, from: date) + 5) % 7 + 1
    }

    /// Local minutes since midnight.
    func minuteOfDay(of date: Date) -> Int {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return parts.hour! * 60 + parts.minute!
    }

    /// English weekday name for an ISO weekday (1 = Monday); fixed, not
    /// locale-dependent, so flag texts are reproducible.
    static func weekdayName(_ isoWeekday: Int) -> String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][
            isoWeekday - 1]
    }
}
