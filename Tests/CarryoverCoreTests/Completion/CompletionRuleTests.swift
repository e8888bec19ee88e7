import Foundation
import Testing

@testable import CarryoverCore

// Every expected value below is worked out by hand in the comment beside it;
// occurrences are daily (CompletionFixture), entries are matched by day.
@Suite struct CompletionRuleTests {
    let evaluator = CompletionEvaluator()
    typealias F = CompletionFixture

    @Test func doneNeedsOneEntry() throws {
        let none = try evaluator.evaluate(.done, over: F.input(occurrences: 3, entries: []))
        #expect(none == CompletionStatus(met: false, progress: "no entry yet", fraction: 0))
        let one = try evaluator.evaluate(
            .done, over: F.input(occurrences: 3, entries: F.entries([1])))
        #expect(one == CompletionStatus(met: true, progress: "an entry is logged", fraction: 1))
    }

    @Test func scoreSumAddsEveryEntry() throws {
        let rule = CompletionRule.scoreSum(score: "minutes", target: 150)
        // 30 + 45 + 50 = 125 of 150 -> fraction 125/150 = 0.8333...
        let entries = [
            F.entry(0, ["minutes": 30]), F.entry(1, ["minutes": 45]), F.entry(2, ["minutes": 50]),
        ]
        let short = try evaluator.evaluate(rule, over: F.input(occurrences: 4, entries: entries))
        #expect(!short.met)
        #expect(short.progress == "125 of 150 minutes")
        #expect(abs(short.fraction - 125.0 / 150.0) < 1e-12)
        // A fourth entry of 25 makes 150: met exactly at the target.
        let full = try evaluator.evaluate(
            rule, over: F.input(occurrences: 4, entries: entries + [F.entry(3, ["minutes": 25])]))
        #expect(full == CompletionStatus(met: true, progress: "150 of 150 minutes", fraction: 1))
    }

    @Test func rollingWindowCountsTheLastClosedOccurrences() throws {
        let rule = CompletionRule.occurrences(required: 5, window: .rolling(size: 7))
        // 10 days, completed 0,1,2,3,5,6,8. The last 7 are days 3...9, of which
        // 3,5,6,8 are completed: 4 of the needed 5, fraction 0.8.
        let done = F.entries([0, 1, 2, 3, 5, 6, 8])
        let four = try evaluator.evaluate(rule, over: F.input(occurrences: 10, entries: done))
        #expect(
            four
                == CompletionStatus(
                    met: false, progress: "4 of the last 7 done (needs 5 of 7)", fraction: 0.8))
        // At noon of day 9 with nothing logged yet, day 9 is pending and left
        // out: the window is days 2...8 with 2,3,5,6,8 completed: 5 of the 7.
        let noonDay9 = F.origin.addingTimeInterval(9.5 * F.day)
        let pending = try evaluator.evaluate(
            rule, over: F.input(occurrences: 10, entries: done, now: noonDay9))
        #expect(
            pending
                == CompletionStatus(
                    met: true, progress: "5 of the last 7 done (needs 5 of 7)", fraction: 1))
    }

    /// "5 of the last 7" with all 7 done once read "7 of 5 occurrences met".
    @Test func rollingWindowNeverShowsMoreDoneThanItCounts() throws {
        let rule = CompletionRule.occurrences(required: 5, window: .rolling(size: 7))
        let all = try evaluator.evaluate(
            rule, over: F.input(occurrences: 9, entries: F.entries(Array(0...8))))
        // The window is days 2...8, all done: 7 of those 7, which meets 5 of 7.
        #expect(
            all
                == CompletionStatus(
                    met: true, progress: "7 of the last 7 done (needs 5 of 7)", fraction: 1))
        // Two days in, only two are resolved: the window shows what it counts.
        let early = try evaluator.evaluate(
            rule, over: F.input(occurrences: 2, entries: F.entries([0, 1])))
        #expect(early.progress == "2 of the last 2 done (needs 5 of 7)")
        #expect(!early.met)
    }

    @Test func blockWindowCountsOnlyTheCurrentBlock() throws {
        let rule = CompletionRule.occurrences(required: 5, window: .block(size: 7))
        // Days 0...9: the latest (9) is in block 1 (days 7...13). Block 0 was
        // perfect, but block 1 has only day 8 completed: 1 of 5.
        let firstWeek = F.entries(Array(0...6) + [8])
        let early = try evaluator.evaluate(rule, over: F.input(occurrences: 10, entries: firstWeek))
        #expect(
            early
                == CompletionStatus(
                    met: false, progress: "1 done of scheduled times 8-14 (needs 5 of 7)",
                    fraction: 0.2))
        // Days 0...13 with 7,8,9,11,13 completed: 5 of 5 in block 1.
        let secondWeek = try evaluator.evaluate(
            rule, over: F.input(occurrences: 14, entries: F.entries([7, 8, 9, 11, 13])))
        #expect(secondWeek.met)
        #expect(secondWeek.progress == "5 done of scheduled times 8-14 (needs 5 of 7)")
    }

    @Test func streakBreaksOnAMissAndSkipsPending() throws {
        let rule = CompletionRule.streak(length: 5)
        // Completed 0,1,2 then 3 missed, then 4,5,6,7: current run 4 -> 4 of 5.
        let run = F.entries([0, 1, 2, 4, 5, 6, 7])
        let four = try evaluator.evaluate(rule, over: F.input(occurrences: 8, entries: run))
        #expect(
            four
                == CompletionStatus(
                    met: false, progress: "4 in a row (needs 5)", fraction: 0.8))
        // Day 8 not yet due and not logged: pending, the run stays at 4.
        let noonDay8 = F.origin.addingTimeInterval(8.5 * F.day)
        let pending = try evaluator.evaluate(
            rule, over: F.input(occurrences: 9, entries: run, now: noonDay8))
        #expect(pending.progress == "4 in a row (needs 5)")
        // Day 8 logged: run 4...8 is 5 long -> met; later misses (9, 10) do
        // not undo a streak once reached.
        let later = try evaluator.evaluate(
            rule, over: F.input(occurrences: 11, entries: run + F.entries([8])))
        #expect(
            later
                == CompletionStatus(met: true, progress: "5 in a row reached", fraction: 1)
        )
    }

    @Test func accuracyNeedsConsecutiveSessionsAtTheCriterion() throws {
        // Speech-practice default (80% over 3 consecutive sessions, clinical.md).
        let rule = CompletionRule.accuracy(
            measure: .ratio(correct: "correct", trials: "trials"), minimumPercent: 80, sessions: 3)
        func session(_ day: Int, _ correct: Double, _ trials: Double) -> Entry {
            F.entry(day, ["correct": correct, "trials": trials])
        }
        // 8/10 = 80% pass, 7/10 = 70% fail, 9/10 = 90% pass, 17/20 = 85% pass;
        // a zero-trial entry on day 3 is not a session. Current run: 2 of 3.
        let sessions = [
            session(0, 8, 10), session(1, 7, 10), session(2, 9, 10), session(3, 0, 0),
            session(4, 17, 20),
        ]
        let two = try evaluator.evaluate(rule, over: F.input(occurrences: 5, entries: sessions))
        #expect(!two.met)
        #expect(two.progress == "2 sessions in a row at 80% or better (needs 3)")
        // 4/5 = 80% on day 5 makes 90, 85, 80: 3 in a row, met.
        let three = try evaluator.evaluate(
            rule, over: F.input(occurrences: 6, entries: sessions + [session(5, 4, 5)]))
        #expect(three.met)
        #expect(three.fraction == 1)
        // A percent score: 85 pass, 79.9 fail, 90 pass -> current run 1 of 3.
        let percentRule = CompletionRule.accuracy(
            measure: .percent(score: "accuracy"), minimumPercent: 80, sessions: 3)
        let percents = [
            F.entry(0, ["accuracy": 85]), F.entry(1, ["accuracy": 79.9]),
            F.entry(2, ["accuracy": 90]),
        ]
        let one = try evaluator.evaluate(
            percentRule, over: F.input(occurrences: 3, entries: percents))
        #expect(
            one
                == CompletionStatus(
                    met: false, progress: "1 session in a row at 80% or better (needs 3)",
                    fraction: 1.0 / 3.0))
    }

    @Test func accuracyInMOfNConsecutiveSessions() throws {
        // The "80% in 3 of 4 sessions" variant (clinical.md, speech practice).
        let rule = CompletionRule.accuracy(
            measure: .percent(score: "acc"), minimumPercent: 80, sessions: 3, outOf: 4)
        // 90 pass, 70 fail, 85 pass, 60 fail, 95 pass: windows of 4 hold
        // 2 (90, 70, 85, 60) and 2 (70, 85, 60, 95) passes: not met; the
        // latest window holds 2 -> "2 of 3".
        let scores: [Double] = [90, 70, 85, 60, 95]
        let entries = scores.enumerated().map { F.entry($0.offset, ["acc": $0.element]) }
        let two = try evaluator.evaluate(rule, over: F.input(occurrences: 5, entries: entries))
        #expect(
            two
                == CompletionStatus(
                    met: false,
                    progress: "2 of the last 4 sessions at 80% or better (needs 3 of 4)",
                    fraction: 2.0 / 3.0))
        // An 88 on day 5: window (85, 60, 95, 88) holds 3 passes -> met.
        let three = try evaluator.evaluate(
            rule, over: F.input(occurrences: 6, entries: entries + [F.entry(5, ["acc": 88])]))
        #expect(three.met)
        // Fewer sessions than the window: 90, 85, 80 are 3 of 3 so far -> met.
        let early = try evaluator.evaluate(
            rule,
            over: F.input(
                occurrences: 3,
                entries: [
                    F.entry(0, ["acc": 90]), F.entry(1, ["acc": 85]), F.entry(2, ["acc": 80]),
                ]))
        #expect(early.met)
        #expect(rule.description == "80% or better (score acc) in 3 of any 4 sessions in a row")
        #expect(throws: CoreError.self) {
            try CompletionRule.accuracy(
                measure: .percent(score: "acc"), minimumPercent: 80, sessions: 3, outOf: 2
            ).validate()
        }
    }

    @Test func thresholdOverLatestAndEveryEntry() throws {
        let moods = [F.entry(0, ["mood": 6]), F.entry(1, ["mood": 5]), F.entry(2, ["mood": 3])]
        let input = F.input(occurrences: 3, entries: moods)
        // Latest mood is 3 and 3 <= 3 holds.
        let latest = try evaluator.evaluate(
            .threshold(score: "mood", comparison: .atMost, value: 3, scope: .latest), over: input)
        #expect(
            latest
                == CompletionStatus(
                    met: true, progress: "latest mood 3 (needs mood 3 or less)", fraction: 1))
        // Of 6, 5, 3 only 3 is <= 3: 1 of 3 entries.
        let every = try evaluator.evaluate(
            .threshold(score: "mood", comparison: .atMost, value: 3, scope: .every), over: input)
        #expect(
            every
                == CompletionStatus(
                    met: false, progress: "1 of 3 entries with mood 3 or less",
                    fraction: 1.0 / 3.0))
        // No entry with the score: never met.
        let empty = try evaluator.evaluate(
            .threshold(score: "mood", comparison: .atLeast, value: 0, scope: .every),
            over: F.input(occurrences: 3, entries: []))
        #expect(!empty.met)
        #expect(Comparison.greaterThan.holds(3, 3) == false)
        #expect(Comparison.lessThan.holds(2, 3))
        #expect(Comparison.equal.holds(3, 3))
    }

    @Test func allOfAndAnyOfCombineChildren() throws {
        // Days 0,1 logged, now is noon of day 2 (pending): done is met (1.0),
        // the streak of 3 stands at 2 (2/3). All-of: 1 of 2 met, fraction
        // (1 + 2/3) / 2 = 5/6. Any-of: met, fraction max = 1.
        let input = F.input(
            occurrences: 3, entries: F.entries([0, 1]),
            now: F.origin.addingTimeInterval(2.5 * F.day))
        let all = try evaluator.evaluate(.allOf(rules: [.done, .streak(length: 3)]), over: input)
        #expect(!all.met)
        #expect(all.progress == "1 of 2 met")
        #expect(abs(all.fraction - 5.0 / 6.0) < 1e-12)
        let any = try evaluator.evaluate(.anyOf(rules: [.done, .streak(length: 3)]), over: input)
        #expect(
            any
                == CompletionStatus(
                    met: true, progress: "1 of 2 met (any one is enough)", fraction: 1)
        )
    }

    @Test func pluginPredicateGoesThroughTheHost() throws {
        let host = FakePredicateHost(
            answer: CompletionStatus(met: true, progress: "ladder top", fraction: 1))
        let input = F.input(occurrences: 2, entries: F.entries([0]))
        let status = try CompletionEvaluator(pluginHost: host).evaluate(
            .plugin(hook: "mastered"), over: input)
        #expect(status == CompletionStatus(met: true, progress: "ladder top", fraction: 1))
        #expect(host.calls.value == ["mastered"])
        // A plugin's impossible fraction is clamped for display.
        #expect(CompletionStatus(met: false, progress: "", fraction: 1.7).fraction == 1)
        #expect(CompletionStatus(met: false, progress: "", fraction: .nan).fraction == 0)
        // Without a host the rule cannot be decided: a clear error, no guess.
        #expect(throws: CoreError.self) {
            try evaluator.evaluate(.plugin(hook: "mastered"), over: input)
        }
    }

    @Test func validationRejectsImpossibleRules() throws {
        try CompletionRule.occurrences(required: 5, window: .rolling(size: 7)).validate()
        try CompletionRule.allOf(rules: [.done, .streak(length: 3)]).validate()
        let bad: [CompletionRule] = [
            .occurrences(required: 8, window: .rolling(size: 7)),
            .occurrences(required: 0, window: .block(size: 7)),
            .streak(length: 0),
            .scoreSum(score: "minutes", target: 0),
            .accuracy(measure: .percent(score: "acc"), minimumPercent: 120, sessions: 3),
            .threshold(score: " ", comparison: .atLeast, value: 1, scope: .latest),
            .anyOf(rules: []),
            .allOf(rules: [.done, .streak(length: -1)]),
        ]
        for rule in bad {
            #expect(throws: CoreError.self, "\(rule)") { try rule.validate() }
        }
    }

    @Test func evaluatingAnInvalidRuleThrowsInsteadOfGuessing() {
        // Target 0 would make the fraction 0 / 0; the evaluator refuses the rule.
        let input = F.input(occurrences: 1, entries: [])
        #expect(throws: CoreError.self) {
            try evaluator.evaluate(
                .anyOf(rules: [.done, .scoreSum(score: "m", target: 0)]), over: input)
        }
    }

    @Test func rulesRoundTripThroughJSONAndDescribeThemselves() throws {
        let rule = CompletionRule.anyOf(rules: [
            .occurrences(required: 5, window: .rolling(size: 7)),
            .allOf(rules: [
                .streak(length: 3),
                .threshold(score: "suds", comparison: .atMost, value: 30, scope: .latest),
            ]),
            .accuracy(measure: .ratio(correct: "c", trials: "t"), minimumPercent: 80, sessions: 3),
            .plugin(hook: "mastered"),
        ])
        let json = try JSONEncoder().encode(rule)
        #expect(try JSONDecoder().decode(CompletionRule.self, from: json) == rule)
        #expect(
            rule.description
                == "any one of these: 5 of the last 7 scheduled times done; "
                + "(all of these: 3 scheduled times in a row done; the latest suds is 30 or less); "
                + "80% or better (c out of t) in 3 sessions in a row; "
                + "the homework type's own check 'mastered'")
    }
}

/// Answers every hook with a fixed status and records which hooks were asked.
final class FakePredicateHost: CompletionPredicateHost {
    let answer: CompletionStatus
    let calls = LockedList()

    init(answer: CompletionStatus) { self.answer = answer }

    func evaluate(hook: String, input: CompletionInput) throws -> CompletionStatus {
        calls.append(hook)
        return answer
    }
}

/// A thread-safe list of strings for the fake host's record.
final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ item: String) { lock.withLock { items.append(item) } }
    var value: [String] { lock.withLock { items } }
}
