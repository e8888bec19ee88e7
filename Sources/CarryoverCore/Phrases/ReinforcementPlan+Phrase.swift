import Foundation

extension ReinforcementSchedule {
    /// Examples of the phrases ``ReinforcementPlan/init(phrase:catalogue:)`` reads, for help texts.
    public static let phraseExamples = [
        "none", "continuous with praise", "FR 3 with a sticker", "VR 5 with a sticker",
        "FI 2 days with a walk together", "VI 12 hours with a phone call", "vouchers",
        "prize bowl", "prize bowl cap 8", "token economy", "token economy 2 per completion",
        "token economy 1 per completion bonus 5 every 7",
    ]

    /// Reads a reinforcement schedule from words: "token economy", "vouchers"
    /// (the Higgins et al. 1994 preset), "prize bowl" (the Petry 2000 preset),
    /// "FR 3", "VI 2 days", ... The schedule alone: an assignment's phrase also
    /// names what reinforces (see ``ReinforcementPlan/init(phrase:catalogue:)``).
    ///
    /// - Throws: ``CoreError`` `.invalidReinforcement` naming where reading stopped.
    public init(phrase: String) throws {
        var reader = PhraseReader(phrase)
        guard let schedule = Self.read(&reader), reader.atEnd else {
            throw Self.unreadable(reader)
        }
        self = schedule
        try ReinforcementPlan(schedule: schedule).validate()
    }

    static func unreadable(_ reader: PhraseReader) -> CoreError {
        reader.stopped(
            .invalidReinforcement, what: "reinforcement",
            example: Self.phraseExamples.prefix(9).map { "'\($0)'" }.joined(separator: ", "))
    }

    /// Whether the schedule reinforces single entries with a reinforcer the
    /// therapist names (the operant schedules), rather than paying tokens,
    /// vouchers or prize draws for completed occurrences.
    public var isOperant: Bool {
        switch self {
        case .fixedRatio, .variableRatio, .fixedInterval, .variableInterval: true
        case .none, .escalating, .prizeDraws, .tokens: false
        }
    }

    static func read(_ r: inout PhraseReader) -> ReinforcementSchedule? {
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
        if r.take(sequence: ["higgins", "vouchers"])
            || r.take(sequence: ["escalating", "vouchers"])
            || r.takeAny(["vouchers", "voucher"]) != nil
        {
            return .escalating(vouchers: .higgins1994)
        }
        if r.take(sequence: ["petry", "prize", "bowl"]) || r.take(sequence: ["prize", "bowl"])
            || r.take(sequence: ["prize", "draws"])
        {
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
        var copy = r
        guard let amount = copy.number(), let unit = copy.next(),
            let seconds = IntervalUnit.seconds(unit)
        else { return nil }
        r = copy
        return amount * seconds
    }
}

extension ReinforcementPlan {
    /// Reads a plan from words: the schedule, then for FR, VR, FI and VI (and
    /// continuous) the reinforcer after "with": "FR 3 with a sticker",
    /// "FI 1 week with a trip to the park". The reinforcer is kept as typed.
    ///
    /// - Throws: ``CoreError`` `.invalidReinforcement` naming where reading
    ///   stopped, or asking for the reinforcer an operant schedule needs.
    public init(phrase: String, catalogue: [Reward] = []) throws {
        var reader = PhraseReader(phrase)
        guard let schedule = ReinforcementSchedule.read(&reader) else {
            throw ReinforcementSchedule.unreadable(reader)
        }
        var reinforcer: String?
        if schedule.isOperant, reader.take("with") {
            reinforcer = reader.restAsTyped()
        }
        guard reader.atEnd else { throw ReinforcementSchedule.unreadable(reader) }
        if schedule.isOperant, reinforcer == nil {
            let typed = phrase.trimmingCharacters(in: .whitespaces)
            throw CoreError(
                .invalidReinforcement,
                "'\(typed)' does not say what the client gets; name the reinforcer after 'with', "
                    + "e.g. '\(typed) with a sticker'")
        }
        self.init(schedule: schedule, catalogue: catalogue, reinforcer: reinforcer)
        try validate()
    }
}

/// The units an interval is written in, both ways: read from a phrase, and
/// written back in the largest unit that divides it ("FI 1 week", not "FI 604800 s").
enum IntervalUnit {
    private static let units: [(names: [String], seconds: TimeInterval)] = [
        (["week", "weeks", "w"], 604_800), (["day", "days", "d"], 86_400),
        (["hour", "hours", "h"], 3600), (["minute", "minutes", "min", "mins"], 60),
        (["second", "seconds", "s", "sec", "secs"], 1),
    ]

    static func seconds(_ unit: String) -> TimeInterval? {
        units.first { $0.names.contains(unit) }?.seconds
    }

    /// "1 week", "36 hours", "90 seconds", "2.5 seconds".
    static func words(_ seconds: TimeInterval) -> String {
        for unit in units where seconds >= unit.seconds {
            let amount = seconds / unit.seconds
            if amount == amount.rounded() {
                return amount == 1 ? "1 \(unit.names[0])" : "\(ScoreText.format(amount)) \(unit.names[1])"
            }
        }
        return seconds == 1 ? "1 second" : "\(ScoreText.format(seconds)) seconds"
    }
}
