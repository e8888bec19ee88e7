extension ReinforcementSchedule: CustomStringConvertible {
    /// The schedule in words for the CLI, e.g. "FR 3: every 3rd entry".
    public var description: String { describe(reinforcer: nil) }

    /// The schedule in words, naming what an operant schedule gives:
    /// "FR 3: a sticker for every 3rd entry", "FI 1 week: ...".
    func describe(reinforcer: String?) -> String {
        let money = LedgerUnit.cents
        let gives = reinforcer.map { "\($0) for " } ?? ""
        switch self {
        case .none:
            return "no programmed reinforcement"
        case .fixedRatio(let responses):
            return responses == 1
                ? "continuous: \(gives)every entry"
                : "FR \(responses): \(gives)every \(ordinal(responses)) entry"
        case .variableRatio(let mean):
            let which = "1 to \(2 * mean - 1) entries, \(mean) on average"
            return "VR \(mean): " + (reinforcer.map { "\($0) after \(which)" } ?? "after \(which)")
        case .fixedInterval(let seconds):
            let interval = IntervalUnit.words(seconds)
            return "FI \(interval): \(gives)the first entry \(interval) or more "
                + "after the last reinforcement"
        case .variableInterval(let mean):
            return "VI \(IntervalUnit.words(mean)): \(gives)the first entry after a random wait "
                + "of \(IntervalUnit.words(mean)) on average"
        case .escalating(let vouchers):
            var words =
                "vouchers from \(money.format(vouchers.start)), "
                + "\(money.format(vouchers.step)) more each completion in a row"
            if let bonus = vouchers.bonus { words += ", " + bonus.describe(in: money) }
            words += ", reset on a miss"
            if let recoveryAfter = vouchers.recoveryAfter {
                words += ", value restored after \(recoveryAfter) in a row"
            }
            return words
        case .prizeDraws(let prizes):
            let bowl = prizes.bowl
            var words =
                "prize draws from \(bowl.total) slips (\(money.format(Int(bowl.expectedValue.rounded()))) "
                + "a draw on average), +\(prizes.increment) draw each completion in a row"
            if let cap = prizes.cap { words += " up to \(cap)" }
            return words + ", back to 1 on a miss"
        case .tokens(let economy):
            var words = LedgerUnit.tokens.format(economy.perCompletion) + " per completion"
            if let bonus = economy.bonus { words += ", " + bonus.describe(in: .tokens) }
            return words
        }
    }
}

extension ReinforcementPlan: CustomStringConvertible {
    /// The plan in words: the schedule with its reinforcer, e.g.
    /// "FR 3: a sticker for every 3rd entry".
    public var description: String { schedule.describe(reinforcer: reinforcer) }
}

extension RunBonus {
    fileprivate func describe(in unit: LedgerUnit) -> String {
        "\(unit.format(amount)) bonus every \(every) in a row"
    }
}

/// 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, ..., 21st.
func ordinal(_ number: Int) -> String {
    let suffix: String
    switch (number % 10, number % 100) {
    case (_, 11...13): suffix = "th"
    case (1, _): suffix = "st"
    case (2, _): suffix = "nd"
    case (3, _): suffix = "rd"
    default: suffix = "th"
    }
    return "\(number)\(suffix)"
}
