import Foundation
import Testing

@testable import CarryoverCore

// Source: Higgins et al. (1994), Archives of General Psychiatry 51:568-576;
// recovery rule from NIDA's CRA + Vouchers manual. Amounts in cents.
@Suite struct HigginsVoucherTests {
    func vouchers(_ events: [[ReinforcementEvent]]) -> [[Int]] {
        events.joined().compactMap {
            if case .voucher(_, let value, let bonus) = $0 { return [value, bonus] }
            return nil
        }
    }

    @Test func consecutiveNegativesEscalateWithABonusEveryThird() throws {
        var run = ReinforcementRun(.escalating(vouchers: .higgins1994))
        try run.occurrences(Array(repeating: true, count: 6))
        // $2.50, $3.75, $5.00 + $10, $6.25, $7.50, $8.75 + $10.
        #expect(
            vouchers(run.log) == [
                [250, 0], [375, 0], [500, 1000], [625, 0], [750, 0], [875, 1000],
            ])
    }

    @Test func thirtySixNegativesPayTheMaximumOf997Dollars50() throws {
        var run = ReinforcementRun(.escalating(vouchers: .higgins1994))
        try run.occurrences(Array(repeating: true, count: 36))
        // 36 x 2.50 + 1.25 x (0 + ... + 35) = 90 + 787.50 = $877.50 in vouchers,
        // plus 12 bonuses of $10: $997.50, the maximum Higgins et al. report.
        let paid = vouchers(run.log)
        #expect(paid.map { $0[0] }.reduce(0, +) == 87_750)
        #expect(paid.map { $0[1] }.reduce(0, +) == 12_000)
        #expect(run.state.ledger.earned == 99_750)
        #expect(run.state.ledger.balance == 99_750)
        #expect(LedgerUnit.cents.format(run.state.ledger.earned) == "$997.50")
        // The 36th voucher: 2.50 + 35 x 1.25 = $46.25.
        #expect(paid.last == [4625, 1000])
    }

    @Test func resetThenRecoveryAfterFiveNegatives() throws {
        var run = ReinforcementRun(.escalating(vouchers: .higgins1994))
        // Occurrences 0-5 negative: levels 1-6 pay 2.50, 3.75, 5.00+10, 6.25,
        // 7.50, 8.75+10 = $53.75 in all.
        try run.occurrences(Array(repeating: true, count: 6))
        #expect(run.state.ledger.earned == 5375)
        // Occurrence 6 positive (a miss): reset after a run of 6, nothing taken away.
        let reset = try run.apply(.missed(occurrence: 6, at: ReinforcementRun.start))
        #expect(reset == [.reset(occurrence: 6, run: 6)])
        #expect(run.state.ledger.earned == 5375)
        #expect(run.state.ledger.balance == 5375)
        // Occurrences 7-11 negative: back to 2.50, 3.75, 5.00+10 (3rd in the new
        // run), 6.25, 7.50; after the 5th the level recovers to 6.
        try run.occurrences(Array(repeating: true, count: 5))
        #expect(
            vouchers(Array(run.log.suffix(5))) == [
                [250, 0], [375, 0], [500, 1000], [625, 0], [750, 0],
            ])
        #expect(run.log.last?.last == .recovered(occurrence: 11, level: 6))
        // Occurrence 12: level 7 = 2.50 + 6 x 1.25 = $10.00, and the 6th of the
        // run earns the bonus; occurrence 13: level 8 = $11.25, no bonus.
        try run.occurrences([true, true])
        #expect(vouchers(Array(run.log.suffix(2))) == [[1000, 1000], [1125, 0]])
    }

    @Test func aSecondMissBeforeRecoveryKeepsTheHigherLevel() throws {
        var run = ReinforcementRun(.escalating(vouchers: .higgins1994))
        // Level 6, miss, two negatives (level 2), miss again, then 5 negatives:
        // recovery restores level 6, the highest reached before the resets.
        try run.occurrences([true, true, true, true, true, true, false, true, true, false])
        try run.occurrences([true, true, true, true, true])
        #expect(run.log.last?.last == .recovered(occurrence: 14, level: 6))
        try run.occurrences([true])
        // Level 7 pays $10.00; the run is 6 long, so the $10 bonus is due.
        #expect(vouchers([run.log.last!]) == [[1000, 1000]])
    }

    @Test func earnedVouchersAreNeverTakenAway() throws {
        var run = ReinforcementRun(.escalating(vouchers: .higgins1994))
        var earnedSoFar = 0
        for outcome in [true, true, false, true, false, false, true, true, true, false] {
            let linesBefore = run.state.ledger.lines
            try run.occurrences([outcome])
            // Append-only: every earlier line is still there, unchanged.
            #expect(Array(run.state.ledger.lines.prefix(linesBefore.count)) == linesBefore)
            #expect(run.state.ledger.lines.allSatisfy { $0.amount >= 0 })
            #expect(run.state.ledger.earned >= earnedSoFar)
            earnedSoFar = run.state.ledger.earned
        }
        // 2.50 + 3.75 | 2.50 | | 2.50 + 3.75 + 5.00 + 10 = $30.00 (worked by hand;
        // no run reached 5, so no recovery).
        #expect(earnedSoFar == 3000)
    }

    @Test func anOccurrenceIsCountedOnlyOnce() throws {
        var run = ReinforcementRun(.escalating(vouchers: .higgins1994))
        try run.occurrences([true, true])
        #expect(
            throws: CoreError(
                .invalidTransition,
                "Occurrence 1 was already counted for reinforcement (the last counted is 1); send occurrence events once, in order."
            )
        ) {
            try run.apply(.completed(occurrence: 1, at: ReinforcementRun.start))
        }
        // Skipping occurrence 2 would let the run continue across a possible miss.
        #expect(throws: CoreError.self) {
            try run.apply(.completed(occurrence: 3, at: ReinforcementRun.start))
        }
        #expect(run.state.ledger.earned == 625)  // 2.50 + 3.75
    }
}
