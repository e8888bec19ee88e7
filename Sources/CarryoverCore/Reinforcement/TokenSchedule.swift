/// Tokens for each completed occurrence, with an optional bonus for runs.
public struct TokenSchedule: Sendable, Hashable, Codable {
    /// Tokens for each completed occurrence.
    public var perCompletion: Int
    /// Extra tokens for runs of consecutive completions (nil: none).
    public var bonus: RunBonus?

    public init(perCompletion: Int, bonus: RunBonus? = nil) {
        self.perCompletion = perCompletion
        self.bonus = bonus
    }

    func validate() throws {
        let most = ReinforcementPlan.maximumCount
        try requireReinforcement(
            (1...most).contains(perCompletion), "tokens per completion must be 1 to \(most)")
        try bonus?.validate()
    }
}

/// An extra amount for every `every`-th consecutive completion (the 3rd, 6th,
/// 9th... for `every` 3), in the ledger's unit.
public struct RunBonus: Sendable, Hashable, Codable {
    public var every: Int
    public var amount: Int

    public init(every: Int, amount: Int) {
        self.every = every
        self.amount = amount
    }

    /// The bonus due on the `run`-th consecutive completion.
    public func amount(forRun run: Int) -> Int {
        run > 0 && run % every == 0 ? amount : 0
    }

    func validate() throws {
        let most = ReinforcementPlan.maximumCount
        try requireReinforcement(
            (1...most).contains(every), "a run bonus needs every 1 to \(most) (got \(every))")
        try requireReinforcement(
            (0...ReinforcementPlan.maximumAmount).contains(amount),
            "a run bonus must be 0 to \(ReinforcementPlan.maximumAmount)")
    }
}
