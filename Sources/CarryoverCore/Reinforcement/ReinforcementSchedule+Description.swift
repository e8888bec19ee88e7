extension ReinforcementSchedule: CustomStringConvertible {
    /// The schedule in words for the CLI, e.g. "FR 3: every 3rd entry".
    public var description: String {
        let money = LedgerUnit.cents
        switch self {
        case .none:
            return "no programmed reinforcement"
        case .fixedRatio(let responses):
            return responses == 1
                ? "continuous: every entry" : "FR \(responses): every \(ordinal(responses)) entry"
        case .variableRatio(let mean):
            return "VR \(mean): after 1 to \(2 * mean - 1) entries, \(mean) on average"
        case .fixedInterval(let seconds):
            return
                "FI \(ScoreText.format(seconds)) s: the first entry \(ScoreText.format(seconds)) s "
                + "after the last reinforcement"
        case .variableInterval(let mean):
            return "VI \(ScoreText.format(mean)) s: the first entry after a random interval "
                + "of \(ScoreText.format(mean)) s on average"
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
