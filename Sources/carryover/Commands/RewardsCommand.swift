import ArgumentParser
import CarryoverCore
import CarryoverPractice

struct RewardsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rewards",
        abstract: "The reward catalogue and balance of an assignment; redeem, veto, allow.",
        discussion: """
            Earned tokens are never taken away; a veto refunds a pending redemption.
            Examples:
              carryover rewards show c-017-1
              carryover rewards redeem c-017-1 movie-night
              carryover rewards veto c-017-1 movie-night --reason "not this week"
            """,
        subcommands: [Show.self, Redeem.self, Veto.self, Allow.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Catalogue, balance and ledger.")
        @Argument(help: "The assignment id.") var assignment: String
        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let view = try await options.open().rewards(assignmentID: assignment)
            if output.json { return try printJSON(RewardsJSON(view)) }
            RewardsJSON(view).printForPeople()
        }
    }

    struct Redeem: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Spend earned tokens on a reward.")
        @Argument(help: "The assignment id.") var assignment: String
        @Argument(help: "The reward id (see 'rewards show').") var reward: String
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let view = try await options.open().redeem(assignmentID: assignment, rewardID: reward)
            print("Redeemed \(reward). \(RewardsJSON(view).balanceText)")
        }
    }

    struct Veto: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Veto a reward (therapist).")
        @Argument(help: "The assignment id.") var assignment: String
        @Argument(help: "The reward id.") var reward: String
        @Option(help: "Why (kept in the ledger).") var reason: String
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let view = try await options.open().veto(
                assignmentID: assignment, rewardID: reward, reason: reason)
            print("Vetoed \(reward). \(RewardsJSON(view).balanceText)")
        }
    }

    struct Allow: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lift a veto.")
        @Argument(help: "The assignment id.") var assignment: String
        @Argument(help: "The reward id.") var reward: String
        @Option(help: "Why (kept in the ledger).") var reason: String
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            _ = try await options.open().allow(
                assignmentID: assignment, rewardID: reward, reason: reason)
            print("\(reward) can be redeemed again.")
        }
    }
}

/// `carryover rewards show --json`: the stable shape documented in Docs/cli.md.
struct RewardsJSON: Encodable {
    struct RewardJSON: Encodable {
        let id, name: String
        let price: Int
        let vetoed: Bool
    }

    let assignmentID: String
    let unit: String?
    let balance: Int
    /// The balance summed from the stored ledger events; equal to `balance`.
    let storedBalance: Int
    let rewards: [RewardJSON]
    let ledger: [TokenLedger.Line]

    init(_ view: RewardsView) {
        assignmentID = view.assignmentID
        unit = view.unit?.rawValue
        balance = view.balance
        storedBalance = view.storedBalance
        rewards = view.catalogue.map {
            RewardJSON(
                id: $0.id, name: $0.name, price: $0.price, vetoed: view.vetoed.contains($0.id))
        }
        ledger = view.ledger
        formattedBalance = view.unit?.format(view.balance) ?? "\(view.balance)"
    }

    let formattedBalance: String
    var balanceText: String { "Balance: \(formattedBalance)." }

    func printForPeople() {
        print(balanceText)
        for reward in rewards {
            print(
                "  \(reward.id): \(reward.name), \(reward.price)\(reward.vetoed ? " (vetoed)" : "")"
            )
        }
    }
}
