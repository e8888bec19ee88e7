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

    @Test(arguments: [
        "", "most days", "8 of 7 days", "5 of", "80% sometimes", "5 of 7 weeks", "done twice",
        "all of: 5 of 7 days;",
    ])
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

    /// A word left over is shown with what was read before it.
    @Test func errorShowsWhereReadingStopped() {
        #expect(
            throws: CoreError(
                .invalidRule,
                "cannot read the completion rule '5 of 7 days please': read '5 of 7 days' but not "
                    + "'please'; write it like '5 of 7 days', '7 in a row' or '80% over 3 sessions'"
            )
        ) { try CompletionRule(phrase: "5 of 7 days please") }
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

    @Test(arguments: [
        "", "lots of praise", "FR 0", "FR", "token economy 2", "FI 2 fortnights", "FI 1e3 s",
        "FR 3 with a sticker",
    ])
    func refuses(phrase: String) {
        #expect(throws: CoreError.self) { try ReinforcementSchedule(phrase: phrase) }
    }

    @Test(arguments: [
        ("FR 3 with a sticker", ReinforcementSchedule.fixedRatio(responses: 3), "a sticker"),
        ("continuous with Praise from Mum", .fixedRatio(responses: 1), "Praise from Mum"),
        ("VI 12 hours with a phone call", .variableInterval(meanSeconds: 43_200), "a phone call"),
    ])
    func plansNameTheirReinforcerAsTyped(
        phrase: String, schedule: ReinforcementSchedule, reinforcer: String
    ) throws {
        let plan = try ReinforcementPlan(phrase: phrase)
        #expect(plan.schedule == schedule)
        #expect(plan.reinforcer == reinforcer)
    }

    /// "FR 3" once gave nothing named; now the plan says what the client gets.
    @Test func anOperantPlanWithoutAReinforcerIsRefused() throws {
        #expect(
            throws: CoreError(
                .invalidReinforcement,
                "'VR 5' does not say what the client gets; name the reinforcer after 'with', "
                    + "e.g. 'VR 5 with a sticker'")
        ) { try ReinforcementPlan(phrase: "VR 5") }
        #expect(throws: CoreError.self) {
            try ReinforcementPlan(phrase: "token economy with a hug")
        }
        #expect(try ReinforcementPlan(phrase: "prize bowl").reinforcer == nil)
    }

    /// Intervals in the units people use, never "FI 604800 s".
    @Test(arguments: [
        (
            "FI 1 week with praise",
            "FI 1 week: praise for the first entry 1 week or more after the last reinforcement"
        ),
        (
            "FI 36 hours with praise",
            "FI 36 hours: praise for the first entry 36 hours or more after the last reinforcement"
        ),
        (
            "VI 90 minutes with praise",
            "VI 90 minutes: praise for the first entry after a random wait of 90 minutes on average"
        ),
        (
            "VI 1.5 days with praise",
            "VI 36 hours: praise for the first entry after a random wait of 36 hours on average"
        ),
        ("FR 3 with a sticker", "FR 3: a sticker for every 3rd entry"),
        ("VR 5 with a sticker", "VR 5: a sticker after 1 to 9 entries, 5 on average"),
    ])
    func intervalsReadInHumanUnits(phrase: String, words: String) throws {
        #expect(try ReinforcementPlan(phrase: phrase).description == words)
    }
}
