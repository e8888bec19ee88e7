import Foundation
import Testing

@testable import CarryoverCore

/// RRULE text follows RFC 5545 section 3.3.10 (recurrence rule) and 3.8.5.2
/// (RDATE); expected lines are written out by hand from those grammars.
@Suite struct ScheduleTextTests {
    @Test func dailyWithCountIsAnRRULE() throws {
        let schedule = try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-01")), pattern: .daily(interval: 1),
            timing: .at([at("20:00")]), end: .count(21))
        #expect(
            schedule.iCalendarRecurrence == [
                "DTSTART;TZID=Europe/Berlin:20260301T200000",
                "RRULE:FREQ=DAILY;BYHOUR=20;BYMINUTE=0;COUNT=21",
            ])
        #expect(schedule.description == "daily at 20:00 21 times, from 2026-03-01 (Europe/Berlin)")
    }

    @Test func durationEndReadsAsAndBecomesUntil() throws {
        // 3 weeks from 03-01 ends after 03-21; 03-21 23:59:59 CET (UTC+1) = 22:59:59Z.
        let schedule = try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-01")), pattern: .daily(interval: 1),
            timing: .at([at("20:00")]), end: .after(amount: 3, unit: .weeks))
        #expect(
            schedule.description == "daily at 20:00 for 3 weeks, from 2026-03-01 (Europe/Berlin)")
        #expect(schedule.rrule == "FREQ=DAILY;BYHOUR=20;BYMINUTE=0;UNTIL=20260321T225959Z")
    }

    @Test func weeklyUntilADateEndsAtTheLastLocalSecondInUTC() throws {
        // DTSTART is the first real occurrence (Wed 03-04); RFC 5545 requires a UTC
        // UNTIL with a TZID start: 2026-04-30 23:59:59 CEST (UTC+2) = 21:59:59Z.
        let schedule = try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-03")),
            pattern: .weekly(interval: 2, weekdays: [.friday, .monday, .wednesday]),
            timing: .at([at("08:00"), at("18:00")]), end: .until(day("2026-04-30")),
            graceMinutes: 90)
        #expect(
            schedule.iCalendarRecurrence == [
                "DTSTART;TZID=Europe/Berlin:20260304T080000",
                "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;WKST=MO;BYHOUR=8,18;BYMINUTE=0;"
                    + "UNTIL=20260430T215959Z",
            ])
        #expect(
            schedule.description
                == "every 2 weeks on Mon, Wed and Fri at 08:00 and 18:00 until 2026-04-30, "
                + "from 2026-03-03, grace 1 hour 30 minutes (Europe/Berlin)")
    }

    @Test func allDayUsesDateValues() throws {
        // 1 week from 03-01 is 03-01 to 03-07; UNTIL is a DATE like DTSTART.
        let schedule = try Schedule(
            timeZone: "America/New_York", start: .on(day("2026-03-01")),
            pattern: .daily(interval: 2),
            timing: .allDay, end: .after(amount: 1, unit: .weeks))
        #expect(
            schedule.iCalendarRecurrence == [
                "DTSTART;VALUE=DATE:20260301", "RRULE:FREQ=DAILY;INTERVAL=2;UNTIL=20260307",
            ])
        #expect(
            schedule.description
                == "every 2 days all day for 1 week, from 2026-03-01 (America/New_York)")
    }

    @Test func windowsCarryTheirNominalDuration() throws {
        let schedule = try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-01")), pattern: .daily(interval: 1),
            timing: .window(from: at("22:00"), to: at("01:30")), end: .count(3))
        #expect(
            schedule.iCalendarRecurrence == [
                "DTSTART;TZID=Europe/Berlin:20260301T220000",
                "RRULE:FREQ=DAILY;BYHOUR=22;BYMINUTE=0;COUNT=3", "DURATION:PT3H30M",
            ])
        #expect(
            schedule.description
                == "daily between 22:00 and 01:30 3 times, from 2026-03-01 (Europe/Berlin)")
    }

    @Test func customDatesUseRDATE() throws {
        let schedule = try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-02")),
            pattern: .dates([
                .init(day("2026-03-02")), .init(day("2026-03-05"), times: [at("08:00")]),
            ]),
            timing: .at([at("20:00")]))
        #expect(schedule.rrule == nil)
        #expect(
            schedule.iCalendarRecurrence == [
                "DTSTART;TZID=Europe/Berlin:20260302T200000",
                "RDATE;TZID=Europe/Berlin:20260305T080000",
            ])
        #expect(
            schedule.description
                == "on 2026-03-02 at 20:00 and 2026-03-05 at 08:00, from 2026-03-02 (Europe/Berlin)"
        )
    }

    @Test func whatICalendarCannotSayIsNil() throws {
        // 08:30 and 20:00 would need BYHOUR=8,20;BYMINUTE=0,30, which also makes 08:00 and 20:30.
        let uneven = try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-01")), pattern: .daily(interval: 1),
            timing: .at([at("08:30"), at("20:00")]))
        #expect(uneven.rrule == nil)
        #expect(uneven.iCalendarRecurrence == nil)
        // Custom dates mixing an all-day default with a timed date: DATE and DATE-TIME cannot mix.
        let mixed = try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-01")),
            pattern: .dates([
                .init(day("2026-03-01")), .init(day("2026-03-02"), times: [at("09:00")]),
            ]),
            timing: .allDay)
        #expect(mixed.iCalendarRecurrence == nil)
    }

    @Test func relativeStartReadsAsWaitingThenAnchored() throws {
        let waiting = try Schedule(
            timeZone: "Europe/Berlin", start: .afterAnchor(days: 2, anchor: nil),
            pattern: .daily(interval: 1), timing: .at([at("20:00")]), end: .count(1))
        #expect(
            waiting.description
                == "daily at 20:00 once, starting 2 days after the previous step (Europe/Berlin)")
        let anchored = try waiting.anchored(at: utc("2026-03-10T12:00:00Z"))
        #expect(
            anchored.description
                == "daily at 20:00 once, from 2026-03-12, 2 days after the previous step "
                + "(Europe/Berlin)")
    }

    @Test func storedJSONIsReadableAndRoundTrips() throws {
        let schedule = try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-01")),
            pattern: .weekly(interval: 1, weekdays: [.monday]), timing: .at([at("20:00")]),
            end: .count(3), graceMinutes: 60)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(schedule), as: UTF8.self)
        #expect(
            json == #"{"end":{"count":{"occurrences":3}},"graceMinutes":60,"pattern":{"weekly":{"#
                + #""interval":1,"weekdays":["mon"]}},"start":{"on":{"date":"2026-03-01"}},"#
                + #""timeZone":"Europe\/Berlin","timing":{"at":{"times":["20:00"]}}}"#)
        #expect(try JSONDecoder().decode(Schedule.self, from: Data(json.utf8)) == schedule)
    }

    @Test func invalidSchedulesSayWhatToFix() throws {
        let bad =
            #"{"timeZone":"Europe/Berlin","start":{"on":{"date":"2026-03-01"}},"#
            + #""pattern":{"daily":{"interval":0}},"timing":{"allDay":{}}}"#
        // The decoder checks like the initializer: no invalid schedule reaches a query.
        let decoded = #expect(throws: CoreError.self) {
            try JSONDecoder().decode(Schedule.self, from: Data(bad.utf8))
        }
        #expect(decoded?.message == "invalid schedule: repeat every 1 to 3650 days")
        let zone = #expect(throws: CoreError.self) {
            try Schedule(
                timeZone: "Mars/Olympus", start: .on(day("2026-03-01")),
                pattern: .daily(interval: 1),
                timing: .allDay)
        }
        #expect(zone?.code == .invalidTimeZone)
        let invalid: [() throws -> Schedule] = [
            {
                try Schedule(
                    timeZone: "UTC", start: .on(day("2026-03-01")), pattern: .daily(interval: 1),
                    timing: .at([at("20:00"), at("20:00")]))
            },
            {
                try Schedule(
                    timeZone: "UTC", start: .on(day("2026-03-01")), pattern: .daily(interval: 1),
                    timing: .allDay, end: .until(day("2026-02-01")))
            },
            {
                try Schedule(
                    timeZone: "UTC", start: .afterAnchor(days: 1, anchor: nil),
                    pattern: .dates([.init(day("2026-03-01"))]), timing: .allDay)
            },
            {
                try Schedule(
                    timeZone: "UTC", start: .on(day("2026-03-01")), pattern: .daily(interval: 1),
                    timing: .window(from: at("18:00"), to: at("18:00")))
            },
            {
                try Schedule(
                    timeZone: "UTC", start: .on(day("2026-03-01")), pattern: .daily(interval: 1),
                    timing: .allDay, graceMinutes: -5)
            },
            {
                try Schedule(
                    timeZone: "UTC", start: .on(day("2026-03-01")),
                    pattern: .weekly(interval: Int.max, weekdays: []), timing: .allDay)
            },
        ]
        for make in invalid {
            let error = #expect(throws: CoreError.self) { try make() }
            #expect(error?.code == .invalidSchedule)
        }
    }
}
