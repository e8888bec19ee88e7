import Testing

@testable import CarryoverCore

@Suite struct CompletionPhraseTests {
    @Test(arguments: [
        ("done", CompletionRule.done),
        ("5 of 7 days", .occurrences(required: 5, window: .block(size: 7))),
        ("5 of the last 7", .occurrences(required: 5, window: .rolling(size: 7))),
        ("7 in a row", .streak(length: 7)),
        ("streak of 4 days", .streak(length: 4)),
        (
            "80% over 3 consecutive sessions",
            .accuracy(measure: .percent(score: "accuracy"), minimumPercent: 80, sessions: 3)
        ),
        (
            "80% in 3 of 4 sessions",
            .accuracy(
                measure: .percent(score: "accuracy"), minimumPercent: 80, sessions: 3, outOf: 4)
        ),
        ("sum of minutes 150", .scoreSum(score: "minutes", target: 150)),
        (
            "total at most 10 every time",
            .threshold(score: "total", comparison: .atMost, value: 10, scope: .every)
        ),
        (
            "suds_peak <= 30",
            .threshold(score: "suds_peak", comparison: .atMost, value: 30, scope: .latest)
        ),
        ("plugin mastered", .plugin(hook: "mastered")),
        (
            "all of: 5 of 7 days; 3 in a row",
            .allOf(rules: [.occurrences(required: 5, window: .block(size: 7)), .streak(length: 3)])
        ),
    ])
    func reads(phrase: String, rule: CompletionRule) throws {
        #expect(try CompletionRule(phrase: phrase) == rule)
    }

    @Test(arguments: ["", "most days", "8 of 7 days", "5 of", "80% sometimes"])
    func refusesWithAHint(phrase: String) {
        #expect(throws: CoreError.self) { try CompletionRule(phrase: phrase) }
    }

    @Test func errorSaysWhatToWrite() {
        do {
            _ = try CompletionRule(phrase: "most days")
            Issue.record("expected an error")
        } catch let error as CoreError {
            #expect(error.code == .invalidRule)
            #expect(error.message.contains("'5 of 7 days'"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite struct ReinforcementPhraseTests {
    @Test(arguments: [
        ("none", ReinforcementSchedule.none),
        ("continuous", .fixedRatio(responses: 1)),
        ("FR 3", .fixedRatio(responses: 3)),
        ("VR 5", .variableRatio(mean: 5)),
        ("FI 2 days", .fixedInterval(seconds: 172_800)),
        ("variable interval 12 hours", .variableInterval(meanSeconds: 43_200)),
        ("vouchers", .escalating(vouchers: .higgins1994)),
        ("Higgins vouchers", .escalating(vouchers: .higgins1994)),
        ("prize bowl", .prizeDraws(prizes: PrizeDrawSchedule())),
        ("prize bowl cap 8", .prizeDraws(prizes: PrizeDrawSchedule(cap: 8))),
        ("token economy", .tokens(economy: TokenSchedule(perCompletion: 1))),
        (
            "token economy 2 per completion bonus 5 every 7",
            .tokens(
                economy: TokenSchedule(perCompletion: 2, bonus: RunBonus(every: 7, amount: 5)))
        ),
    ])
    func reads(phrase: String, schedule: ReinforcementSchedule) throws {
        #expect(try ReinforcementSchedule(phrase: phrase) == schedule)
    }

    @Test(arguments: ["", "lots of praise", "FR 0", "FR", "token economy 2"])
    func refuses(phrase: String) {
        #expect(throws: CoreError.self) { try ReinforcementSchedule(phrase: phrase) }
    }
}
