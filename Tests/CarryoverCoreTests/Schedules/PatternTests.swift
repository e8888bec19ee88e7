import Foundation
import Testing

@testable import CarryoverCore

/// Calendar facts used below, counted by hand: 2026-03-01 is a Sunday (2026-01-01
/// is a Thursday; +31 +28 days), so 2026-03-02 is a Monday and 2026-03-04 a
/// Wednesday. Berlin is UTC+1 until 2026-03-29, UTC+2 after; New York is
/// UTC-5 until 2026-03-08, UTC-4 after.
@Suite struct PatternTests {
    @Test func weeklyOnMondayWednesdayFriday() throws {
        // Starts on Wednesday 03-04 at 18:00 Berlin (17:00Z): Wed, Fri, Mon, Wed, Fri.
        let schedule = try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-04")),
            pattern: .weekly(interval: 1, weekdays: [.friday, .monday, .wednesday]),
            timing: .at([at("18:00")]))
        #expect(
            dues(schedule, count: 5)
                == [
                    "2026-03-04T17:00:00Z", "2026-03-06T17:00:00Z", "2026-03-09T17:00:00Z",
                    "2026-03-11T17:00:00Z", "2026-03-13T17:00:00Z",
                ].map(utc))
    }

    @Test func everyTwoWeeksSkipsTheWeekBetween() throws {
        // Weeks of Mon 03-02 and Mon 03-16 are active, 03-09 is not; 03-30 is after
        // the change to CEST, so 18:00 local is 16:00Z.
        let schedule = try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-04")),
            pattern: .weekly(interval: 2, weekdays: [.monday, .wednesday, .friday]),
            timing: .at([at("18:00")]))
        #expect(
            dues(schedule, count: 6)
                == [
                    "2026-03-04T17:00:00Z", "2026-03-06T17:00:00Z", "2026-03-16T17:00:00Z",
                    "2026-03-18T17:00:00Z", "2026-03-20T17:00:00Z", "2026-03-30T16:00:00Z",
                ].map(utc))
    }

    @Test func weeklyWithoutWeekdaysUsesTheStartsWeekday() throws {
        let schedule = try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-04")),
            pattern: .weekly(interval: 1, weekdays: []), timing: .at([at("18:00")]))
        #expect(
            dues(schedule, count: 2) == ["2026-03-04T17:00:00Z", "2026-03-11T17:00:00Z"].map(utc))
    }

    @Test func everyThreeDaysAcrossNewYorkSpringChange() throws {
        // 03-01, 03-04, 03-07 at 09:00 EST = 14:00Z; 03-10, 03-13 at 09:00 EDT = 13:00Z.
        let schedule = try Schedule(
            timeZone: "America/New_York", start: .on(day("2026-03-01")),
            pattern: .daily(interval: 3), timing: .at([at("09:00")]))
        #expect(
            dues(schedule, count: 5)
                == [
                    "2026-03-01T14:00:00Z", "2026-03-04T14:00:00Z", "2026-03-07T14:00:00Z",
                    "2026-03-10T13:00:00Z", "2026-03-13T13:00:00Z",
                ].map(utc))
    }

    @Test func customDatesWithOwnTimes() throws {
        // 03-05 has its own times (08:00, 12:00); the others use the schedule's 20:00.
        let schedule = try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-02")),
            pattern: .dates([
                .init(day("2026-03-10")), .init(day("2026-03-02")),
                .init(day("2026-03-05"), times: [at("12:00"), at("08:00")]),
            ]),
            timing: .at([at("20:00")]))
        #expect(
            dues(schedule, count: 5)
                == [
                    "2026-03-02T19:00:00Z", "2026-03-05T07:00:00Z", "2026-03-05T11:00:00Z",
                    "2026-03-10T19:00:00Z",
                ].map(utc))
        #expect(schedule.occurrence(index: 4) == nil)
        // The 12:00 occurrence opens when the 08:00 one is due.
        #expect(schedule.occurrence(index: 2)?.start == utc("2026-03-05T07:00:00Z"))
    }

    @Test func relativeStartWaitsForItsAnchor() throws {
        let waiting = try Schedule(
            timeZone: "Europe/Berlin", start: .afterAnchor(days: 2, anchor: nil),
            pattern: .daily(interval: 1), timing: .at([at("20:00")]), end: .count(1))
        #expect(waiting.occurrence(index: 0) == nil)
        #expect(
            waiting.occurrences(in: DateInterval(start: utc("2026-01-01T00:00:00Z"), duration: 1e8))
                .isEmpty)
        #expect(waiting.iCalendarRecurrence == nil)

        // Step done at 23:30Z on 03-10 = 00:30 on 03-11 in Berlin: the local day
        // counts, so 2 days after is 03-13, due 20:00 CET = 19:00Z.
        let anchored = try waiting.anchored(at: utc("2026-03-10T23:30:00Z"))
        #expect(dues(anchored, count: 2) == [utc("2026-03-13T19:00:00Z")])
        // 22:30Z on 03-10 is still 03-10 in Berlin (23:30 CET): 2 days after is 03-12.
        let earlier = try waiting.anchored(at: utc("2026-03-10T22:30:00Z"))
        #expect(dues(earlier, count: 1) == [utc("2026-03-12T19:00:00Z")])
    }

    @Test func eveningWindowIsDueAtItsEnd() throws {
        // 18:00-21:00 New York on 03-08 (EDT, UTC-4): opens 22:00Z, due 01:00Z next day.
        let schedule = try Schedule(
            timeZone: "America/New_York", start: .on(day("2026-03-08")),
            pattern: .daily(interval: 1), timing: .window(from: at("18:00"), to: at("21:00")))
        let first = try #require(schedule.occurrence(index: 0))
        #expect(first.start == utc("2026-03-08T22:00:00Z"))
        #expect(first.due == utc("2026-03-09T01:00:00Z"))
        #expect(!first.allDay)
    }

    @Test func overnightWindowEndsNextDayAndFollowsTheGap() throws {
        // 22:00-02:00 Berlin from 03-28: opens 22:00 CET = 21:00Z; 02:00 on 03-29 does
        // not exist and moves to 03:00 CEST = 01:00Z, so this window lasts 3 hours.
        let schedule = try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-28")),
            pattern: .daily(interval: 1), timing: .window(from: at("22:00"), to: at("02:00")))
        let first = try #require(schedule.occurrence(index: 0))
        #expect(first.start == utc("2026-03-28T21:00:00Z"))
        #expect(first.due == utc("2026-03-29T01:00:00Z"))
    }

    @Test func allDayRunsFromLocalMidnightToLocalMidnight() throws {
        // 03-29 in Berlin is 23 hours long: 23:00Z on 03-28 (00:00 CET) to 22:00Z (00:00 CEST).
        let schedule = try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-29")),
            pattern: .daily(interval: 1), timing: .allDay)
        let first = try #require(schedule.occurrence(index: 0))
        #expect(first.start == utc("2026-03-28T23:00:00Z"))
        #expect(first.due == utc("2026-03-29T22:00:00Z"))
        #expect(first.allDay)
    }

    @Test func severalTimesADayShareOneDate() throws {
        // 08:00 and 20:00 Berlin on 03-02: 07:00Z and 19:00Z; the 08:00 one opens at midnight.
        let schedule = try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-02")), pattern: .daily(interval: 1),
            timing: .at([at("20:00"), at("08:00")]))
        #expect(
            dues(schedule, count: 3)
                == [
                    "2026-03-02T07:00:00Z", "2026-03-02T19:00:00Z", "2026-03-03T07:00:00Z",
                ].map(utc))
        #expect(schedule.occurrence(index: 0)?.start == utc("2026-03-01T23:00:00Z"))
        #expect(schedule.occurrence(index: 1)?.start == utc("2026-03-02T07:00:00Z"))
    }
}
