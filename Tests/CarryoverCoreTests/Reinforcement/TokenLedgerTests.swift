import Foundation
import Testing

@testable import CarryoverCore

// Amounts worked out by hand in the comments.
@Suite struct TokenLedgerTests {
    let catalogue = [
        Reward(id: "sticker", name: "Sticker", price: 5),
        Reward(id: "movie", name: "Movie night", price: 20),
    ]

    /// 2 tokens per completion, 3 more on every 3rd in a row.
    func tokenRun() -> ReinforcementRun {
        ReinforcementRun(
            .tokens(economy: TokenSchedule(perCompletion: 2, bonus: RunBonus(every: 3, amount: 3))),
            catalogue: catalogue)
    }

    @Test func completionsEarnTokensWithARunBonus() throws {
        var run = tokenRun()
        // 2, 2, 2 + 3, miss, 2: 11 tokens.
        try run.occurrences([true, true, true, false, true])
        #expect(run.log[2] == [.tokens(occurrence: 2, amount: 5, bonus: 3)])
        #expect(run.log[3] == [.reset(occurrence: 3, run: 3)])
        #expect(run.state.ledger.earned == 11)
        #expect(run.state.ledger.balance == 11)
        #expect(run.log[2].first?.message == "You earned 5 tokens (3 tokens bonus).")
    }

    @Test func redeemDebitsAndRefusesAShortBalance() throws {
        var run = tokenRun()
        try run.occurrences([true, true, true])  // 2 + 2 + 5 = 9
        try run.plan.redeem(rewardID: "sticker", at: ReinforcementRun.start, state: &run.state)
        #expect(run.state.ledger.balance == 4)  // 9 - 5
        let error = CoreError(
            .insufficientTokens,
            "Reward 'movie' costs 20 tokens but the balance is 4 tokens; earn 16 tokens more first."
        )
        #expect(throws: error) {
            try run.plan.redeem(rewardID: "movie", at: ReinforcementRun.start, state: &run.state)
        }
        #expect(run.state.ledger.balance == 4)
        #expect(run.state.ledger.pendingRedemptions.map(\.rewardID) == ["sticker"])
        #expect(throws: CoreError.self) {
            try run.plan.redeem(rewardID: "pony", at: ReinforcementRun.start, state: &run.state)
        }
    }

    @Test func aVetoRefundsPendingRedemptionsAndBlocksNewOnes() throws {
        var run = tokenRun()
        try run.occurrences([true, true, true, true, true, true])  // 2+2+5+2+2+5 = 18
        try run.plan.redeem(rewardID: "sticker", at: ReinforcementRun.start, state: &run.state)
        try run.plan.redeem(rewardID: "sticker", at: ReinforcementRun.start, state: &run.state)
        #expect(run.state.ledger.balance == 8)  // 18 - 5 - 5
        // Deliver the first; veto the sticker: only the second (pending) is refunded.
        let first = run.state.ledger.pendingRedemptions[0].number
        try run.state.ledger.deliver(redemption: first, at: ReinforcementRun.start)
        let lines = try run.plan.veto(
            rewardID: "sticker", at: ReinforcementRun.start, reason: "not age-appropriate",
            state: &run.state)
        #expect(lines.map(\.kind) == [.veto, .refund])
        #expect(run.state.ledger.balance == 13)  // 8 + 5
        #expect(run.state.ledger.pendingRedemptions.isEmpty)
        #expect(throws: CoreError.self) {
            try run.state.ledger.deliver(redemption: first, at: ReinforcementRun.start)
        }
        // Vetoed: refused with the vetoed code, balance unchanged.
        do {
            try run.plan.redeem(rewardID: "sticker", at: ReinforcementRun.start, state: &run.state)
            Issue.record("a vetoed reward was redeemed")
        } catch let error as CoreError {
            #expect(error.code == .vetoed)
        }
        #expect(run.state.ledger.balance == 13)
        // Lifting the veto allows it again.
        try run.plan.allow(
            rewardID: "sticker", at: ReinforcementRun.start, reason: "ok", state: &run.state)
        try run.plan.redeem(rewardID: "sticker", at: ReinforcementRun.start, state: &run.state)
        #expect(run.state.ledger.balance == 8)
    }

    @Test func adjustmentsNeverTakeEarnedTokensAndTheBalanceStaysAtOrAboveZero() throws {
        var run = tokenRun()
        try run.occurrences([true, true])  // 4 earned
        try run.state.ledger.adjust(3, at: ReinforcementRun.start, reason: "bonus for effort")
        try run.state.ledger.adjust(-3, at: ReinforcementRun.start, reason: "grant in error")
        // One more token back would come out of earned tokens: refused.
        #expect(throws: CoreError.self) {
            try run.state.ledger.adjust(-1, at: ReinforcementRun.start, reason: "no")
        }
        #expect(run.state.ledger.balance == 4)
        #expect(run.state.ledger.earned == 4)
        #expect(throws: CoreError.self) {
            try run.state.ledger.earn(0, at: ReinforcementRun.start, note: "nothing")
        }
        // Every balance along the ledger is at or above zero and earn lines are positive.
        var balance = 0
        for line in run.state.ledger.lines {
            balance += line.amount
            #expect(balance >= 0)
            if line.kind == .earn { #expect(line.amount > 0) }
        }
    }

    @Test func vouchersAreSpentFromTheSameLedgerInCents() throws {
        var run = ReinforcementRun(
            .escalating(vouchers: .higgins1994),
            catalogue: [Reward(id: "gym", name: "Gym pass", price: 1000)]
        )
        try run.occurrences([true, true, true])  // 2.50 + 3.75 + 5.00 + 10 = $21.25
        try run.plan.redeem(rewardID: "gym", at: ReinforcementRun.start, state: &run.state)
        #expect(LedgerUnit.cents.format(run.state.ledger.balance) == "$11.25")
        #expect(LedgerUnit.cents.format(5) == "$0.05")
        #expect(LedgerUnit.tokens.format(1) == "1 token")
    }
}

@Suite struct TokenRunResetTests {
    /// A miss resets only what grows with the run: a plain token economy has
    /// nothing to reset, so it says nothing; a run bonus does reset.
    @Test func aMissAnnouncesAResetOnlyWhenARunBonusWasGrowing() throws {
        var plain = ReinforcementRun(.tokens(economy: TokenSchedule(perCompletion: 1)))
        try plain.occurrences([true, true, true, false])
        #expect(plain.log.last == [])

        var bonus = ReinforcementRun(
            .tokens(economy: TokenSchedule(perCompletion: 1, bonus: RunBonus(every: 5, amount: 3))))
        try bonus.occurrences([true, true, true, false])
        #expect(bonus.log.last == [.reset(occurrence: 3, run: 3)])
    }
}

/// A voided entry's earning is taken back by a line of its own, never by
/// changing or deleting the earning, and never below a zero balance.
@Suite struct TokenLedgerReversalTests {
    static let at = Date(timeIntervalSince1970: 1_780_000_000)
    static let sticker = Reward(id: "sticker", name: "Sticker", price: 2)

    @Test func aReversalTakesBackAnEarningWithANewLine() throws {
        var ledger = TokenLedger()
        try ledger.earn(2, at: Self.at, note: "occurrence 0")  // line 0
        try ledger.earn(1, at: Self.at, note: "occurrence 1")  // line 1, balance 3
        let line = try ledger.reverse(earning: 1, at: Self.at, reason: "entry voided")
        #expect(line.kind == .reverse && line.amount == -1 && line.reverses == 1)
        #expect(ledger.balance == 2)  // 3 - 1
        #expect(ledger.lines.map(\.amount) == [2, 1, -1])
        #expect(throws: CoreError.self) {
            try ledger.reverse(earning: 1, at: Self.at, reason: "twice")
        }
    }

    @Test func whatWasSpentStaysSpent() throws {
        var ledger = TokenLedger()
        try ledger.earn(2, at: Self.at, note: "occurrence 0")  // line 0
        try ledger.earn(1, at: Self.at, note: "occurrence 1")  // line 1, balance 3
        try ledger.redeem(Self.sticker, at: Self.at, unit: .tokens)  // line 2, balance 1
        // Line 0 earned 2, but only 1 is left: 1 of 2 is taken back.
        let line = try ledger.reverse(earning: 0, at: Self.at, reason: "entry voided")
        #expect(line.amount == -1)
        #expect(line.note == "entry voided (1 of 2 taken back; the rest was spent)")
        #expect(ledger.balance == 0)
        #expect(throws: CoreError.self) {
            try ledger.reverse(earning: 2, at: Self.at, reason: "not an earning")
        }
    }
}
