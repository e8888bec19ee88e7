import Foundation
import Testing

/// `rewards show|redeem|veto|allow` over the replayed week's token ledger:
/// five completions at one token each (WeekReplayTests has the table).
@Suite struct RewardsCommandTests {
    @Test func showListsCatalogueBalanceAndLedger() throws {
        let fixture = try WeekReplayTests.replayedWeek()
        let text = try fixture.ok(["rewards", "show", "c-017-1"]).stdout
        // One line per ledger line, in words, dated in the client's zone.
        #expect(
            text
                == """
                Balance: 5 tokens.
                Rewards:
                  movie-night: Movie night, 3 tokens
                Ledger:
                  0  2026-11-30  +1 token earned (scheduled time 1)
                  1  2026-12-01  +1 token earned (scheduled time 2)
                  2  2026-12-02  +1 token earned (scheduled time 3)
                  3  2026-12-04  +1 token earned (scheduled time 5)
                  4  2026-12-05  +1 token earned (scheduled time 6)

                """)
        let rewards = try fixture.ok(["rewards", "show", "c-017-1", "--json"]).object()
        #expect(
            Set(rewards.keys) == [
                "assignmentID", "unit", "balance", "formattedBalance", "rewards", "ledger",
                "storedBalance",
            ])
        #expect(rewards["balance"] as? Int == 5)
        #expect(rewards["storedBalance"] as? Int == 5)
        let catalogue = try #require(rewards["rewards"] as? [[String: Any]])
        #expect(catalogue.first?["id"] as? String == "movie-night")
        #expect(catalogue.first?["price"] as? Int == 3)
        #expect(catalogue.first?["vetoed"] as? Bool == false)
        let ledger = try #require(rewards["ledger"] as? [[String: Any]])
        #expect(ledger.map { $0["kind"] as? String } == Array(repeating: "earn", count: 5))
        #expect(ledger.map { $0["amount"] as? Int } == [1, 1, 1, 1, 1])
    }

    @Test func redeemSpendsAndAShortBalanceIsRefused() throws {
        let fixture = try WeekReplayTests.replayedWeek()
        let redeemed = try fixture.ok(["rewards", "redeem", "c-017-1", "movie-night"])
        // 5 earned - 3 for the movie night = 2.
        #expect(redeemed.stdout == "Redeemed movie-night. Balance: 2 tokens.\n")
        try fixture.fails(
            ["rewards", "redeem", "c-017-1", "movie-night"], status: Exit.refused,
            saying: "costs 3 tokens", "balance is 2 tokens", "earn 1 token more")
        let rewards = try fixture.ok(["rewards", "show", "c-017-1", "--json"]).object()
        #expect(rewards["balance"] as? Int == 2)
    }

    @Test func aVetoRefundsAPendingRedemptionAndBlocksTheReward() throws {
        let fixture = try WeekReplayTests.replayedWeek()
        try fixture.ok(["rewards", "redeem", "c-017-1", "movie-night"])
        let vetoed = try fixture.ok(
            ["rewards", "veto", "c-017-1", "movie-night", "--reason", "not this week"])
        // The pending 3 come back: 2 + 3 = 5.
        #expect(vetoed.stdout == "Vetoed movie-night. Balance: 5 tokens.\n")
        try fixture.fails(
            ["rewards", "redeem", "c-017-1", "movie-night"], status: Exit.refused,
            saying: "vetoed")
        let allowed = try fixture.ok(
            ["rewards", "allow", "c-017-1", "movie-night", "--reason", "earned it"])
        #expect(allowed.stdout == "movie-night can be redeemed again.\n")
        try fixture.ok(["rewards", "redeem", "c-017-1", "movie-night"])
    }

    @Test func anUnknownRewardIsNotFound() throws {
        let fixture = try WeekReplayTests.replayedWeek()
        try fixture.fails(
            ["rewards", "redeem", "c-017-1", "pizza"], status: Exit.notFound,
            saying: "No reward 'pizza'")
    }

    @Test func anUnknownAssignmentIsNotFound() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        try fixture.fails(
            ["rewards", "show", "c-017-3"], status: Exit.notFound, saying: "no assignment 'c-017-3'"
        )
    }
}
