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

    @Test(arguments: ["", "often", "daily at 25:00", "daily for", "daily at 20:00 sometimes"])
    func refusesWithAHint(phrase: String) {
        #expect(throws: CoreError.self) { try read(phrase) }
    }
}
