import Foundation

extension ReinforcementSchedule {
    /// Examples of the phrases ``init(phrase:)`` reads, for help texts.
    public static let phraseExamples = [
        "none", "continuous", "FR 3", "VR 5", "FI 2 days", "VI 12 hours", "vouchers",
        "prize bowl", "prize bowl cap 8", "token economy", "token economy 2 per completion",
        "token economy 1 per completion bonus 5 every 7",
    ]

    /// Reads a reinforcement schedule from words: "token economy", "vouchers"
    /// (the Higgins et al. 1994 preset), "prize bowl" (the Petry 2000 preset),
    /// "FR 3", "VI 2 days", ...
    ///
    /// - Throws: ``CoreError`` `.invalidReinforcement` naming what was not understood.
    public init(phrase: String) throws {
        var reader = PhraseReader(phrase)
        guard let schedule = Self.read(&reader), reader.atEnd else {
            throw CoreError(
                .invalidReinforcement,
                "cannot read the reinforcement '\(phrase)'; write one of: "
                    + Self.phraseExamples.joined(separator: ", "))
        }
        self = schedule
        try ReinforcementPlan(schedule: schedule).validate()
    }

    private static func read(_ r: inout PhraseReader) -> ReinforcementSchedule? {
        if r.take("none") { return ReinforcementSchedule.none }
        if r.take("continuous") || r.take(sequence: ["every", "time"]) { return .continuous }
        if r.takeAny(["fr", "fixed-ratio"]) != nil || r.take(sequence: ["fixed", "ratio"]) {
            return r.int().map { .fixedRatio(responses: $0) }
        }
        if r.takeAny(["vr", "variable-ratio"]) != nil || r.take(sequence: ["variable", "ratio"]) {
            return r.int().map { .variableRatio(mean: $0) }
        }
        if r.takeAny(["fi", "fixed-interval"]) != nil || r.take(sequence: ["fixed", "interval"]) {
            return readSeconds(&r).map { .fixedInterval(seconds: $0) }
        }
        if r.takeAny(["vi", "variable-interval"]) != nil
            || r.take(sequence: ["variable", "interval"])
        {
            return readSeconds(&r).map { .variableInterval(meanSeconds: $0) }
        }
        _ = r.takeAny(["higgins", "escalating"])
        if r.takeAny(["vouchers", "voucher"]) != nil { return .escalating(vouchers: .higgins1994) }
        _ = r.take("petry")
        if r.take(sequence: ["prize", "bowl"]) || r.take(sequence: ["prize", "draws"]) {
            var cap: Int?
            if r.take("cap") {
                guard let n = r.int() else { return nil }
                cap = n
            }
            return .prizeDraws(prizes: PrizeDrawSchedule(cap: cap))
        }
        if r.take(sequence: ["token", "economy"]) || r.take("tokens") {
            return readTokens(&r)
        }
        return nil
    }

    /// "token economy [N per completion] [bonus B every K]"
    private static func readTokens(_ r: inout PhraseReader) -> ReinforcementSchedule? {
        var perCompletion = 1
        if let n = r.int() {
            perCompletion = n
            _ = r.takeAny(["token", "tokens"])
            guard r.take(sequence: ["per", "completion"]) || r.take("each") else { return nil }
        }
        var bonus: RunBonus?
        if r.take("bonus") {
            guard let amount = r.int(), r.take("every"), let every = r.int() else { return nil }
            _ = r.takeAny(["days", "in", "completions"])
            _ = r.take(sequence: ["a", "row"])
            bonus = RunBonus(every: every, amount: amount)
        }
        return .tokens(economy: TokenSchedule(perCompletion: perCompletion, bonus: bonus))
    }

    /// "2 days", "12 hours", "30 minutes", "90 seconds", "1 week"
    private static func readSeconds(_ r: inout PhraseReader) -> TimeInterval? {
        guard let amount = r.number(), let unit = r.next() else { return nil }
        let seconds: [String: TimeInterval] = [
            "second": 1, "seconds": 1, "s": 1, "minute": 60, "minutes": 60, "min": 60,
            "hour": 3600, "hours": 3600, "h": 3600, "day": 86400, "days": 86400, "d": 86400,
            "week": 604_800, "weeks": 604_800,
        ]
        return seconds[unit].map { amount * $0 }
    }
}
