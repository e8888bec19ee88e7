import Foundation
import Testing

@testable import CarryoverCore

/// Expected instants are worked out by hand from the 2026 rules:
/// - Europe/Berlin (EU rule, last Sunday of March/October at 01:00 UTC): CET
///   (UTC+1) until 2026-03-29 01:00Z, CEST (UTC+2) until 2026-10-25 01:00Z.
/// - America/New_York (US rule, second Sunday of March, first Sunday of
///   November at 02:00 local): 2026-03-01 is a Sunday, so EST (UTC-5) until
///   2026-03-08 07:00Z, EDT (UTC-4) until 2026-11-01 06:00Z.
@Suite struct DaylightSavingTests {
    /// A zone, the first of two days, and both 20:00 local dues in UTC.
    private static let changes: [(zone: String, first: String, dues: [String])] = [
        // Spring, Berlin: 20:00 CET = 19:00Z, then 20:00 CEST = 18:00Z.
        ("Europe/Berlin", "2026-03-28", ["2026-03-28T19:00:00Z", "2026-03-29T18:00:00Z"]),
        // Autumn, Berlin: 20:00 CEST = 18:00Z, then 20:00 CET = 19:00Z.
        ("Europe/Berlin", "2026-10-24", ["2026-10-24T18:00:00Z", "2026-10-25T19:00:00Z"]),
        // Spring, New York: 20:00 EST = 01:00Z next day, then 20:00 EDT = 00:00Z next day.
        ("America/New_York", "2026-03-07", ["2026-03-08T01:00:00Z", "2026-03-09T00:00:00Z"]),
        // Autumn, New York: 20:00 EDT = 00:00Z next day, then 20:00 EST = 01:00Z next day.
        ("America/New_York", "2026-10-31", ["2026-11-01T00:00:00Z", "2026-11-02T01:00:00Z"]),
    ]

    @Test(arguments: changes)
    func daily20StaysAt20LocalAcrossTheChange(zone: String, first: String, expected: [String])
        throws
    {
        let schedule = try Schedule(
            timeZone: zone, start: .on(day(first)), pattern: .daily(interval: 1),
            timing: .at([at("20:00")]), end: .count(2))
        #expect(dues(schedule, count: 3) == expected.map(utc))
    }

    @Test func springGapMovesForwardByTheGap() throws {
        // RFC 5545 3.3.5: a missing local time is read with the offset before the gap.
        // Berlin 02:30 on 2026-03-29 with CET (+1) = 01:30Z, shown as 03:30 CEST.
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        #expect(
            berlin.instant(of: day("2026-03-29"), at: at("02:30")) == utc("2026-03-29T01:30:00Z"))
        // New York 02:30 on 2026-03-08 with EST (-5) = 07:30Z, shown as 03:30 EDT.
        let newYork = TimeZone(identifier: "America/New_York")!
        #expect(
            newYork.instant(of: day("2026-03-08"), at: at("02:30")) == utc("2026-03-08T07:30:00Z"))
        // A daily 02:30 in Berlin: 01:30Z in CET, 01:30Z on the gap day, 00:30Z in CEST.
        let schedule = try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-28")), pattern: .daily(interval: 1),
            timing: .at([at("02:30")]), end: .count(3))
        #expect(
            dues(schedule, count: 3) == [
                utc("2026-03-28T01:30:00Z"), utc("2026-03-29T01:30:00Z"),
                utc("2026-03-30T00:30:00Z"),
            ])
    }

    @Test func autumnOverlapTakesTheFirstHappening() {
        // Berlin 02:30 on 2026-10-25 happens at 00:30Z (CEST) and 01:30Z (CET): first wins.
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        #expect(
            berlin.instant(of: day("2026-10-25"), at: at("02:30")) == utc("2026-10-25T00:30:00Z"))
        // New York 01:30 on 2026-11-01 happens at 05:30Z (EDT) and 06:30Z (EST): first wins.
        let newYork = TimeZone(identifier: "America/New_York")!
        #expect(
            newYork.instant(of: day("2026-11-01"), at: at("01:30")) == utc("2026-11-01T05:30:00Z"))
    }

    @Test func unambiguousTimesAgreeWithFoundationCalendarAllYear() {
        // Away from the gap and the overlap the rule must match Calendar.date(from:).
        for zoneID in ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata"] {
            let zone = TimeZone(identifier: zoneID)!
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            for offset in 0..<365 {
                let date = day("2026-01-01").adding(days: offset)
                let parts = DateComponents(
                    year: date.year, month: date.month, day: date.day, hour: 20, minute: 15)
                #expect(zone.instant(of: date, at: at("20:15")) == calendar.date(from: parts)!)
            }
        }
    }

    @Test func localDateArithmeticMatchesFoundation() {
        // Day numbers checked against Calendar's count of days since 1970-01-01.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let epoch = Date(timeIntervalSince1970: 0)
        for text in ["1970-01-01", "2000-02-29", "2026-03-29", "2100-03-01", "1969-12-31"] {
            let date = day(text)
            let parts = DateComponents(year: date.year, month: date.month, day: date.day)
            let expected = calendar.dateComponents(
                [.day], from: epoch, to: calendar.date(from: parts)!)
            #expect(date.dayNumber == expected.day)
        }
        #expect(day("2026-03-29").weekday == .sunday)  // EU change is on a Sunday
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDate("2026-3-1") == nil)
    }
}
