import Foundation
import Testing

@testable import CarryoverCore

/// Every reinforcer given is a ledger line: prizes with their value, the
/// reinforcers of operant schedules by name; both wait to be delivered.
@Suite struct ReinforcerLedgerLineTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func operantReinforcementsAddNamedLinesThatDoNotMoveTheBalance() throws {
        let plan = ReinforcementPlan(schedule: .fixedRatio(responses: 2), reinforcer: "a sticker")
        var state = ReinforcementState(startedAt: start)
        var events: [ReinforcementEvent] = []
        for response in 1...4 {
            let result = try plan.apply(
                .entry(at: start.addingTimeInterval(Double(response) * 60)), to: state, seed: 7)
            state = result.state
            events += result.events
        }
        // FR 2: responses 2 and 4, each with the plan's reinforcer.
        #expect(
            events == [
                .reinforced(
                    response: 2, at: start.addingTimeInterval(120), reinforcer: "a sticker"),
                .reinforced(
                    response: 4, at: start.addingTimeInterval(240), reinforcer: "a sticker"),
            ])
        #expect(events.map(\.message) == ["You earned a sticker.", "You earned a sticker."])
        #expect(state.ledger.lines.map(\.item) == ["a sticker", "a sticker"])
        #expect(state.ledger.lines.map(\.note) == ["entry 2", "entry 4"])
        #expect(state.ledger.balance == 0)
        #expect(state.ledger.pendingDeliveries.map(\.number) == [0, 1])
        try state.ledger.deliver(redemption: 1, at: start.addingTimeInterval(600))
        #expect(state.ledger.pendingDeliveries.map(\.number) == [0])
        #expect(
            state.ledger.words(for: state.ledger.lines[1], unit: nil)
                == "a sticker (entry 4), delivered")
        #expect(throws: CoreError.self) {
            try state.ledger.deliver(redemption: 2, at: start)  // the delivery line itself
        }
    }

    @Test func everyPrizeDrawIsALineWithItsSlipAndValue() throws {
        let plan = ReinforcementPlan(schedule: .prizeDraws(prizes: PrizeDrawSchedule()))
        var state = ReinforcementState(startedAt: start)
        var draws: [ReinforcementEvent] = []
        for occurrence in 0..<3 {
            let result = try plan.apply(
                .completed(
                    occurrence: occurrence,
                    at: start.addingTimeInterval(Double(occurrence) * 86_400)),
                to: state, seed: 2000)
            state = result.state
            draws += result.events
        }
        // 1 + 2 + 3 draws for a run of three (Petry et al. 2000).
        #expect(state.ledger.lines.count == 6)
        for (line, event) in zip(state.ledger.lines, draws) {
            guard case .prize(let occurrence, let draw, let of, let slip, let value) = event else {
                Issue.record("not a prize: \(event)")
                continue
            }
            #expect(line.item == slip)
            #expect(line.value == value)
            #expect(line.note == "scheduled time \(occurrence + 1), draw \(draw) of \(of)")
            #expect(line.isDeliverable == (value > 0))
        }
        #expect(state.ledger.balance == 0)
    }

    @Test func linesReadInPlainWords() throws {
        var ledger = TokenLedger()
        try ledger.earn(2, at: start, note: "scheduled time 5")
        ledger.give("large", value: 2000, at: start, note: "scheduled time 5, draw 1 of 1")
        ledger.give("good job", value: 0, at: start, note: "scheduled time 6, draw 1 of 2")
        try ledger.redeem(
            Reward(id: "movie", name: "Movie night", price: 2), at: start, unit: .tokens)
        let words = ledger.lines.map {
            ledger.words(for: $0, unit: .tokens, rewards: ["movie": "Movie night"])
        }
        #expect(
            words == [
                "+2 tokens earned (scheduled time 5)",
                "prize: large ($20.00) (scheduled time 5, draw 1 of 1), to deliver",
                "prize draw: good job (scheduled time 6, draw 1 of 2)",
                "-2 tokens: Movie night, to deliver",
            ])
    }
}
