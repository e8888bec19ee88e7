import CarryoverCore
import CarryoverTestSupport
import Foundation
import Testing

@testable import CarryoverExport

/// The iCalendar export read back by independent software (Python's
/// `icalendar` and `recurring_ical_events`) across daylight-saving changes.
@Suite struct ReminderCalendarDSTTests {
    /// Expands every event and also converts each occurrence's local start
    /// through the file's own VTIMEZONE (not the system zone database), so a
    /// wrong VTIMEZONE cannot hide behind the parser's zoneinfo lookup.
    static let expandScript =
        TestPython.imports("icalendar, recurring_ical_events") + #"""
        import json, datetime
        utc = datetime.timezone.utc
        fmt = "%Y-%m-%dT%H:%M:%SZ"
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
        zones = {str(z["TZID"]): z.to_tz(lookup_tzid=False) for z in cal.walk("VTIMEZONE")}
        parser, vtimezone, alarms = {}, {}, {}
        for ev in recurring_ical_events.of(cal).between((2025, 1, 1), (2029, 1, 1)):
            uid = str(ev["UID"])
            start = ev["DTSTART"].dt
            parser.setdefault(uid, []).append(start.astimezone(utc).strftime(fmt))
            tzid = str(ev["DTSTART"].params["TZID"])
            own = start.replace(tzinfo=None).replace(tzinfo=zones[tzid])
            vtimezone.setdefault(uid, []).append(own.astimezone(utc).strftime(fmt))
            alarm = ev.walk("VALARM")[0]
            alarms[uid] = [str(alarm["ACTION"]), int(alarm["TRIGGER"].dt.total_seconds())]
        print(json.dumps({"parser": parser, "vtimezone": vtimezone, "alarms": alarms}))
        """#

    struct Expansion: Decodable {
        var parser: [String: [String]]
        var vtimezone: [String: [String]]
        var alarms: [String: [ExpansionAlarm]]
    }

    enum ExpansionAlarm: Decodable, Equatable {
        case text(String)
        case number(Int)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) {
                self = .number(n)
            } else {
                self = .text(try c.decode(String.self))
            }
        }
    }

    /// Instants of a daily series at `hour`:00 local time, computed with
    /// Foundation's Calendar in the zone (independent of the exporter).
    static func dailyInstants(
        zone: String, year: Int, month: Int, day: Int, hour: Int, count: Int
    ) -> [Date] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        let first = calendar.date(
            from: DateComponents(year: year, month: month, day: day, hour: hour))!
        return (0..<count).map { calendar.date(byAdding: .day, value: $0, to: first)! }
    }

    static func utcText(_ dates: [Date]) -> [String] {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return dates.sorted().map { formatter.string(from: $0) }
    }

    @Test func dailyEveningSeriesKeepsLocalTimeAcrossDST() throws {
        let berlinDay = LocalDate(year: 2026, month: 3, day: 20)!
        let newYorkDay = LocalDate(year: 2026, month: 10, day: 20)!
        let berlin = ReminderSeries(
            uid: "a-berlin@carryover", summary: "Thought record, 10 min",
            description: "Write one; then rate, honestly.", timeZone: "Europe/Berlin",
            start: try LocalDateTime(berlinDay, 20, 0), durationSeconds: 600,
            rrule: "FREQ=DAILY;COUNT=21",
            rdates: [try LocalDateTime(LocalDate(year: 2026, month: 4, day: 15)!, 9, 30)],
            exdates: [try LocalDateTime(LocalDate(year: 2026, month: 3, day: 30)!, 20, 0)])
        let newYork = ReminderSeries(
            uid: "a-nyc@carryover", summary: "Exposure step", timeZone: "America/New_York",
            start: try LocalDateTime(newYorkDay, 20, 0), durationSeconds: 1800,
            rrule: "FREQ=DAILY;COUNT=21")
        let stamp = Date(timeIntervalSince1970: 1_790_000_000)
        let ics = try ReminderCalendar(stamp: stamp).render([berlin, newYork])
        guard let output = try TestPython.check(Self.expandScript, file: ics, suffix: ".ics")
        else { return }
        let expansion = try JSONDecoder().decode(Expansion.self, from: Data(output.utf8))

        // Berlin switches to CEST on 2026-03-29: 20:00 is 19:00Z before, 18:00Z after.
        var berlinExpected = Self.dailyInstants(
            zone: "Europe/Berlin", year: 2026, month: 3, day: 20, hour: 20, count: 21)
        berlinExpected.removeAll { Self.utcText([$0]) == ["2026-03-30T18:00:00Z"] }  // EXDATE
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        berlinExpected.append(
            calendar.date(from: DateComponents(year: 2026, month: 4, day: 15, hour: 9, minute: 30))!
        )  // RDATE
        // New York leaves EDT on 2026-11-01: 20:00 is 00:00Z next day before, 01:00Z after.
        let newYorkExpected = Self.dailyInstants(
            zone: "America/New_York", year: 2026, month: 10, day: 20, hour: 20, count: 21)

        // Spot checks worked out by hand from the offsets (+01/+02, -04/-05).
        #expect(Self.utcText(berlinExpected).contains("2026-03-28T19:00:00Z"))
        #expect(Self.utcText(berlinExpected).contains("2026-03-29T18:00:00Z"))
        #expect(Self.utcText(newYorkExpected).contains("2026-11-01T00:00:00Z"))
        #expect(Self.utcText(newYorkExpected).contains("2026-11-02T01:00:00Z"))

        for source in [expansion.parser, expansion.vtimezone] {
            #expect(source["a-berlin@carryover"]?.sorted() == Self.utcText(berlinExpected))
            #expect(source["a-nyc@carryover"]?.sorted() == Self.utcText(newYorkExpected))
        }
        #expect(expansion.parser["a-berlin@carryover"]?.count == 21)  // 21 - EXDATE + RDATE
        #expect(expansion.alarms["a-nyc@carryover"] == [.text("DISPLAY"), .number(-900)])
    }
}
