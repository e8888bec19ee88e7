import Foundation
import Testing

@testable import CarryoverCore

@Suite struct ReinforcementPlanTests {
    @Test func presetsAndOrdinaryPlansValidate() throws {
        try ReinforcementPlan(schedule: .escalating(.higgins1994)).validate()
        try ReinforcementPlan(schedule: .prizeDraws(PrizeDrawSchedule(cap: 8))).validate()
        try ReinforcementPlan(
            schedule: .tokens(TokenSchedule(perCompletion: 1)),
            catalogue: [Reward(id: "a", name: "A", price: 3)]
        ).validate()
        try ReinforcementPlan().validate()
    }

    @Test func impossiblePlansAreRefused() {
        let bad: [ReinforcementPlan] = [
            ReinforcementPlan(schedule: .fixedRatio(0)),
            ReinforcementPlan(schedule: .variableRatio(mean: 0)),
            ReinforcementPlan(schedule: .fixedInterval(seconds: 0)),
            ReinforcementPlan(schedule: .variableInterval(meanSeconds: .infinity)),
            ReinforcementPlan(schedule: .prizeDraws(PrizeDrawSchedule(bowl: PrizeBowl(slips: [])))),
            ReinforcementPlan(schedule: .prizeDraws(PrizeDrawSchedule(cap: 0))),
            ReinforcementPlan(schedule: .tokens(TokenSchedule(perCompletion: 0))),
            ReinforcementPlan(
                schedule: .escalating(
                    EscalatingSchedule(
                        start: 250, step: 125, bonus: RunBonus(every: 0, amount: 1),
                        recoveryAfter: 5))),
            ReinforcementPlan(
                schedule: .continuous, catalogue: [Reward(id: "a", name: "A", price: 1)]),
            ReinforcementPlan(
                schedule: .tokens(TokenSchedule(perCompletion: 1)),
                catalogue: [
                    Reward(id: "a", name: "A", price: 1), Reward(id: "a", name: "B", price: 2),
                ]),
        ]
        for plan in bad {
            #expect(throws: CoreError.self, "\(plan.schedule)") { try plan.validate() }
        }
    }

    @Test func planAndStateRoundTripThroughJSON() throws {
        var run = ReinforcementRun(
            .escalating(.higgins1994), catalogue: [Reward(id: "gym", name: "Gym", price: 300)])
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
