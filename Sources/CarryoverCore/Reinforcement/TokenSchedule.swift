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
        try requireReinforcement(perCompletion > 0, "tokens per completion must be above 0")
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
        try requireReinforcement(every >= 1, "a run bonus needs every >= 1 (got \(every))")
        try requireReinforcement(amount >= 0, "a run bonus cannot be negative")
    }
}
