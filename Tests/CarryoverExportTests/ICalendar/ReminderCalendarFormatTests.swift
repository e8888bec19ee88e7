import CarryoverCore
import Foundation
import Testing

@testable import CarryoverExport

/// RFC 5545 syntax of the export: folding, escaping, durations, VTIMEZONE.
@Suite struct ReminderCalendarFormatTests {
    @Test func textEscapingFollowsRFC5545Section3_3_11() {
        // RFC 5545 3.3.11: "\" -> "\\", ";" -> "\;", "," -> "\,", newline -> "\n".
        #expect(ContentLines.escapeText("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf")
    }

    @Test func longLinesFoldAt75OctetsWithoutSplittingUTF8() {
        // 80 ASCII "x" after "SUMMARY:" (8 octets) = 88 octets: 75 on the first
        // line, then a space + the remaining 13 on the second.
        let folded = ContentLines.fold("SUMMARY:" + String(repeating: "x", count: 80))
        #expect(
            folded == "SUMMARY:" + String(repeating: "x", count: 67) + "\r\n "
                + String(repeating: "x", count: 13) + "\r\n")
        // "ä" is 2 octets: 8 + 2 * 40 = 88 octets; the first line holds 8 + 33 * 2 = 74
        // (a 34th "ä" would make 76), so no "ä" is cut in two.
        let umlauts = ContentLines.fold("SUMMARY:" + String(repeating: "ä", count: 40))
        let lines = umlauts.components(separatedBy: "\r\n").dropLast()
        #expect(lines.map { $0.utf8.count } == [74, 1 + 7 * 2])
        #expect(lines.joined().replacingOccurrences(of: " ", with: "").count == 48)
    }

    @Test func durationsAndOffsetsUseRFC5545Syntax() {
        // Hand-worked: 600 s = 10 min; 5400 s = 1 h 30 min; 93784 s = 1 d 2 h 3 min 4 s.
        #expect(ReminderCalendar.duration(seconds: 600) == "PT10M")
        #expect(ReminderCalendar.duration(seconds: 5400) == "PT1H30M")
        #expect(ReminderCalendar.duration(seconds: 93_784) == "P1DT2H3M4S")
        #expect(ReminderCalendar.duration(seconds: 86_400) == "P1D")
        #expect(ReminderCalendar.utcOffset(3600) == "+0100")
        #expect(ReminderCalendar.utcOffset(-18_000) == "-0500")
        #expect(ReminderCalendar.utcOffset(19_800) == "+0530")  // Asia/Kolkata
    }

    @Test func berlinZoneBecomesTwoYearlyRules() throws {
        // EU rule since 1996: CEST from the last Sunday of March 01:00Z (02:00
        // local), CET from the last Sunday of October 01:00Z (03:00 local).
        let rules = TimeZoneRules(
            zone: TimeZone(identifier: "Europe/Berlin")!, years: 2025...2028)
        #expect(rules.observances.count == 2)
        let daylight = try #require(rules.observances.first { $0.isDaylight })
        let standard = try #require(rules.observances.first { !$0.isDaylight })
        #expect(
            daylight.start == (try LocalDateTime(LocalDate(year: 2025, month: 3, day: 30)!, 2, 0)))
        #expect(daylight.rrule == "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
        #expect((daylight.offsetFrom, daylight.offsetTo) == (3600, 7200))
        #expect(
            standard.start == (try LocalDateTime(LocalDate(year: 2025, month: 10, day: 26)!, 3, 0)))
        #expect(standard.rrule == "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
        #expect((standard.offsetFrom, standard.offsetTo) == (7200, 3600))
    }

    @Test func newYorkUsesSecondSundayOfMarchAndFirstOfNovember() throws {
        // US rule since 2007: second Sunday of March, first Sunday of November, 02:00 local.
        let rules = TimeZoneRules(
            zone: TimeZone(identifier: "America/New_York")!, years: 2025...2028)
        #expect(
            rules.observances.compactMap(\.rrule).sorted() == [
                "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
            ])
    }

    @Test func zoneThatGaveUpDaylightSavingGetsNoOpenEndedRule() throws {
        // Brazil ended DST in 2019 (tzdata): America/Sao_Paulo changed on 2017-02-19,
        // 2017-10-15, 2018-02-18, 2018-11-04 and 2019-02-17, then stayed at -03:00.
        let rules = TimeZoneRules(
            zone: TimeZone(identifier: "America/Sao_Paulo")!, years: 2017...2021)
        #expect(rules.observances.allSatisfy { $0.rrule == nil })
        #expect(
            rules.observances.map(\.start.date.description) == [
                "2017-02-19", "2017-10-15", "2018-02-18", "2018-11-04", "2019-02-17",
            ])
        #expect(rules.observances.last?.offsetTo == -10_800)
    }

    @Test func zoneWithoutDaylightSavingHasOneStandardObservance() throws {
        let rules = TimeZoneRules(zone: TimeZone(identifier: "Asia/Tokyo")!, years: 2025...2027)
        #expect(rules.observances.count == 1)
        #expect(rules.observances.first?.offsetTo == 32_400)  // JST = UTC+9
        #expect(rules.observances.first?.isDaylight == false)
    }

    @Test func everyLineEndsInCRLFAndFitsIn75Octets() throws {
        let series = ReminderSeries(
            uid: "u1", summary: String(repeating: "Gratitude, three good things; ", count: 6),
            description: "Line one\nLine two", timeZone: "Europe/Berlin",
            start: try LocalDateTime(LocalDate(year: 2026, month: 5, day: 1)!, 20, 0),
            durationSeconds: 900,
            rrule: "freq=weekly;byday=MO,TH")
        let ics = try ReminderCalendar(stamp: Date(timeIntervalSince1970: 0)).render([series])
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        let lines = ics.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") })
        #expect(lines.contains("RRULE:FREQ=WEEKLY;BYDAY=MO,TH"))
        #expect(lines.contains("DTSTAMP:19700101T000000Z"))
        #expect(lines.contains("DTSTART;TZID=Europe/Berlin:20260501T200000"))
        #expect(lines.contains("TRIGGER:-PT15M"))
        #expect(lines.contains("DESCRIPTION:Line one\\nLine two"))
    }

    @Test func hostileRecurrenceRulesAndZonesAreRefused() throws {
        let start = try LocalDateTime(LocalDate(year: 2026, month: 5, day: 1)!, 20, 0)
        for rule in [
            "COUNT=3", "FREQ=DAILY\r\nATTENDEE:x", "FREQ=DAILY;FREQ=WEEKLY", "FREQ=SOMETIMES",
            "FREQ=DAILY;COUNT=2;UNTIL=20260601T000000Z",
        ] {
            let series = ReminderSeries(
                uid: "u", summary: "s", timeZone: "UTC", start: start, durationSeconds: 60,
                rrule: rule)
            #expect(throws: ExportError.self) { try ReminderCalendar(stamp: .now).render([series]) }
        }
        let badZone = ReminderSeries(
            uid: "u", summary: "s", timeZone: "Mars/Olympus", start: start, durationSeconds: 60)
        #expect(
            throws: ExportError(
                .invalidTimeZone, "Use an IANA time zone id such as Europe/Berlin for reminders.")
        ) {
            try ReminderCalendar(stamp: .now).render([badZone])
        }
    }
}

/// Client text cannot add properties or components to a calendar.
@Suite struct ReminderCalendarInjectionTests {
    @Test func lineBreaksInTextCannotStartNewProperties() throws {
        let series = ReminderSeries(
            uid: "u\r\nBEGIN:VEVENT", summary: "Walk\r\nATTENDEE:mailto:x@example.org",
            description: "a\nEND:VCALENDAR", timeZone: "Europe/Berlin",
            start: try LocalDateTime(LocalDate(year: 2026, month: 5, day: 1)!, 20, 0),
            durationSeconds: 60)
        let lines = try ReminderCalendar(stamp: Date(timeIntervalSince1970: 0)).render([series])
            .components(separatedBy: "\r\n")
        #expect(!lines.contains { $0.hasPrefix("ATTENDEE") })
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 1)
        #expect(lines.filter { $0 == "END:VCALENDAR" }.count == 1)
        #expect(lines.contains("SUMMARY:Walk\\nATTENDEE:mailto:x@example.org"))
    }

    @Test func anEmptyCalendarIsRefused() {
        #expect(throws: ExportError.self) { try ReminderCalendar(stamp: .now).render([]) }
    }
}
