import Testing

@testable import CarryoverCore

@Suite struct SchedulePhraseTests {
    let today = LocalDate("2026-11-30")!

    func read(_ phrase: String) throws -> Schedule {
        try Schedule(phrase: phrase, timeZone: "Europe/Berlin", today: today)
    }

    @Test func dailyAtATimeForThreeWeeks() throws {
        let schedule = try read("daily at 20:00 for 3 weeks")
        #expect(schedule.pattern == .daily(interval: 1))
        #expect(schedule.timing == .at([LocalTime("20:00")!]))
        #expect(schedule.end == .after(amount: 3, unit: .weeks))
        #expect(schedule.start == .on(today))
        // 3 weeks of daily occurrences from today: 21 of them, the last on
        // 2026-12-20 (30 Nov + 20 days), at 20:00 CET = 19:00 UTC.
        #expect(schedule.occurrence(index: 20) != nil)
        #expect(schedule.occurrence(index: 21) == nil)
        // "for 3 weeks" ends after local 2026-12-20 23:59:59 CET = 22:59:59 UTC.
        #expect(schedule.rrule == "FREQ=DAILY;BYHOUR=20;BYMINUTE=0;UNTIL=20261220T225959Z")
    }

    @Test func weeklyOnDaysWithStartAndWindow() throws {
        let schedule = try read(
            "weekly on mon wed fri between 18:00 and 21:00 from 2026-12-07 6 times")
        #expect(schedule.pattern == .weekly(interval: 1, weekdays: [.monday, .wednesday, .friday]))
        #expect(schedule.timing == .window(from: LocalTime("18:00")!, to: LocalTime("21:00")!))
        #expect(schedule.start == .on(LocalDate("2026-12-07")!))
        #expect(schedule.end == .count(6))
    }

    @Test func everyNDaysUntilWithGrace() throws {
        let schedule = try read("every 3 days at 18:30 until 2026-12-24 grace 2 hours")
        #expect(schedule.pattern == .daily(interval: 3))
        #expect(schedule.end == .until(LocalDate("2026-12-24")!))
        #expect(schedule.graceMinutes == 120)
    }

    @Test func customDatesAndAnchors() throws {
        let dates = try read("on 2026-12-03 2026-12-10 at 17:00")
        #expect(
            dates.pattern
                == .dates([.init(LocalDate("2026-12-03")!), .init(LocalDate("2026-12-10")!)]))
        let relative = try read("daily at 10:00 for 1 week starting 2 days after the previous step")
        #expect(relative.start == .afterAnchor(days: 2, anchor: nil))
        let allDay = try read("every 2 weeks on sat")
        #expect(allDay.timing == .allDay)
        #expect(allDay.pattern == .weekly(interval: 2, weekdays: [.saturday]))
    }

    @Test func everyExampleInTheHelpReads() throws {
        for phrase in Schedule.phraseExamples {
            #expect(throws: Never.self, "\(phrase)") { try read(phrase) }
        }
    }

    @Test(arguments: [
        "", "often", "daily at 25:00", "daily for", "daily at 20:00 sometimes",
        "weekly on monkey", "weekly on mon-fry", "daily at 20:00 and", "every 2.5 days",
        "weekly on mon to", "starting 2 days after lunch",
    ])
    func refusesWithAHint(phrase: String) {
        #expect(throws: CoreError.self) { try read(phrase) }
    }

    /// "weekly on mon-fri at 07:00" was once read as "weekly on Mon".
    @Test(arguments: [
        "weekly on mon-fri at 07:00", "weekly on Monday-Friday at 07:00",
        "weekly on mon to fri at 07:00", "weekly on monday through friday at 07:00",
        "on weekdays at 07:00", "weekly on mon tue wed thu fri at 07:00",
        "mondays, tuesdays, wednesdays, thursdays and fridays at 07:00",
        "weekly on mon–fri at 07:00",
    ])
    func weekdayRangesReadAsEveryDayInThem(phrase: String) throws {
        let schedule = try read(phrase)
        #expect(
            schedule.pattern
                == .weekly(
                    interval: 1, weekdays: [.monday, .tuesday, .wednesday, .thursday, .friday]))
        #expect(schedule.timing == .at([LocalTime("07:00")!]))
    }

    @Test func rangesGoForwardThroughTheWeek() throws {
        #expect(
            try read("weekly on fri-mon").pattern
                == .weekly(interval: 1, weekdays: [.monday, .friday, .saturday, .sunday]))
        #expect(
            try read("on weekends at 10:00").pattern
                == .weekly(interval: 1, weekdays: [.saturday, .sunday]))
        #expect(
            try read("every 2 weeks on tue-thu sat").pattern
                == .weekly(interval: 2, weekdays: [.tuesday, .wednesday, .thursday, .saturday]))
    }

    /// Anything the reader does not use is an error that shows where it stopped.
    @Test func errorsShowWhereReadingStopped() {
        #expect(
            throws: CoreError(
                .invalidSchedule,
                "cannot read the schedule 'weekly on mon-fry at 07:00': read 'weekly' but not "
                    + "'on mon-fry at 07:00'; write it like 'daily at 20:00 for 3 weeks'")
        ) { try read("weekly on mon-fry at 07:00") }
        #expect(
            throws: CoreError(
                .invalidSchedule,
                "cannot read the schedule 'daily at 7pm': read 'daily' but not 'at 7pm'; "
                    + "write it like 'daily at 20:00 for 3 weeks'")
        ) { try read("daily at 7pm") }
        #expect(
            throws: CoreError(
                .invalidSchedule,
                "cannot read the schedule 'daily 7pm': read 'daily' but not '7pm'; times are 24-hour "
                    + "HH:MM, e.g. 07:30 or 19:00; write it like 'daily at 20:00 for 3 weeks'")
        ) { try read("daily 7pm") }
        #expect(
            throws: CoreError(
                .invalidSchedule,
                "cannot read the schedule 'tuesdy at 08:00': 'tuesdy at 08:00' is not understood from "
                    + "its first word; name weekdays mon, tue, wed, thu, fri, sat, sun (or in full), "
                    + "a range such as mon-fri, or 'weekdays'; write it like 'daily at 20:00', "
                    + "'every 3 days', 'weekly on mon-fri at 07:00'")
        ) { try read("tuesdy at 08:00") }
    }

    /// "grace 30 minutes 5 days": the days are the schedule's length, not more grace.
    @Test func graceTakesOnlyGettingSmallerUnits() throws {
        let schedule = try read("daily grace 30 minutes 5 days")
        #expect(schedule.graceMinutes == 30)
        #expect(schedule.end == .after(amount: 5, unit: .days))
        #expect(try read("daily grace 1 day 2 hours").graceMinutes == 26 * 60)
    }
}
