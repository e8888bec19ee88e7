import Foundation

/// Where an assignment stands in its reinforcement schedule; the store keeps
/// one per assignment and replaces it with what `ReinforcementPlan.apply(_:to:seed:)`
/// returns.
///
/// It holds no random generator: every draw is derived from the assignment's
/// seed (see `DrawStream`), so the state stays small and a replay of the
/// same events gives the same draws.
public struct ReinforcementState: Sendable, Hashable, Codable {
    /// When reinforcement started; the first FI/VI interval runs from here.
    public var startedAt: Date
    /// Responses (entries) counted by an operant schedule.
    public var responses: Int = 0
    /// Responses since the last reinforcement.
    public var responsesSinceReinforcement: Int = 0
    /// Reinforcements given by an operant schedule.
    public var reinforcements: Int = 0
    /// When the last operant reinforcement was given (FI/VI time from here).
    public var lastReinforcementAt: Date
    /// Consecutive completed occurrences since the last miss.
    public var run: Int = 0
    /// Escalation level of the last voucher (0: the next earns `start`).
    public var level: Int = 0
    /// Level to restore after a recovery run, while one is pending.
    public var recoveryLevel: Int?
    /// The highest occurrence index applied, so none is counted twice.
    public var lastOccurrence: Int?
    /// What was earned and spent.
    public var ledger = TokenLedger()

    /// A fresh state for a plan starting at `startedAt`.
    public init(startedAt: Date) {
        self.startedAt = startedAt
        self.lastReinforcementAt = startedAt
    }
}

/// Something the client did or failed to do, fed to the reinforcement schedule.
public enum HomeworkEvent: Sendable, Hashable, Codable {
    /// The occurrence's completion criterion was met (e.g. a negative sample).
    case completed(occurrence: Int, at: Date)
    /// The occurrence passed without meeting it (a miss, or a positive sample).
    case missed(occurrence: Int, at: Date)
    /// An entry was logged, performed at `at`: a response for operant schedules.
    case entry(at: Date)
}

/// What the schedule gave, for immediate feedback and the audit journal.
public enum ReinforcementEvent: Sendable, Hashable, Codable {
    /// An operant schedule reinforced the `response`-th response with the
    /// plan's `reinforcer` (nil for plans made before reinforcers were named).
    case reinforced(response: Int, at: Date, reinforcer: String? = nil)
    /// A voucher worth `value` cents plus a `bonus` in cents.
    case voucher(occurrence: Int, value: Int, bonus: Int)
    /// Tokens earned, `bonus` of them for the run.
    case tokens(occurrence: Int, amount: Int, bonus: Int)
    /// One prize draw of `draws` for the occurrence, and the slip drawn.
    case prize(occurrence: Int, draw: Int, of: Int, slip: String, value: Int)
    /// A miss ended a run of `run` completions (values or draws start over).
    case reset(occurrence: Int, run: Int)
    /// A recovery run restored the escalation level to `level`.
    case recovered(occurrence: Int, level: Int)

    /// Feedback for the client, in words.
    public var message: String {
        let money = LedgerUnit.cents
        switch self {
        case .reinforced(_, _, let reinforcer):
            return reinforcer.map { "You earned \($0)." }
                ?? "Well done: this entry earned a reward."
        case .voucher(_, let value, let bonus):
            let extra = bonus > 0 ? " plus a \(money.format(bonus)) bonus" : ""
            return "You earned a \(money.format(value)) voucher\(extra)."
        case .tokens(_, let amount, let bonus):
            let extra = bonus > 0 ? " (\(LedgerUnit.tokens.format(bonus)) bonus)" : ""
            return "You earned \(LedgerUnit.tokens.format(amount))\(extra)."
        case .prize(_, let draw, let of, let slip, let value):
            let prize = value > 0 ? "\(slip) prize (\(money.format(value)))" : "\"\(slip)\""
            return "Draw \(draw) of \(of): \(prize)."
        case .reset(_, let run):
            return "The run of \(run) ended; it starts again with the next completion."
        case .recovered(_, let level):
            return "Your voucher value is back where it was (level \(level))."
        }
    }
}
