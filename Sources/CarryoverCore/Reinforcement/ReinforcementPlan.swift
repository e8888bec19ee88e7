import Foundation

/// What reinforces an assignment: a schedule, and the rewards its earnings buy.
public struct ReinforcementPlan: Sendable, Hashable, Codable {
    /// When and how much reinforcement is given.
    public var schedule: ReinforcementSchedule
    /// What the earned balance buys, priced in the schedule's ``LedgerUnit``.
    public var catalogue: [Reward]
    /// What an operant schedule (FR, VR, FI, VI) gives when it reinforces an
    /// entry, e.g. "a sticker"; each one given is a ledger line to deliver.
    public var reinforcer: String?

    public init(
        schedule: ReinforcementSchedule = .none, catalogue: [Reward] = [],
        reinforcer: String? = nil
    ) {
        self.schedule = schedule
        self.catalogue = catalogue
        self.reinforcer = reinforcer
    }
}

/// A schedule of reinforcement.
///
/// The operant schedules follow Ferster and Skinner (1957), *Schedules of
/// Reinforcement*; their responses are logged entries. The escalating,
/// prize-draw and token schedules count completed and missed occurrences.
public enum ReinforcementSchedule: Sendable, Hashable, Codable {
    /// No programmed reinforcement.
    case none
    /// FR n: every n-th response is reinforced.
    case fixedRatio(responses: Int)
    /// VR n: reinforced after a random number of responses, drawn uniformly
    /// from 1...(2n - 1) so the mean is exactly n.
    case variableRatio(mean: Int)
    /// FI t: the first response once t seconds have elapsed since the last
    /// reinforcement (or since the state was started) is reinforced.
    case fixedInterval(seconds: TimeInterval)
    /// VI t: like FI, but each interval is drawn from an exponential
    /// distribution with mean t (a constant-probability random interval).
    case variableInterval(meanSeconds: TimeInterval)
    /// Vouchers of escalating value with reset and recovery (Higgins 1994 preset).
    case escalating(vouchers: EscalatingSchedule)
    /// Draws from a prize bowl, escalating with consecutive completions (Petry 2000 preset).
    case prizeDraws(prizes: PrizeDrawSchedule)
    /// Tokens per completion into a ledger, spent on the plan's catalogue.
    case tokens(economy: TokenSchedule)

    /// Continuous reinforcement: every response is reinforced (FR 1).
    public static let continuous = ReinforcementSchedule.fixedRatio(responses: 1)

    /// The unit of what the schedule pays into the ledger, if anything.
    public var ledgerUnit: LedgerUnit? {
        switch self {
        case .escalating: .cents
        case .tokens: .tokens
        default: nil
        }
    }
}

/// A reward in the catalogue.
public struct Reward: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// The price in the schedule's ledger unit (tokens, or cents of vouchers).
    public var price: Int

    public init(id: String, name: String, price: Int) {
        self.id = id
        self.name = name
        self.price = price
    }
}

extension ReinforcementPlan {
    /// The largest ratio (FR, VR) and amount (tokens, bonus, draws) a plan may
    /// name: far above any clinical use, far below where balances could overflow.
    public static let maximumCount = 1_000
    /// The largest reward price, voucher value or bonus, in tokens or cents.
    public static let maximumAmount = 1_000_000
    /// The longest FI/VI interval: a year.
    public static let maximumIntervalSeconds: Double = 365 * 86_400
    /// The longest reinforcer name, so a ledger line stays one line.
    public static let maximumReinforcerLength = 80

    /// Checks every parameter, throwing ``CoreErrorCode/invalidReinforcement``
    /// with what to fix.
    public func validate() throws {
        let most = Self.maximumCount
        switch schedule {
        case .none: break
        case .fixedRatio(let n):
            try requireReinforcement((1...most).contains(n), "FR needs 1 to \(most) (got \(n))")
        case .variableRatio(let mean):
            try requireReinforcement(
                (1...most).contains(mean), "VR needs a mean of 1 to \(most) (got \(mean))")
        case .fixedInterval(let seconds), .variableInterval(let seconds):
            try requireReinforcement(
                seconds > 0 && seconds <= Self.maximumIntervalSeconds,
                "an interval must be above 0 seconds and at most 365 days")
        case .escalating(let plan): try plan.validate()
        case .prizeDraws(let plan): try plan.validate()
        case .tokens(let plan): try plan.validate()
        }
        try requireReinforcement(
            Set(catalogue.map(\.id)).count == catalogue.count, "reward ids must be unique")
        for reward in catalogue {
            try requireReinforcement(
                (1...Self.maximumAmount).contains(reward.price),
                "reward '\(reward.id)' needs a price of 1 to \(Self.maximumAmount)")
        }
        try requireReinforcement(
            catalogue.isEmpty || schedule.ledgerUnit != nil,
            "only voucher and token schedules earn a balance to spend on a catalogue")
        if let reinforcer {
            try requireReinforcement(
                schedule.isOperant, "only FR, VR, FI and VI schedules name a reinforcer")
            try requireReinforcement(
                !reinforcer.trimmingCharacters(in: .whitespaces).isEmpty
                    && reinforcer.count <= Self.maximumReinforcerLength,
                "name the reinforcer in 1 to \(Self.maximumReinforcerLength) characters")
        }
    }
}

/// Throws ``CoreErrorCode/invalidReinforcement`` unless `condition` holds.
func requireReinforcement(_ condition: Bool, _ message: String) throws {
    if !condition {
        throw CoreError(.invalidReinforcement, "Invalid reinforcement plan: \(message).")
    }
}
