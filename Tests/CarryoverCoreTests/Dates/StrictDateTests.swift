import Foundation
import Testing

@testable import CarryoverCore

@Suite struct StrictDateTests {
    // Days since 1970-01-01, each checked with GNU `date -u -d DATE +%s` / 86400.
    @Test(arguments: [
        ("1970-01-01", 0), ("2000-03-01", 11_017), ("2024-02-29", 19_782), ("2026-03-01", 20_513),
        ("1969-12-31", -1), ("0001-01-01", -719_162), ("9999-12-31", 2_932_896),
    ])
    func realDaysCountFromTheEpoch(_ text: String, _ days: Int) throws {
        #expect(try StrictDate.date(text).dayNumber == days)
        #expect(LocalDate(text)?.description == text)
    }

    @Test(arguments: [
        "2026-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
        "1900-02-29", "2100-02-29", "0000-01-01", "26-02-01", "2026-2-01", "2026/02/01", "",
        "+026-02-01", "2026-02-01 ", " 2026-02-01", "２０２６-02-01", "2026-02-01T00:00",
    ])
    func daysThatDoNotExistAreRefused(_ text: String) {
        #expect(throws: StrictDate.Problem.self) { try StrictDate.date(text) }
        #expect(LocalDate(text) == nil)
    }

    /// The Gregorian rule (every 4th year, not centuries, but every 400th), in
    /// one place: 2000 and 2024 are leap years, 1900, 2100 and 2026 are not.
    @Test func leapYearsFollowTheGregorianRule() throws {
        #expect(LocalDate.isLeap(2000) && LocalDate.isLeap(2024) && LocalDate.isLeap(2400))
        #expect(!LocalDate.isLeap(1900) && !LocalDate.isLeap(2100) && !LocalDate.isLeap(2026))
        #expect(LocalDate.daysIn(month: 2, year: 2024) == 29)
        #expect(LocalDate.daysIn(month: 2, year: 2026) == 28)
        #expect(try StrictDate.date("2024-02-29").adding(days: 1).description == "2024-03-01")
        // Every day of 400 years (one full Gregorian cycle, 146,097 days) parses
        // and prints back, and day numbers run without a gap.
        var previous = try StrictDate.date("1999-12-31").dayNumber
        var date = try StrictDate.date("2000-01-01")
        for _ in 0..<146_097 {
            #expect(try StrictDate.date(date.description) == date)
            #expect(date.dayNumber == previous + 1)
            previous = date.dayNumber
            date = date.adding(days: 1)
        }
        #expect(date.description == "2400-01-01")
    }

    @Test func instantsWithZonesAndFractions() throws {
        // 2026-03-01T00:00:00Z is 1,772,323,200 s (GNU date -u -d 2026-03-01 +%s).
        #expect(
            try StrictDate.instant("2026-03-01T00:00:00Z").timeIntervalSince1970 == 1_772_323_200)
        // 09:30+01:00 is 08:30 UTC: 8.5 h = 30,600 s after midnight.
        #expect(
            try StrictDate.instant("2026-03-01T09:30+01:00").timeIntervalSince1970
                == 1_772_323_200 + 30_600)
        #expect(
            try StrictDate.instant("2026-02-28T23:00:00.250-01:00").timeIntervalSince1970
                == 1_772_323_200.25)
        // The widest offsets there are: +18:00 and -18:00 (64,800 s).
        #expect(
            try StrictDate.instant("2026-03-01T18:00:00+18:00").timeIntervalSince1970
                == 1_772_323_200)
        #expect(
            try StrictDate.instant("2026-02-28T06:00:00-18:00").timeIntervalSince1970
                == 1_772_323_200)
        #expect(
            try StrictDate.instant("2026-03-01t00:00:00z").timeIntervalSince1970 == 1_772_323_200)
    }

    @Test(arguments: [
        "2026-02-30T10:00:00Z", "2026-02-29T10:00:00Z", "2026-03-01T24:00:00Z",
        "2026-03-01T10:60:00Z", "2026-03-01T10:00:60Z", "2026-03-01T10:00:00",
        "2026-03-01 10:00:00Z", "2026-03-01T10:00:00+25:00", "2026-03-01T10:00:00+18:01",
        "2026-03-01T10:00:00-19:00", "2026-03-01T10:00:00+01:60", "2026-03-01T10:00:00Zjunk",
        "2026-03-01T10:00:00.Z", "2026-03-01T10:00:00.1234567891Z", "2026-03-01T10Z",
        "2026-03-01T10:00:00+0100", "yesterday", "",
    ])
    func instantsThatDoNotExistAreRefused(_ text: String) {
        #expect(throws: StrictDate.Problem.self) { try StrictDate.instant(text) }
    }

    @Test func problemsSayWhatIsWrong() {
        #expect(Self.problem { try StrictDate.date("2026-02-29") }?.kind == .outOfRange)
        #expect(Self.problem { try StrictDate.date("2026-2-28") }?.kind == .shape)
        #expect(
            Self.message { try StrictDate.date("2026-02-29") }
                == "is not a real date or time: month 2 of 2026 has 28 days, not 29")
        #expect(
            Self.message { try StrictDate.instant("2026-03-01T10:00:00+25:00") }
                == "is not a real date or time: a UTC offset is at most ±18:00")
        #expect(
            Self.message { try StrictDate.date("03/01/2026") }
                == "is not in the form YYYY-MM-DD")
    }

    @Test func localDateTimesTakeATOrASpace() throws {
        let spaced = try StrictDate.localDateTime("2026-12-01 19:30")
        #expect(spaced.date.description == "2026-12-01" && spaced.time.description == "19:30")
        let seconds = try StrictDate.localDateTime("2026-12-01T19:30:15")
        #expect(seconds.second == 15)
        for text in ["2026-12-01 24:00", "2026-02-29 10:00", "2026-12-01", "2026-12-01 19:30Z"] {
            #expect(throws: StrictDate.Problem.self) { try StrictDate.localDateTime(text) }
        }
    }

    @Test func timesOfDay() {
        #expect(LocalTime("00:00") == LocalTime(hour: 0, minute: 0))
        #expect(LocalTime("23:59") == LocalTime(hour: 23, minute: 59))
        for text in ["24:00", "7:30", "07:60", "07:3", "0730", "-1:00", "07:30:00"] {
            #expect(LocalTime(text) == nil)
        }
    }

    private static func problem(_ body: () throws -> Any) -> StrictDate.Problem? {
        do {
            _ = try body()
            return nil
        } catch { return error as? StrictDate.Problem }
    }

    private static func message(_ body: () throws -> Any) -> String {
        problem(body)?.description ?? "parsed"
    }
}
