import Foundation
import Testing

@testable import CarryoverStore

@Suite struct StrictDateTests {
    // Days since 1970-01-01, each checked with GNU `date -u -d DATE +%s` / 86400.
    @Test(arguments: [
        ("1970-01-01", 0), ("2000-03-01", 11_017), ("2024-02-29", 19_782), ("2026-03-01", 20_513),
        ("1969-12-31", -1),
    ])
    func realDaysCountFromTheEpoch(_ text: String, _ days: Int) throws {
        #expect(try StrictDate.day(text) == days)
    }

    @Test(arguments: [
        "2026-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
        "1900-02-29", "26-02-01", "2026-2-01", "2026/02/01", "",
    ])
    func daysThatDoNotExistAreRefused(_ text: String) {
        #expect(throws: StrictDate.Problem.self) { try StrictDate.day(text) }
    }

    @Test func instantsWithZonesAndFractions() throws {
        // 2026-03-01T00:00:00Z is 1,772,323,200 s (see Fixture.t0).
        #expect(
            try StrictDate.instant("2026-03-01T00:00:00Z").timeIntervalSince1970 == 1_772_323_200)
        // 09:30+01:00 is 08:30 UTC: 8.5 h = 30,600 s after midnight.
        #expect(
            try StrictDate.instant("2026-03-01T09:30+01:00").timeIntervalSince1970
                == 1_772_323_200 + 30_600)
        #expect(
            try StrictDate.instant("2026-02-28T23:00:00.250-01:00").timeIntervalSince1970
                == 1_772_323_200.25)
    }

    @Test(arguments: [
        "2026-02-30T10:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T10:60:00Z",
        "2026-03-01T10:00:60Z", "2026-03-01T10:00:00", "2026-03-01 10:00:00Z",
        "2026-03-01T10:00:00+25:00", "2026-03-01T10:00:00Zjunk", "2026-03-01T10:00:00.Z",
    ])
    func instantsThatDoNotExistAreRefused(_ text: String) {
        #expect(throws: StrictDate.Problem.self) { try StrictDate.instant(text) }
    }
}
