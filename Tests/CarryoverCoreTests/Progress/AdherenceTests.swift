import Foundation
import Testing

@testable import CarryoverCore

@Suite struct AdherenceTests {
    typealias F = ProgressFixture

    /// Worked by hand. Week 46 (Mon 9 - Sun 15 Nov): missed Wed, Sat -> 5/7.
    /// Week 47: missed Tue -> 6/7. Week 48 (Mon 23 - Sun 29): missed Thu,
    /// Fri; Sunday's occurrence (08:00, due 12:00, grace to 14:00) is still
    /// open at 13:00 -> 4/6. Overall (5 + 6 + 4) / (7 + 7 + 6) = 15/20 = 0.75.
    static let threeWeeks = "DD-DD-D D-DDDDD DDD--D-"
    static let sundayLunch = F.local(29, 13)

    @Test func threeWeekExamplePerWeekAndOverall() {
        let report = AdherenceReport(
            outcomes: F.daily(Self.threeWeeks), now: Self.sundayLunch, grace: F.grace,
            timeZone: F.berlin)
        #expect(report.weeks.map(\.isoWeek) == [46, 47, 48])
        #expect(report.weeks.map(\.isoYear) == [2026, 2026, 2026])
        #expect(report.weeks.map(\.weekStart) == [F.local(9, 0), F.local(16, 0), F.local(23, 0)])
        #expect(
            report.weeks.map(\.count) == [
                .init(done: 5, due: 7), .init(done: 6, due: 7), .init(done: 4, due: 6),
            ])
        #expect(report.overall == AdherenceCount(done: 15, due: 20))
        #expect(report.overall.fraction == 0.75)
        #expect(report.weeks[0].count.fraction == 5.0 / 7.0)
    }

    @Test func futureOccurrencesDoNotCount() {
        // Wednesday 11 Nov 13:00: Mon and Tue done, Wednesday's still open
        // (until 14:00), Thursday to Sunday in the future -> 2/2, one week.
        let report = AdherenceReport(
            outcomes: F.daily("DD-----"), now: F.local(11, 13), grace: F.grace,
            timeZone: F.berlin)
        #expect(report.overall == AdherenceCount(done: 2, due: 2))
        #expect(report.weeks.count == 1)
    }

    @Test func missedOnlyAfterDuePlusGrace() {
        // Opens 08:00, due 12:00, grace 2 h: still open at exactly 14:00.
        let outcome = F.daily("-")[0]
        #expect(outcome.status(now: F.local(9, 14), grace: F.grace) == .pending)
        #expect(outcome.status(now: F.local(9, 14) + 1, grace: F.grace) == .missed)
        #expect(F.daily("D")[0].status(now: F.local(9, 7), grace: F.grace) == .done)
    }

    @Test func weeksAreTheClientsLocalWeeks() {
        // Monday 16 Nov 00:00 in Berlin is Sunday 15 Nov 23:00 UTC: ISO week
        // 47 for the client, week 46 on a UTC calendar.
        let start = F.local(16, 0)
        let outcome = OccurrenceOutcome(
            occurrence: Occurrence(index: 0, start: start, due: start + 86_400, allDay: true),
            done: true)
        let utc = TimeZone(identifier: "UTC")!
        let local = AdherenceReport(outcomes: [outcome], now: start, grace: 0, timeZone: F.berlin)
        let server = AdherenceReport(outcomes: [outcome], now: start, grace: 0, timeZone: utc)
        #expect(local.weeks.map(\.isoWeek) == [47])
        #expect(server.weeks.map(\.isoWeek) == [46])
    }

    /// Berlin leaves summer time on Sunday 25 Oct 2026 (03:00 CEST -> 02:00
    /// CET). Sunday 25 Oct 07:00 UTC (08:00 CET) is in ISO week 43, which
    /// began Monday 19 Oct 00:00 CEST = 18 Oct 22:00 UTC; Sunday 25 Oct
    /// 23:30 UTC (Monday 00:30 CET) is in week 44, which began Monday 26 Oct
    /// 00:00 CET = 25 Oct 23:00 UTC.
    @Test func weekBoundariesAcrossDaylightSavingTime() throws {
        let utc = ISO8601DateFormatter()
        let sunday = try #require(utc.date(from: "2026-10-25T07:00:00Z"))
        let monday = try #require(utc.date(from: "2026-10-25T23:30:00Z"))
        let outcomes = [sunday, monday].enumerated().map { index, start in
            OccurrenceOutcome(
                occurrence: Occurrence(index: index, start: start, due: start, allDay: false),
                done: index == 0)
        }
        let report = AdherenceReport(
            outcomes: outcomes, now: monday + 86_400, grace: 0, timeZone: F.berlin)
        #expect(report.weeks.map(\.isoWeek) == [43, 44])
        #expect(
            report.weeks.map(\.weekStart)
                == [utc.date(from: "2026-10-18T22:00:00Z"), utc.date(from: "2026-10-25T23:00:00Z")])
        #expect(report.weeks.map(\.count) == [.init(done: 1, due: 1), .init(done: 0, due: 1)])
    }

    @Test func nothingDueHasNoFraction() {
        let report = AdherenceReport(
            outcomes: F.daily("---"), now: F.local(1, 0), grace: F.grace, timeZone: F.berlin)
        #expect(report.overall == AdherenceCount(done: 0, due: 0))
        #expect(report.overall.fraction == nil)
        #expect(report.weeks.isEmpty)
    }
}

@Suite struct StreakTests {
    typealias F = ProgressFixture

    /// Worked by hand on the three-week example: runs of done are 2, 2, then
    /// Sun 15 + Mon 16 (2), then Wed 18 - Wed 25 (8), then Sat 28 (1);
    /// Sunday 29 is pending and skipped. Current 1, longest 8.
    @Test func currentAndLongest() {
        let streaks = StreakSummary(
            outcomes: F.daily(AdherenceTests.threeWeeks), now: AdherenceTests.sundayLunch,
            grace: F.grace)
        #expect(streaks == StreakSummary(current: 1, longest: 8))
    }

    @Test func pendingNeitherBreaksNorExtends() {
        let open = F.daily("DDD-")  // Thursday 12 Nov opens 08:00, closes 14:00
        #expect(StreakSummary(outcomes: open, now: F.local(12, 13), grace: F.grace).current == 3)
        #expect(StreakSummary(outcomes: open, now: F.local(12, 15), grace: F.grace).current == 0)
        // Done early (before it is due) extends the streak at once.
        let early = F.daily("DDDD")
        #expect(StreakSummary(outcomes: early, now: F.local(12, 9), grace: F.grace).current == 4)
    }

    @Test func onlyPendingGivesZero() {
        let streaks = StreakSummary(outcomes: F.daily("--"), now: F.local(1, 0), grace: F.grace)
        #expect(streaks == StreakSummary(current: 0, longest: 0))
    }

    @Test func scheduleOrderNotInputOrder() {
        // The same outcomes shuffled give the same streaks (sorted by index).
        let outcomes = F.daily("DD-DDD")
        let now = F.local(20, 0)
        #expect(
            StreakSummary(outcomes: outcomes.reversed(), now: now, grace: F.grace)
                == StreakSummary(current: 3, longest: 3))
    }
}
