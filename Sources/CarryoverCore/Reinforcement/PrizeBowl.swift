/// A bowl of prize slips; a drawn slip goes back into the bowl, so every draw
/// has the same odds (sampling with replacement).
public struct PrizeBowl: Sendable, Hashable, Codable {
    /// One kind of slip in the bowl.
    public struct Slip: Sendable, Hashable, Codable {
        /// What the slip says, e.g. "good job" or "large".
        public var name: String
        /// How many of these slips are in the bowl.
        public var count: Int
        /// The prize's approximate value, in cents (0 for "good job").
        public var value: Int

        public init(name: String, count: Int, value: Int) {
            self.name = name
            self.count = count
            self.value = value
        }
    }

    public var slips: [Slip]

    public init(slips: [Slip]) {
        self.slips = slips
    }

    /// Petry et al. (2000), J Consult Clin Psychol 68:250-257, as commonly
    /// reported: 500 slips, 250 "good job" (50%), 209 small ~$1 (41.8%), 40
    /// large ~$20 (8%), 1 jumbo ~$100 (0.2%). Expected value per draw:
    /// (209 x 1 + 40 x 20 + 1 x 100) / 500 = $2.218.
    public static let petry2000 = PrizeBowl(slips: [
        Slip(name: "good job", count: 250, value: 0),
        Slip(name: "small", count: 209, value: 100),
        Slip(name: "large", count: 40, value: 2000),
        Slip(name: "jumbo", count: 1, value: 10_000),
    ])

    /// The number of slips in the bowl.
    public var total: Int { slips.reduce(0) { $0 + $1.count } }

    /// The expected prize value of one draw, in cents.
    public var expectedValue: Double {
        Double(slips.reduce(0) { $0 + $1.count * $1.value }) / Double(total)
    }

    /// Draws one slip; each slip is equally likely and is put back.
    ///
    /// Uses `nextUnitDouble` rather than the standard library's
    /// `Int.random(in:using:)`, whose algorithm may change between Swift
    /// releases and would then change stored replays.
    public func draw(using random: inout SeededRandom) -> Slip {
        var position = Int(random.nextUnitDouble() * Double(total))
        for slip in slips {
            if position < slip.count { return slip }
            position -= slip.count
        }
        return slips[slips.count - 1]  // unreachable: position < total
    }

    func validate() throws {
        try requireReinforcement(!slips.isEmpty, "a prize bowl needs at least one kind of slip")
        for slip in slips {
            try requireReinforcement(
                (0...ReinforcementPlan.maximumCount).contains(slip.count),
                "slip '\(slip.name)' needs a count of 0 to \(ReinforcementPlan.maximumCount)")
            try requireReinforcement(
                (0...ReinforcementPlan.maximumAmount).contains(slip.value),
                "slip '\(slip.name)' needs a value of 0 to \(ReinforcementPlan.maximumAmount)")
        }
        try requireReinforcement(total > 0, "a prize bowl needs at least one slip")
    }
}

/// Prize draws for each completed occurrence, escalating with the run of
/// consecutive completions.
///
/// The k-th consecutive completed occurrence earns `min(cap, 1 + increment x
/// (k - 1))` draws; a missed occurrence resets the run, so the next completion
/// earns one draw again. Petry et al. (2000) escalated by one draw per
/// consecutive week of meeting the target: use one occurrence per week (for
/// example a weekly schedule with an "M of N" completion rule).
public struct PrizeDrawSchedule: Sendable, Hashable, Codable {
    public var bowl: PrizeBowl
    /// Extra draws for each further consecutive completion.
    public var increment: Int
    /// The most draws one occurrence can earn (nil: no cap).
    public var cap: Int?

    public init(bowl: PrizeBowl = .petry2000, increment: Int = 1, cap: Int? = nil) {
        self.bowl = bowl
        self.increment = increment
        self.cap = cap
    }

    /// The number of draws the `run`-th consecutive completion earns.
    public func draws(forRun run: Int) -> Int {
        let escalated = 1 + increment * (run - 1)
        return min(escalated, cap ?? escalated)
    }

    func validate() throws {
        try bowl.validate()
        let most = ReinforcementPlan.maximumCount
        try requireReinforcement(
            (0...most).contains(increment), "a draw increment must be 0 to \(most)")
        try requireReinforcement(
            (1...most).contains(cap ?? 1), "a draw cap must be 1 to \(most)")
    }
}
