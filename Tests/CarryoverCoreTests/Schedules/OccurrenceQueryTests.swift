import Foundation
import Testing

@testable import CarryoverCore

/// Berlin in March 2026 before the 29th is CET (UTC+1): 20:00 local = 19:00Z.
@Suite struct OccurrenceQueryTests {
    private func berlinDaily20(grace: Int = 0, end: Schedule.End = .never) throws -> Schedule {
        try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-01")), pattern: .daily(interval: 1),
            timing: .at([at("20:00")]), end: end, graceMinutes: grace)
    }

    @Test func endsByCountDurationAndDate() throws {
        // 3 weeks from 03-01 is 21 days, 03-01 to 03-21: the same 21 occurrences as COUNT=21.
        let counted = try berlinDaily20(end: .count(21))
        let lasting = try berlinDaily20(end: .after(amount: 3, unit: .weeks))
        let dated = try berlinDaily20(end: .until(day("2026-03-21")))
        for schedule in [counted, lasting, dated] {
            #expect(schedule.occurrence(index: 20)?.due == utc("2026-03-21T19:00:00Z"))
            #expect(schedule.occurrence(index: 21) == nil)
            let all = schedule.occurrences(
                in: DateInterval(start: utc("2026-01-01T00:00:00Z"), duration: 1e8))
            #expect(all.map(\.index) == Array(0..<21))
        }
        let fiveDays = try berlinDaily20(end: .after(amount: 5, unit: .days))
        #expect(fiveDays.occurrence(index: 4)?.due == utc("2026-03-05T19:00:00Z"))
        #expect(fiveDays.occurrence(index: 5) == nil)
    }

    @Test func indicesOutsideTheScheduleHaveNoOccurrence() throws {
        let schedule = try berlinDaily20()
        #expect(schedule.occurrence(index: -1) == nil)
        #expect(schedule.occurrence(index: Int.max) == nil)
        // The largest computed index is 10,000,000 days after 2026-03-01.
        #expect(schedule.occurrence(index: Schedule.maximumIndex) != nil)
        #expect(schedule.occurrence(index: Schedule.maximumIndex + 1) == nil)
    }

    @Test func windowQueryTakesDuesInsideStartInclusiveEndExclusive() throws {
        let schedule = try berlinDaily20()
        // 03-02 19:00Z is in, 03-04 19:00Z is the window's end and belongs to the next one.
        let window = DateInterval(
            start: utc("2026-03-02T19:00:00Z"), end: utc("2026-03-04T19:00:00Z"))
        #expect(schedule.occurrences(in: window).map(\.index) == [1, 2])
    }

    @Test func indicesDoNotDependOnTheQueryWindow() throws {
        let schedules = [
            try berlinDaily20(),
            try Schedule(
                timeZone: "America/New_York", start: .on(day("2026-02-26")),
                pattern: .weekly(interval: 2, weekdays: [.tuesday, .saturday]),
                timing: .at([at("07:30"), at("21:00")]), end: .count(40)),
            try Schedule(
                timeZone: "Europe/Berlin", start: .on(day("2026-03-01")),
                pattern: .daily(interval: 3),
                timing: .window(from: at("23:00"), to: at("01:00"))),
        ]
        let year = DateInterval(
            start: utc("2026-02-20T00:00:00Z"), end: utc("2026-12-31T00:00:00Z"))
        for schedule in schedules {
            let whole = schedule.occurrences(in: year)
            #expect(whole.map(\.index) == Array(0..<whole.count))
            for occurrence in whole {
                #expect(schedule.occurrence(index: occurrence.index) == occurrence)
            }
            // The same occurrences, asked for in uneven slices (5 and 17 days).
            for days in [5.0, 17.0] {
                var sliced: [Occurrence] = []
                var from = year.start
                while from < year.end {
                    let to = min(from.addingTimeInterval(days * 86_400), year.end)
                    sliced += schedule.occurrences(in: DateInterval(start: from, end: to))
                    from = to
                }
                #expect(sliced == whole)
            }
        }
    }

    @Test func entryCountsForTheOccurrenceItIsOnTimeFor() throws {
        let schedule = try berlinDaily20()
        // 10:00 CET on 03-02: the 03-02 occurrence is open (since local midnight).
        #expect(schedule.occurrence(for: utc("2026-03-02T09:00:00Z"))?.index == 1)
        // Exactly at the due instant still counts.
        #expect(schedule.occurrence(for: utc("2026-03-02T19:00:00Z"))?.index == 1)
        // 20:30 local, no grace: too late for 03-02, too early for 03-03 (opens 23:00Z).
        #expect(schedule.occurrence(for: utc("2026-03-02T19:30:00Z")) == nil)
    }

    @Test func graceWindowCountsLateEntries() throws {
        let schedule = try berlinDaily20(grace: 120)
        // 21:30 local (20:30Z) is within 2 hours of the 20:00 due.
        #expect(schedule.occurrence(for: utc("2026-03-02T20:30:00Z"))?.index == 1)
        #expect(
            schedule.lateLimit(of: schedule.occurrence(index: 1)!) == utc("2026-03-02T21:00:00Z"))
        // 22:30 local (21:30Z) is past the grace, and 03-03 opens only at 23:00Z.
        #expect(schedule.occurrence(for: utc("2026-03-02T21:30:00Z")) == nil)
    }

    @Test func lateEntryMakesUpTheMissedOccurrenceBeforeTheNextOne() throws {
        // With 5 hours grace, 00:30 local on 03-03 (23:30Z on 03-02) is late for 03-02
        // (grace ends 00:00Z) and early for 03-03: the older one takes it.
        let schedule = try berlinDaily20(grace: 300)
        #expect(schedule.occurrence(for: utc("2026-03-02T23:30:00Z"))?.index == 1)
        // 01:30 local (00:30Z on 03-03) is past that grace: it counts for 03-03.
        #expect(schedule.occurrence(for: utc("2026-03-03T00:30:00Z"))?.index == 2)
    }

    @Test func windowsTakeEntriesFromOpeningToGraceEnd() throws {
        // 18:00-21:00 Berlin in CET is 17:00Z-20:00Z; 30 minutes grace to 20:30Z.
        let schedule = try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-01")), pattern: .daily(interval: 1),
            timing: .window(from: at("18:00"), to: at("21:00")), graceMinutes: 30)
        #expect(schedule.occurrence(for: utc("2026-03-01T16:59:00Z")) == nil)
        #expect(schedule.occurrence(for: utc("2026-03-01T17:00:00Z"))?.index == 0)
        #expect(schedule.occurrence(for: utc("2026-03-01T20:30:00Z"))?.index == 0)
        #expect(schedule.occurrence(for: utc("2026-03-01T20:31:00Z")) == nil)
    }

    @Test func pausedOccurrencesAreLeftOutButKeepTheirIndices() throws {
        let schedule = try berlinDaily20()
        // Paused all of 03-02 UTC: the 03-02 occurrence (19:00Z) falls inside.
        let pause = DateInterval(
            start: utc("2026-03-02T00:00:00Z"), end: utc("2026-03-03T00:00:00Z"))
        let window = DateInterval(
            start: utc("2026-03-01T00:00:00Z"), end: utc("2026-03-04T00:00:00Z"))
        #expect(schedule.occurrences(in: window, excluding: [pause]).map(\.index) == [0, 2])
        #expect(schedule.occurrences(in: window).map(\.index) == [0, 1, 2])
        #expect(schedule.occurrence(for: utc("2026-03-02T10:00:00Z"), excluding: [pause]) == nil)
        #expect(schedule.occurrence(for: utc("2026-03-02T10:00:00Z"))?.index == 1)
        // A pause that ends before the due leaves the occurrence in.
        let morning = DateInterval(
            start: utc("2026-03-02T06:00:00Z"), end: utc("2026-03-02T12:00:00Z"))
        #expect(
            schedule.occurrence(for: utc("2026-03-02T15:00:00Z"), excluding: [morning])?.index == 1)
    }
}

/// The next occurrence however far ahead (status once looked only 60 days ahead).
@Suite struct NextOccurrenceTests {
    @Test func theFirstDueAfterAnInstantIsFoundFarAhead() throws {
        let schedule = try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2027-06-07")),
            pattern: .weekly(interval: 1, weekdays: [.monday]), timing: .at([at("18:00")]),
            end: .count(3))
        // 2027-06-07 18:00 CEST = 16:00 UTC, half a year after the question.
        #expect(
            schedule.firstOccurrence(dueAfter: utc("2026-12-01T00:00:00Z"))?.due
                == utc("2027-06-07T16:00:00Z"))
        // Exactly at a due, the next one is due a week later.
        #expect(schedule.firstOccurrence(dueAfter: utc("2027-06-07T16:00:00Z"))?.index == 1)
        // After the third and last, none.
        #expect(schedule.firstOccurrence(dueAfter: utc("2027-06-21T16:00:00Z")) == nil)
        let waiting = try Schedule(
            timeZone: "Europe/Berlin", start: .afterAnchor(days: 1, anchor: nil),
            pattern: .daily(interval: 1), timing: .allDay)
        #expect(waiting.firstOccurrence(dueAfter: utc("2026-12-01T00:00:00Z")) == nil)
    }
}
