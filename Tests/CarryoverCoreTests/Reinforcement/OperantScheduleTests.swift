import Foundation
import Testing

@testable import CarryoverCore

// Definitions: Ferster and Skinner (1957), Schedules of Reinforcement.
@Suite struct OperantScheduleTests {
    @Test func fixedRatioThreeReinforcesEveryThirdResponse() throws {
        var run = ReinforcementRun(.fixedRatio(responses: 3))
        for second in 1...10 { try run.entry(after: Double(second)) }
        // FR 3: responses 3, 6, 9 of 10.
        #expect(run.reinforcedResponses == [3, 6, 9])
        #expect(run.state.responsesSinceReinforcement == 1)
    }

    @Test func continuousReinforcesEveryResponse() throws {
        var run = ReinforcementRun(.continuous)
        for second in 1...4 { try run.entry(after: Double(second)) }
        #expect(run.reinforcedResponses == [1, 2, 3, 4])
    }

    @Test func variableRatioHasMeanNAndReplays() throws {
        var run = ReinforcementRun(.variableRatio(mean: 5), seed: 1957)
        for second in 1...100_000 { try run.entry(after: Double(second)) }
        let reinforced = run.reinforcedResponses
        // Every gap is the drawn requirement for that reinforcement, in 1...9.
        let gaps = zip(reinforced, [0] + reinforced).map { $0 - $1 }
        for (k, gap) in gaps.enumerated() {
            #expect(
                gap
                    == ReinforcementPlan.variableRatioRequirement(
                        mean: 5, seed: 1957, reinforcement: k))
        }
        #expect(gaps.allSatisfy { (1...9).contains($0) })
        // Uniform on 1...9 has mean 5 and SD sqrt((9^2 - 1) / 12) = 2.582; with
        // about 20,000 reinforcements the standard error is 0.018: allow 4 SE.
        let mean = Double(reinforced.last!) / Double(reinforced.count)
        let standardError = 2.582 / Double(reinforced.count).squareRoot()
        #expect(abs(mean - 5) < 4 * standardError, "mean \(mean)")
        // A replay from the same seed gives the same reinforced responses.
        var replay = ReinforcementRun(.variableRatio(mean: 5), seed: 1957)
        for second in 1...1000 { try replay.entry(after: Double(second)) }
        #expect(replay.reinforcedResponses == reinforced.filter { $0 <= 1000 })
    }

    @Test func fixedIntervalReinforcesTheFirstResponseAfterTheInterval() throws {
        var run = ReinforcementRun(.fixedInterval(seconds: 60))
        // FI 60 s from the start: 10 s and 59 s are too early; 60 s has elapsed
        // (reinforced); 61 s and 119 s are within the next interval; 120 s is
        // reinforced; nothing until 200 s, the first response after 180 s.
        for second in [10.0, 59, 60, 61, 119, 120, 200, 250] { try run.entry(after: second) }
        #expect(run.reinforcedResponses == [3, 6, 7])
        #expect(run.state.lastReinforcementAt == ReinforcementRun.start.addingTimeInterval(200))
    }

    @Test func variableIntervalDrawsIntervalsWithMeanT() throws {
        // Exponential with mean 60 s has SD 60 s; over 20,000 intervals the
        // standard error is 60 / sqrt(20,000) = 0.42 s: allow 4 SE.
        let intervals = (0..<20_000).map {
            ReinforcementPlan.variableInterval(mean: 60, seed: 31, reinforcement: $0)
        }
        let mean = intervals.reduce(0, +) / Double(intervals.count)
        #expect(abs(mean - 60) < 4 * 60 / Double(intervals.count).squareRoot(), "mean \(mean)")
        #expect(intervals.allSatisfy { $0 >= 0 && $0.isFinite })
    }

    @Test func variableIntervalReinforcesTheFirstResponseAfterTheDrawnInterval() throws {
        var run = ReinforcementRun(.variableInterval(meanSeconds: 60), seed: 31)
        let drawn = ReinforcementPlan.variableInterval(mean: 60, seed: 31, reinforcement: 0)
        // The first response at or after the drawn interval, in whole seconds so
        // Date arithmetic cannot round the elapsed time below the interval.
        let first = drawn.rounded(.up)
        let second = ReinforcementPlan.variableInterval(mean: 60, seed: 31, reinforcement: 1)
        // Just before the first drawn interval ends: nothing. At its end: reinforced.
        #expect(try run.entry(after: drawn - 0.001).isEmpty)
        #expect(try run.entry(after: first).count == 1)
        // The next interval runs from that reinforcement.
        #expect(try run.entry(after: first + second - 0.001).isEmpty)
        #expect(try run.entry(after: first + second + 5).count == 1)
        #expect(run.reinforcedResponses == [2, 4])
    }

    @Test func occurrenceSchedulesIgnoreEntriesAndOperantOnesIgnoreOccurrences() throws {
        var tokens = ReinforcementRun(.tokens(economy: TokenSchedule(perCompletion: 1)))
        #expect(try tokens.entry(after: 1).isEmpty)
        #expect(tokens.state.responses == 0)
        var ratio = ReinforcementRun(.continuous)
        try ratio.occurrences([true, false])
        #expect(ratio.log.allSatisfy { $0.isEmpty })
    }
}
