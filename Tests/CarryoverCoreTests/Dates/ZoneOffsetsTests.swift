import Foundation
import Testing

@testable import CarryoverCore

/// ``ZoneOffsets`` lists a span's offsets once; every answer must be the
/// zone's own (the tz database through Foundation), across daylight-saving
/// changes, half-hour zones, a zone without changes, changes of standard
/// offset (Europe/Volgograd, UTC+4 to UTC+3 on 2020-12-27) and a skipped day
/// (Pacific/Apia jumped from UTC-10 to UTC+14 at the end of 2011-12-29).
@Suite struct ZoneOffsetsTests {
    static let zones = [
        "Europe/Berlin", "America/Los_Angeles", "Pacific/Auckland", "Australia/Lord_Howe",
        "Asia/Kolkata", "Europe/Volgograd", "Pacific/Apia", "UTC",
    ]

    @Test(arguments: zones)
    func agreesWithTheZoneHourByHourAndAroundEachChange(zone id: String) {
        let zone = TimeZone(identifier: id)!
        let start = Date(timeIntervalSince1970: 1_293_840_000)  // 2011-01-01T00:00Z
        let end = Date(timeIntervalSince1970: 1_640_995_200)  // 2022-01-01T00:00Z
        let offsets = ZoneOffsets(zone, from: start, to: end)
        // Every 61 minutes, so the probes drift through every minute of the hour.
        var instant = start.addingTimeInterval(-86_400)
        while instant < end.addingTimeInterval(86_400) {
            #expect(offsets.secondsFromGMT(for: instant) == zone.secondsFromGMT(for: instant))
            instant.addTimeInterval(61 * 60)
        }
        // Each change itself, and a second either side of it.
        var cursor = start
        while let change = zone.nextDaylightSavingTimeTransition(after: cursor), change < end {
            for probe in [change.addingTimeInterval(-1), change, change.addingTimeInterval(1)] {
                #expect(
                    offsets.secondsFromGMT(for: probe) == zone.secondsFromGMT(for: probe),
                    "\(id) at \(probe)")
            }
            cursor = change
        }
    }

    @Test(arguments: zones)
    func localTimesResolveAsTheZoneDoes(zone id: String) {
        let zone = TimeZone(identifier: id)!
        let first = LocalDate("2011-01-01")!
        let offsets = ZoneOffsets(
            zone, from: first.midnightUTC, to: first.adding(days: 4_018).midnightUTC)
        // Midnight, the usual change hours and an evening, every day for eleven years.
        let times = ["00:00", "01:30", "02:00", "02:30", "03:00", "20:00"].map { LocalTime($0)! }
        for day in 0..<4_018 {
            let date = first.adding(days: day)
            for time in times {
                #expect(offsets.instant(of: date, at: time) == zone.instant(of: date, at: time))
            }
        }
    }

    /// Apia 2011: the local date 2011-12-30 does not exist (UTC-10 to UTC+14).
    @Test func anInstantMapsToTheZonesLocalDay() {
        let apia = TimeZone(identifier: "Pacific/Apia")!
        let start = Date(timeIntervalSince1970: 1_322_697_600)  // 2011-12-01T00:00Z
        let offsets = ZoneOffsets(apia, from: start, to: start.addingTimeInterval(62 * 86_400))
        // 2011-12-30T10:00Z was 2011-12-31 00:00 in Apia (UTC+14): 15,339 days after 1970-01-01.
        let instant = Date(timeIntervalSince1970: 1_325_239_200)
        #expect(offsets.localDayNumber(of: instant) == LocalDate("2011-12-31")!.dayNumber)
        #expect(offsets.localDayNumber(of: instant) == 15_339)
        // A second before it was 2011-12-29 23:59:59 (UTC-10).
        #expect(
            offsets.localDayNumber(of: instant.addingTimeInterval(-1))
                == LocalDate("2011-12-29")!.dayNumber)
    }
}
