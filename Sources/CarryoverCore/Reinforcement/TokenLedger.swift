import Foundation

/// What a ledger counts: tokens, or cents of vouchers.
public enum LedgerUnit: String, Sendable, Hashable, Codable {
    case tokens, cents

    /// An amount for people: "3 tokens", "$2.50".
    public func format(_ amount: Int) -> String {
        switch self {
        case .tokens:
            return amount == 1 ? "1 token" : "\(amount) tokens"
        case .cents:
            let sign = amount < 0 ? "-" : ""
            let whole = abs(amount)
            return sign + "$\(whole / 100)." + String(format: "%02d", whole % 100)
        }
    }
}

/// An append-only account of what a client earned, won and spent.
///
/// Lines are only ever appended: nothing is deleted or changed, an earned line
/// is never reduced, and the balance never goes below zero. Every reinforcer
/// given is a line: tokens and vouchers earned (they move the balance), prizes
/// won and the reinforcers of FR, VR, FI and VI schedules (they do not). A
/// redemption, a prize and a named reinforcer are pending until delivered; a
/// therapist's veto of a reward refunds its pending redemptions and blocks new
/// ones until the veto is lifted.
public struct TokenLedger: Sendable, Hashable, Codable {
    /// What a line records.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Earned from the schedule (amount > 0).
        case earn
        /// A reward bought (amount < 0); pending until delivered or refunded.
        case redeem
        /// A pending redemption handed over (amount 0).
        case deliver
        /// A pending redemption given back after a veto (amount > 0).
        case refund
        /// A therapist's correction or grant; negative only to undo grants.
        case adjust
        /// A therapist vetoed a reward (amount 0).
        case veto
        /// A therapist lifted a veto (amount 0).
        case allow
        /// A reinforcer given outside the balance (amount 0): a prize slip
        /// drawn (with its `value`) or an operant schedule's reinforcer.
        case reinforcer
        /// An earning taken back because its entry was voided (amount <= 0).
        case reverse
    }

    /// One line of the ledger.
    public struct Line: Sendable, Hashable, Codable {
        /// Position in the ledger, from 0.
        public let number: Int
        public let kind: Kind
        /// Change to the balance, in the ledger's unit.
        public let amount: Int
        public let at: Date
        /// The reward concerned, for redeem, veto, allow.
        public let rewardID: String?
        /// The line concerned, for deliver (a redemption or a reinforcer) and
        /// refund (a redemption).
        public let redemption: Int?
        /// Why, in words (e.g. "scheduled time 5", the therapist's reason).
        public let note: String
        /// What a reinforcer line gave: the prize slip's name or the reinforcer.
        public let item: String?
        /// A prize's approximate value in cents ("good job" slips: 0).
        public let value: Int?
        /// The earning line a reversal takes back.
        public let reverses: Int?

        public init(
            number: Int, kind: Kind, amount: Int, at: Date, rewardID: String? = nil,
            redemption: Int? = nil, note: String, item: String? = nil, value: Int? = nil,
            reverses: Int? = nil
        ) {
            self.number = number
            self.kind = kind
            self.amount = amount
            self.at = at
            self.rewardID = rewardID
            self.redemption = redemption
            self.note = note
            self.item = item
            self.value = value
            self.reverses = reverses
        }

        /// Whether the line is something to hand to the client: a reward
        /// bought, a prize of some value, or a named reinforcer.
        public var isDeliverable: Bool {
            kind == .redeem || (kind == .reinforcer && value != 0)
        }
    }

    public private(set) var lines: [Line] = []

    public init() {}

    /// The spendable balance.
    public var balance: Int { lines.reduce(0) { $0 + $1.amount } }

    /// Everything ever earned from the schedule.
    public var earned: Int { lines.filter { $0.kind == .earn }.reduce(0) { $0 + $1.amount } }

    /// Redemptions neither delivered nor refunded, oldest first.
    public var pendingRedemptions: [Line] {
        pendingDeliveries.filter { $0.kind == .redeem }
    }

    /// Everything still to hand over: redemptions, prizes and reinforcers
    /// neither delivered nor refunded, oldest first.
    public var pendingDeliveries: [Line] {
        let settled = Set(lines.compactMap(\.redemption))
        return lines.filter { $0.isDeliverable && !settled.contains($0.number) }
    }

    /// Whether line `number` was delivered, and when.
    public func delivery(of number: Int) -> Line? {
        lines.first { $0.kind == .deliver && $0.redemption == number }
    }

    /// Rewards currently vetoed.
    public var vetoedRewards: Set<String> {
        var vetoed: Set<String> = []
        for line in lines {
            guard let id = line.rewardID else { continue }
            if line.kind == .veto { vetoed.insert(id) }
            if line.kind == .allow { vetoed.remove(id) }
        }
        return vetoed
    }

    /// Records earnings from the schedule.
    @discardableResult
    public mutating func earn(_ amount: Int, at: Date, note: String) throws -> Line {
        try requireLedger(amount > 0, .invalidReinforcement, "Earnings must be above 0.")
        return append(.earn, amount, at: at, note: note)
    }

    /// Buys `reward`; refused when it is vetoed or the balance is short.
    @discardableResult
    public mutating func redeem(_ reward: Reward, at: Date, unit: LedgerUnit) throws -> Line {
        try requireLedger(
            !vetoedRewards.contains(reward.id), .vetoed,
            "Reward '\(reward.id)' is vetoed by the therapist; choose another reward.")
        try requireLedger(
            balance >= reward.price, .insufficientTokens,
            "Reward '\(reward.id)' costs \(unit.format(reward.price)) but the balance is "
                + "\(unit.format(balance)); earn \(unit.format(reward.price - balance)) more first."
        )
        return append(.redeem, -reward.price, at: at, rewardID: reward.id, note: reward.name)
    }

    /// Records a reinforcer given outside the balance: a prize slip drawn
    /// (with its value in cents) or an operant schedule's reinforcer.
    @discardableResult
    public mutating func give(_ item: String, value: Int? = nil, at: Date, note: String) -> Line {
        append(.reinforcer, 0, at: at, note: note, item: item, value: value)
    }

    /// Marks a pending redemption, prize or reinforcer as handed over; a
    /// redemption can then no longer be refunded.
    @discardableResult
    public mutating func deliver(redemption number: Int, at: Date) throws -> Line {
        try requireLedger(
            pendingDeliveries.contains { $0.number == number }, .invalidTransition,
            "Ledger line \(number) is not waiting to be delivered; "
                + "'carryover rewards show' lists the lines that are.")
        return append(.deliver, 0, at: at, redemption: number, note: "delivered")
    }

    /// Vetoes a reward: refunds its pending redemptions and blocks new ones.
    @discardableResult
    public mutating func veto(rewardID: String, at: Date, reason: String) -> [Line] {
        var written = [append(.veto, 0, at: at, rewardID: rewardID, note: reason)]
        for pending in pendingRedemptions where pending.rewardID == rewardID {
            written.append(
                append(.refund, -pending.amount, at: at, redemption: pending.number, note: reason))
        }
        return written
    }

    /// Lifts a veto so the reward can be redeemed again.
    @discardableResult
    public mutating func allow(rewardID: String, at: Date, reason: String) -> Line {
        append(.allow, 0, at: at, rewardID: rewardID, note: reason)
    }

    /// A therapist's adjustment. A negative one may only undo earlier positive
    /// adjustments, so earned amounts are never taken away, and may not take
    /// the balance below zero.
    @discardableResult
    public mutating func adjust(_ amount: Int, at: Date, reason: String) throws -> Line {
        try requireLedger(amount != 0, .invalidReinforcement, "An adjustment of 0 changes nothing.")
        let granted = lines.filter { $0.kind == .adjust }.reduce(0) { $0 + $1.amount }
        try requireLedger(
            granted + amount >= 0 && balance + amount >= 0, .insufficientTokens,
            "An adjustment may only take back earlier grants and never earned amounts "
                + "or more than the balance.")
        return append(.adjust, amount, at: at, note: reason)
    }

    /// Takes back earning line `number` because the entry that earned it
    /// was voided: a new line, never a deletion. It takes back at most what
    /// the balance still holds (what was spent stays spent), so the balance
    /// never goes below zero; the line says how much of it was taken back.
    ///
    /// - Throws: ``CoreError`` `.invalidTransition` when the line is not an
    ///   earning or was reversed already.
    @discardableResult
    public mutating func reverse(earning number: Int, at: Date, reason: String) throws -> Line {
        try requireLedger(
            lines.indices.contains(number) && lines[number].kind == .earn, .invalidTransition,
            "Line \(number) is not an earning; only earnings are reversed.")
        try requireLedger(
            !lines.contains { $0.kind == .reverse && $0.reverses == number }, .invalidTransition,
            "Earning \(number) was reversed already.")
        let earned = lines[number].amount
        let taken = min(earned, max(balance, 0))
        let note =
            taken == earned
            ? reason : "\(reason) (\(taken) of \(earned) taken back; the rest was spent)"
        return append(.reverse, -taken, at: at, note: note, reverses: number)
    }

    private mutating func append(
        _ kind: Kind, _ amount: Int, at: Date, rewardID: String? = nil, redemption: Int? = nil,
        note: String, item: String? = nil, value: Int? = nil, reverses: Int? = nil
    ) -> Line {
        let line = Line(
            number: lines.count, kind: kind, amount: amount, at: at, rewardID: rewardID,
            redemption: redemption, note: note, item: item, value: value, reverses: reverses)
        lines.append(line)
        return line
    }

    private func requireLedger(_ condition: Bool, _ code: CoreError.Code, _ message: String)
        throws
    {
        if !condition { throw CoreError(code, message) }
    }
}
