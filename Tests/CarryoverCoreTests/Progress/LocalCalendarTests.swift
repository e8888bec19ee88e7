import Foundation
import Testing

@testable import CarryoverCore

/// The day-number arithmetic of `LocalCalendar` and `LocalDate(_:in:)`
/// agrees with Foundation's ISO 8601 calendar, hour by hour through 2026
/// and across both of its daylight-saving changes, in four zones.
@Suite struct LocalCalendarTests {
    @Test(arguments: ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata"])
    func agreesWithFoundation(zone: String) {
        let timeZone = TimeZone(identifier: zone)!
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = timeZone
        let local = LocalCalendar(timeZone: timeZone)
        let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00Z
        for hour in stride(from: 0, to: 366 * 24, by: 7) {
            let instant = start.addingTimeInterval(Double(hour) * 3_600 + 1_234)
            let parts = iso.dateComponents(
                [.year, .month, .day, .hour, .minute, .weekday, .weekOfYear, .yearForWeekOfYear],
                from: instant)
            let date = LocalDate(instant, in: timeZone)
            #expect([date.year, date.month, date.day] == [parts.year, parts.month, parts.day])
            #expect(
                local.weekStart(of: instant)
                    == iso.dateInterval(of: .weekOfYear, for: instant)!.start)
            #expect(local.isoWeek(of: instant) == (parts.yearForWeekOfYear!, parts.weekOfYear!))
            #expect(local.isoWeekday(of: instant) == (parts.weekday! + 5) % 7 + 1)
            #expect(local.minuteOfDay(of: instant) == parts.hour! * 60 + parts.minute!)
        }
    }
}
