import Foundation
import Testing

@testable import CarryoverCore

@Suite struct ReinforcementPlanTests {
    @Test func presetsAndOrdinaryPlansValidate() throws {
        try ReinforcementPlan(schedule: .escalating(vouchers: .higgins1994)).validate()
        try ReinforcementPlan(schedule: .prizeDraws(prizes: PrizeDrawSchedule(cap: 8))).validate()
        try ReinforcementPlan(
            schedule: .tokens(economy: TokenSchedule(perCompletion: 1)),
            catalogue: [Reward(id: "a", name: "A", price: 3)]
        ).validate()
        try ReinforcementPlan().validate()
    }

    @Test func impossiblePlansAreRefused() {
        let bad: [ReinforcementPlan] = [
            ReinforcementPlan(schedule: .fixedRatio(responses: 0)),
            ReinforcementPlan(schedule: .variableRatio(mean: 0)),
            ReinforcementPlan(schedule: .fixedInterval(seconds: 0)),
            ReinforcementPlan(schedule: .variableInterval(meanSeconds: .infinity)),
            ReinforcementPlan(
                schedule: .prizeDraws(prizes: PrizeDrawSchedule(bowl: PrizeBowl(slips: [])))),
            ReinforcementPlan(schedule: .prizeDraws(prizes: PrizeDrawSchedule(cap: 0))),
            ReinforcementPlan(schedule: .tokens(economy: TokenSchedule(perCompletion: 0))),
            ReinforcementPlan(
                schedule: .escalating(
                    vouchers:
                        EscalatingSchedule(
                            start: 250, step: 125, bonus: RunBonus(every: 0, amount: 1),
                            recoveryAfter: 5))),
            ReinforcementPlan(
                schedule: .continuous, catalogue: [Reward(id: "a", name: "A", price: 1)]),
            ReinforcementPlan(
                schedule: .tokens(economy: TokenSchedule(perCompletion: 1)),
                catalogue: [
                    Reward(id: "a", name: "A", price: 1), Reward(id: "a", name: "B", price: 2),
                ]),
        ]
        for plan in bad {
            #expect(throws: CoreError.self, "\(plan.schedule)") { try plan.validate() }
        }
    }

    @Test func applyRefusesAnInvalidPlanAndLeavesTheStateAlone() {
        // VR 0 would draw requirements from 1...-1; apply refuses before any draw.
        let plan = ReinforcementPlan(schedule: .variableRatio(mean: 0))
        let state = ReinforcementState(startedAt: ReinforcementRun.start)
        #expect(throws: CoreError.self) {
            try plan.apply(.entry(at: ReinforcementRun.start), to: state, seed: 1)
        }
    }

    /// In place or pure, the same events give the same states and the same
    /// reinforcement; a refused event leaves the state as it was.
    @Test(arguments: [
        ReinforcementSchedule.tokens(
            economy: TokenSchedule(perCompletion: 2, bonus: RunBonus(every: 3, amount: 1))),
        .escalating(vouchers: .higgins1994), .variableRatio(mean: 3),
    ])
    func inPlaceApplyMatchesThePureOne(schedule: ReinforcementSchedule) throws {
        var pure = ReinforcementRun(schedule)
        var state = pure.state
        for day in 0..<12 {
            let at = ReinforcementRun.start.addingTimeInterval(Double(day) * 86_400)
            let events: [HomeworkEvent] = [
                .entry(at: at),
                day % 5 == 4
                    ? .missed(occurrence: day, at: at) : .completed(occurrence: day, at: at),
            ]
            for event in events {
                #expect(
                    try pure.plan.apply(event, to: &state, seed: pure.seed) == pure.apply(event))
                #expect(state == pure.state)
            }
        }
        let before = state
        #expect(throws: CoreError.self) {
            try pure.plan.apply(
                .completed(occurrence: 3, at: ReinforcementRun.start), to: &state, seed: pure.seed)
        }
        #expect(state == before)
    }

    @Test func planAndStateRoundTripThroughJSON() throws {
        var run = ReinforcementRun(
            .escalating(vouchers: .higgins1994),
            catalogue: [Reward(id: "gym", name: "Gym", price: 300)])
        try run.occurrences([true, true, false, true])
        try run.plan.redeem(rewardID: "gym", at: ReinforcementRun.start, state: &run.state)
        let plan = try JSONDecoder().decode(
            ReinforcementPlan.self, from: JSONEncoder().encode(run.plan))
        #expect(plan == run.plan)
        let state = try JSONDecoder().decode(
            ReinforcementState.self, from: JSONEncoder().encode(run.state))
        #expect(state == run.state)
        // The restored state carries on exactly as the original would.
        let next = HomeworkEvent.completed(occurrence: 4, at: ReinforcementRun.start)
        #expect(
            try plan.apply(next, to: state, seed: run.seed)
                == run.plan.apply(next, to: run.state, seed: run.seed))
    }

    @Test func derivedStreamsDifferByPurposeAndIndex() {
        var a = DrawStream.random(seed: 1, purpose: .prize, index: 0)
        var b = DrawStream.random(seed: 1, purpose: .prize, index: 1)
        var c = DrawStream.random(seed: 1, purpose: .interval, index: 0)
        var again = DrawStream.random(seed: 1, purpose: .prize, index: 0)
        let first = a.next()
        #expect(first == again.next())
        #expect(first != b.next())
        #expect(first != c.next())
    }
}

@Suite struct ReinforcementDescriptionTests {
    @Test func schedulesDescribeThemselvesForTheCLI() {
        #expect(ReinforcementSchedule.continuous.description == "continuous: every entry")
        #expect(
            ReinforcementSchedule.fixedRatio(responses: 3).description == "FR 3: every 3rd entry")
        #expect(
            [1, 2, 3, 4, 11, 12, 13, 21, 22, 112].map(ordinal) == [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "112th",
            ])
        // VR 5 draws uniformly from 1...9.
        #expect(
            ReinforcementSchedule.variableRatio(mean: 5).description
                == "VR 5: after 1 to 9 entries, 5 on average")
        #expect(
            ReinforcementSchedule.escalating(vouchers: .higgins1994).description
                == "vouchers from $2.50, $1.25 more each completion in a row, $10.00 bonus every 3 "
                + "in a row, reset on a miss, value restored after 5 in a row")
        // Petry bowl: 221.8 cents a draw, shown rounded to $2.22.
        #expect(
            ReinforcementSchedule.prizeDraws(prizes: PrizeDrawSchedule(cap: 8)).description
                == "prize draws from 500 slips ($2.22 a draw on average), +1 draw each completion "
                + "in a row up to 8, back to 1 on a miss")
        #expect(
            ReinforcementSchedule.tokens(
                economy: TokenSchedule(perCompletion: 2, bonus: RunBonus(every: 3, amount: 3))
            ).description == "2 tokens per completion, 3 tokens bonus every 3 in a row")
    }

    @Test func storedJSONShapeIsStable() throws {
        // The store keeps plans as JSON: pin the shape so a rename shows up here.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let plan = ReinforcementPlan(schedule: .fixedRatio(responses: 3))
        #expect(
            String(decoding: try encoder.encode(plan), as: UTF8.self)
                == #"{"catalogue":[],"schedule":{"fixedRatio":{"responses":3}}}"#)
        let rule = CompletionRule.anyOf(rules: [.done, .streak(length: 3)])
        #expect(
            String(decoding: try encoder.encode(rule), as: UTF8.self)
                == #"{"anyOf":{"rules":[{"done":{}},{"streak":{"length":3}}]}}"#)
    }
}
