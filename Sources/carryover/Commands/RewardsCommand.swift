import ArgumentParser
import CarryoverCore
import CarryoverPractice

struct RewardsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rewards",
        abstract:
            "Every reinforcer of an assignment: balance, catalogue and ledger; redeem, deliver, veto, allow.",
        discussion: """
            Every reinforcer given is a ledger line: tokens and vouchers earned, prizes
            won, the reinforcers of FR, VR, FI and VI schedules, rewards bought. Earned
            tokens are never taken away; a veto refunds a pending redemption.
            Examples:
              carryover rewards show c-017-1
              carryover rewards redeem c-017-1 movie-night
              carryover rewards deliver c-017-1 4
              carryover rewards veto c-017-1 movie-night --reason "not this week"
            """,
        subcommands: [Show.self, Redeem.self, Deliver.self, Veto.self, Allow.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Balance, catalogue and every ledger line, with what is still to deliver.")
        @Argument(help: "The assignment id.") var assignment: String
        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let view = try await options.open(.readOnly).rewards(assignmentID: assignment)
            if output.json { return try printJSON(RewardsJSON(view)) }
            RewardsJSON(view).printForPeople()
        }
    }

    struct Redeem: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "redeem",
            abstract: "Spend earned tokens on a reward.")
        @Argument(help: "The assignment id.") var assignment: String
        @Argument(help: "The reward id (see 'rewards show').") var reward: String
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let view = try await options.open().redeem(assignmentID: assignment, rewardID: reward)
            print("Redeemed \(reward). \(RewardsJSON(view).balanceText)")
        }
    }

    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deliver",
            abstract: "Mark a reward bought, a prize won or a reinforcer as handed to the client.",
            discussion:
                "Example:\n  carryover rewards deliver c-017-1 4   (line 4 of 'rewards show')")
        @Argument(help: "The assignment id.") var assignment: String
        @Argument(help: "The ledger line number (see 'rewards show').") var line: Int
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let view = try await options.open().deliver(assignmentID: assignment, line: line)
            print("Delivered line \(line): \(view.lineWords[line]).")
        }
    }

    struct Veto: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "veto", abstract: "Veto a reward (therapist).")
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
        static let configuration = CommandConfiguration(
            commandName: "allow", abstract: "Lift a veto.")
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

    struct LineJSON: Encodable {
        let line: TokenLedger.Line
        let words: String
        let pending: Bool

        func encode(to encoder: any Encoder) throws {
            try line.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(words, forKey: .words)
            try container.encode(pending, forKey: .pending)
        }

        private enum Keys: String, CodingKey { case words, pending }
    }

    let assignmentID: String
    let unit: String?
    let balance: Int
    /// The balance summed from the stored ledger events; equal to `balance`.
    let storedBalance: Int
    let rewards: [RewardJSON]
    let ledger: [LineJSON]
    private let timeZone: String

    init(_ view: RewardsView) {
        assignmentID = view.assignmentID
        unit = view.unit?.rawValue
        balance = view.balance
        storedBalance = view.storedBalance
        rewards = view.catalogue.map {
            RewardJSON(
                id: $0.id, name: $0.name, price: $0.price, vetoed: view.vetoed.contains($0.id))
        }
        let pending = Set(view.pending.map(\.number))
        ledger = zip(view.ledger, view.lineWords).map {
            LineJSON(line: $0, words: $1, pending: pending.contains($0.number))
        }
        timeZone = view.timeZone
        formattedBalance = view.unit?.format(view.balance)
        unitFormat = view.unit ?? .tokens
    }

    /// Nil for schedules that keep no balance (prize draws, FR, VR, FI, VI).
    let formattedBalance: String?
    private let unitFormat: LedgerUnit
    var balanceText: String { formattedBalance.map { "Balance: \($0)." } ?? "" }

    private enum CodingKeys: String, CodingKey {
        case assignmentID, unit, balance, storedBalance, rewards, ledger, formattedBalance
    }

    func printForPeople() {
        if !balanceText.isEmpty { print(balanceText) }
        if !rewards.isEmpty { print("Rewards:") }
        for reward in rewards {
            print(
                "  \(reward.id): \(reward.name), \(unitFormat.format(reward.price))"
                    + (reward.vetoed ? " (vetoed)" : ""))
        }
        // Deliveries are shown on the line they deliver, not as lines of their own.
        let shown = ledger.filter { $0.line.kind != .deliver }
        print(shown.isEmpty ? "Nothing earned or given yet." : "Ledger:")
        for entry in shown {
            print("  \(entry.line.number)  \(localDay(entry.line.at, timeZone))  \(entry.words)")
        }
        let pending = ledger.filter(\.pending).count
        if pending > 0 {
            print(
                "\(pending) to deliver: mark each with 'carryover rewards deliver \(assignmentID) LINE'."
            )
        }
    }
}
