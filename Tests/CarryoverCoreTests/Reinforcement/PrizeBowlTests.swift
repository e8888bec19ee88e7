import Foundation
import Testing

@testable import CarryoverCore

// Source: Petry et al. (2000), J Consult Clin Psychol 68:250-257, bowl as
// commonly reported: 500 slips, 250 / 209 / 40 / 1. Values in cents.
@Suite struct PrizeBowlTests {
    @Test func petryBowlHasTheReportedCompositionAndExpectedValue() {
        let bowl = PrizeBowl.petry2000
        #expect(bowl.total == 500)
        #expect(bowl.slips.map(\.count) == [250, 209, 40, 1])
        // (209 x $1 + 40 x $20 + 1 x $100) / 500 = $2.218 = 221.8 cents.
        #expect(bowl.expectedValue == 221.8)
    }

    @Test func drawFrequenciesMatchTheBowlUnderAFixedSeed() {
        let bowl = PrizeBowl.petry2000
        let draws = 100_000
        var random = SeededRandom(seed: 2000)
        var counts: [String: Int] = [:]
        var totalValue = 0
        for _ in 0..<draws {
            let slip = bowl.draw(using: &random)
            counts[slip.name, default: 0] += 1
            totalValue += slip.value
        }
        // Tolerance: 4 binomial standard errors, sqrt(p(1-p)/n) with n = 100,000:
        // 50% -> 0.158%, 41.8% -> 0.156%, 8% -> 0.086%, 0.2% -> 0.014%.
        // A fair draw misses any one of them with probability about 6e-5.
        for (name, p) in [("good job", 0.5), ("small", 0.418), ("large", 0.08), ("jumbo", 0.002)] {
            let observed = Double(counts[name, default: 0]) / Double(draws)
            let standardError = (p * (1 - p) / Double(draws)).squareRoot()
            #expect(abs(observed - p) < 4 * standardError, "\(name): \(observed)")
        }
        // Mean value per draw: E[v] = 221.8 cents; E[v^2] = (209 x 100^2 + 40 x
        // 2000^2 + 10000^2) / 500 = 524,180, so SD = sqrt(524,180 - 221.8^2) =
        // 689.2 cents and the standard error over 100,000 draws is 2.18 cents.
        let mean = Double(totalValue) / Double(draws)
        #expect(abs(mean - 221.8) < 4 * 2.18)
    }

    @Test func drawsEscalateWithTheRunAndResetAfterAMiss() throws {
        var run = ReinforcementRun(.prizeDraws(prizes: PrizeDrawSchedule()))
        // Completed, completed, completed, missed, completed: 1, 2, 3, reset, 1.
        try run.occurrences([true, true, true, false, true])
        let drawsPerEvent = run.log.map { events in
            events.filter { if case .prize = $0 { true } else { false } }.count
        }
        #expect(drawsPerEvent == [1, 2, 3, 0, 1])
        #expect(run.log[3] == [.reset(occurrence: 3, run: 3)])
        // With a cap of 2: 1, 2, 2, 2.
        var capped = ReinforcementRun(.prizeDraws(prizes: PrizeDrawSchedule(cap: 2)))
        try capped.occurrences([true, true, true, true])
        #expect(capped.log.map(\.count) == [1, 2, 2, 2])
        #expect(PrizeDrawSchedule(increment: 2).draws(forRun: 3) == 5)  // 1 + 2 x (3 - 1)
    }

    @Test func drawsReplayIdenticallyFromTheSeedAndOccurrence() throws {
        let plan = ReinforcementPlan(schedule: .prizeDraws(prizes: PrizeDrawSchedule(increment: 0)))
        let state = ReinforcementState(startedAt: ReinforcementRun.start)
        func draws(seed: UInt64, occurrence: Int) throws -> [ReinforcementEvent] {
            var result: [ReinforcementEvent] = []
            for index in 0..<40 {
                let event = HomeworkEvent.completed(
                    occurrence: occurrence + index, at: ReinforcementRun.start)
                result += try plan.apply(event, to: state, seed: seed).events
            }
            return result
        }
        // Same seed, same occurrences: identical slips on every replay.
        #expect(try draws(seed: 9, occurrence: 0) == draws(seed: 9, occurrence: 0))
        // Another seed gives another sequence (40 draws from 4 kinds of slip).
        #expect(try draws(seed: 9, occurrence: 0) != draws(seed: 10, occurrence: 0))
        // The draw for an occurrence depends on its index, not on what came before.
        var stream = DrawStream.random(seed: 9, purpose: .prize, index: 7)
        let expected = PrizeBowl.petry2000.draw(using: &stream)
        let seventh = try plan.apply(
            .completed(occurrence: 7, at: ReinforcementRun.start), to: state, seed: 9
        ).events
        #expect(
            seventh == [
                .prize(occurrence: 7, draw: 1, of: 1, slip: expected.name, value: expected.value)
            ])
    }

    @Test func aConfiguredBowlIsUsed() throws {
        let bowl = PrizeBowl(slips: [
            .init(name: "good job", count: 0, value: 0),
            .init(name: "movie", count: 3, value: 1200),
        ])
        var run = ReinforcementRun(.prizeDraws(prizes: PrizeDrawSchedule(bowl: bowl)))
        try run.occurrences([true, true])
        let slips = run.log.joined().compactMap { event -> String? in
            if case .prize(_, _, _, let slip, _) = event { return slip }
            return nil
        }
        // Occurrence 0 earns 1 draw, occurrence 1 earns 2: three "movie" slips.
        #expect(slips == ["movie", "movie", "movie"])
        #expect(run.log[1].last?.message == "Draw 2 of 2: movie prize ($12.00).")
    }
}
