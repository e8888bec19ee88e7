import Foundation
import Testing

@testable import CarryoverCore

/// Each rule of ``BarrierRules`` (defaults) fires on its own pattern and on
/// no other. Three weeks of daily homework from Monday 9 November 2026,
/// judged on Monday 30 November 09:00 when every occurrence is resolved.
@Suite struct BarrierRulesTests {
    typealias F = ProgressFixture

    static func codes(_ pattern: String, hours: [Int] = [8]) -> [ProgressFlag.Code] {
        flags(pattern, hours: hours).map(\.code)
    }

    static func flags(_ pattern: String, hours: [Int] = [8]) -> [ProgressFlag] {
        BarrierRules.standard.flags(
            for: F.daily(pattern, hours: hours), now: F.local(30, 9), grace: F.grace,
            timeZone: F.berlin)
    }

    @Test func fullAdherenceRaisesNothing() {
        #expect(Self.codes("DDDDDDD DDDDDDD DDDDDDD").isEmpty)
    }

    /// Every Monday missed (3 of 3), nothing else (0 of 18): a weekday cluster.
    @Test func missesOnOneWeekdayPointToTimeConstraints() throws {
        let flags = Self.flags("-DDDDDD -DDDDDD -DDDDDD")
        #expect(flags.map(\.code) == [.timeConstraints])
        #expect(flags[0].level == .info)
        #expect(
            flags[0].message
                == "Misses cluster on Mondays: 3 of 3 missed there, against 0 of 18 at other times."
        )
        #expect(flags[0].suggestion.contains("move the homework to a better time"))
    }

    /// Twice a day (08:00 and 18:00): 4 of 7 mornings missed, no evening.
    /// No weekday holds more than one miss, so only the time of day clusters.
    @Test func missesAtOneTimeOfDayPointToTimeConstraints() throws {
        let flags = Self.flags("-D DD -D DD -D DD -D", hours: [8, 18])
        #expect(flags.map(\.code) == [.timeConstraints])
        #expect(
            flags[0].message
                == "Misses cluster at 08:00: 4 of 7 missed there, against 0 of 7 at other times.")
    }

    /// Missing everything is not a cluster: the outside is missed as often.
    @Test func missingEverywhereIsNoTimeCluster() {
        #expect(!Self.codes("------- ------- -------").contains(.timeConstraints))
    }

    /// The first three occurrences missed, then done: never got going.
    @Test func missesFromTheStartPointToUnclearInstructions() {
        let flags = Self.flags("---DDDD DDDDDDD DDDDDDD")
        #expect(flags.map(\.code) == [.unclearInstructions])
        #expect(flags[0].message == "The first 3 scheduled times were all missed.")
        #expect(flags[0].suggestion.contains("go over the homework in session"))
    }

    /// Two entries rejected by validation (Wed of week 46, Fri of week 47).
    @Test func rejectedEntriesPointToUnclearInstructions() {
        let flags = Self.flags("DDrDDDD DDDDrDD DDDDDDD")
        #expect(flags.map(\.code) == [.unclearInstructions])
        #expect(flags[0].message == "2 entries were rejected or left incomplete.")
        // One rejection alone is below the default of 2.
        #expect(Self.codes("DDrDDDD DDDDDDD DDDDDDD").isEmpty)
    }

    /// Weekly adherence 7/7 = 100%, 5/7 = 71%, 2/7 = 29%: a good start, then
    /// a fall each week to at most 50%. Misses are on Wed (2), Sat (2), Tue,
    /// Thu, Fri (1 each): no weekday cluster; Sunday is done, so no run of
    /// misses reaches the end.
    @Test func fallingAdherencePointsToLowMotivation() {
        let flags = Self.flags("DDDDDDD DD-DD-D D-----D")
        #expect(flags.map(\.code) == [.lowMotivation])
        #expect(
            flags[0].message
                == "Adherence fell week over week after a good start: 100% -> 71% -> 29%.")
        #expect(flags[0].suggestion.contains("make the step smaller"))
        // A poor first week is not "after a good start".
        #expect(!Self.codes("DDDD--- DD-DD-D D-----D").contains(.lowMotivation))
    }

    /// Monday 23 Nov 15:00: weeks of 7/7 and 5/7, then a week begun with one
    /// miss (0/1). A single occurrence is no week-long fall: below the
    /// default of 3 due it is left out, and no flag is raised.
    @Test func aWeekJustBegunIsNoDecline() {
        let outcomes = F.daily("DDDDDDD DDDD--D -")
        let now = F.local(23, 15)
        let standard = BarrierRules.standard.flags(
            for: outcomes, now: now, grace: F.grace, timeZone: F.berlin)
        #expect(standard.isEmpty)
        var everyWeek = BarrierRules.standard
        everyWeek.minimumWeeklyDue = 1
        let loose = everyWeek.flags(for: outcomes, now: now, grace: F.grace, timeZone: F.berlin)
        #expect(loose.map(\.code) == [.lowMotivation])
    }

    /// Rejected entries on an occurrence still open count: the client is
    /// trying and failing now.
    @Test func rejectionsOnAnOpenOccurrenceCount() {
        let outcomes = F.daily("DDDDDDD r")  // Monday 16 Nov opens 08:00
        var open = outcomes[7]
        open.rejectedAttempts = 2
        let flags = BarrierRules.standard.flags(
            for: Array(outcomes.prefix(7)) + [open], now: F.local(16, 10), grace: F.grace,
            timeZone: F.berlin)
        #expect(flags.map(\.code) == [.unclearInstructions])
    }

    /// The last three in a row missed, after 18 done: attention, and no
    /// barrier (one miss per weekday; weekly 100%, 100%, 57% is no decline).
    @Test func consecutiveMissesNeedAttention() {
        let flags = Self.flags("DDDDDDD DDDDDDD DDDD---")
        #expect(flags.map(\.code) == [.consecutiveMisses])
        #expect(flags[0].level == .attention)
        #expect(flags[0].message == "The last 3 scheduled times in a row were missed.")
        #expect(Self.codes("DDDDDDD DDDDDDD DDDDD--").isEmpty)
    }

    @Test func flagsAreOrderedByLevelAndCarryNoClientData() {
        // Never started: unclear instructions (info) and consecutive misses (attention).
        let flags = Self.flags("------- ------- -------")
        #expect(flags.map(\.code) == [.consecutiveMisses, .unclearInstructions])
        for flag in flags {
            #expect(!flag.message.contains(F.clientID))
            #expect(!flag.suggestion.contains(F.clientID))
        }
    }

    @Test func pendingOccurrencesAreIgnored() {
        // Fri 13 and Sat 14 missed; Sunday 15 (08:00, due 12:00, grace to
        // 14:00) is open at 09:00, so the run is 2, below 3. Once Sunday
        // closes unfinished the run is 3.
        let outcomes = F.daily("DDDD---")
        let rules = BarrierRules.standard
        let open = rules.flags(
            for: outcomes, now: F.local(15, 9), grace: F.grace, timeZone: F.berlin)
        #expect(open.isEmpty)
        let closed = rules.flags(
            for: outcomes, now: F.local(15, 14) + 1, grace: F.grace, timeZone: F.berlin)
        #expect(closed.map(\.code) == [.consecutiveMisses])
    }
}
