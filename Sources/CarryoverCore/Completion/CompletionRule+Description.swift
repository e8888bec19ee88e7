extension CompletionRule: CustomStringConvertible {
    /// The rule in plain words for the therapist, e.g. "5 of the last 7
    /// scheduled times done", "80% or better in 3 sessions in a row".
    ///
    /// "Scheduled times" are the schedule's occurrences; "sessions" are entries.
    public var description: String {
        switch self {
        case .done:
            return "at least one entry logged"
        case .scoreSum(let score, let target):
            return "\(score) adds up to \(ScoreText.format(target)) or more"
        case .occurrences(let required, .rolling(let size)):
            return "\(required) of the last \(size) scheduled times done"
        case .occurrences(let required, .block(let size)):
            return
                "\(required) of every \(size) scheduled times done "
                + "(times 1-\(size), \(size + 1)-\(2 * size), ...)"
        case .streak(let length):
            return "\(length) scheduled times in a row done"
        case .accuracy(let measure, let minimumPercent, let sessions, let outOf):
            let which = outOf.map { "\(sessions) of any \($0) sessions in a row" }
            return "\(ScoreText.format(minimumPercent))% or better \(measure.inWords) "
                + "in \(which ?? "\(sessions) sessions in a row")"
        case .threshold(let score, let comparison, let value, let scope):
            let which = scope == .latest ? "the latest \(score) is" : "every \(score) is"
            return "\(which) \(comparison.words(ScoreText.format(value)))"
        case .allOf(let rules):
            return "all of these: " + rules.map(\.nested).joined(separator: "; ")
        case .anyOf(let rules):
            return "any one of these: " + rules.map(\.nested).joined(separator: "; ")
        case .plugin(let hook):
            return "the homework type's own check '\(hook)'"
        }
    }
}

extension CompletionRule {
    /// A combination inside a combination in parentheses, so it reads unambiguously.
    fileprivate var nested: String {
        switch self {
        case .allOf, .anyOf: "(\(description))"
        default: description
        }
    }
}

extension AccuracyMeasure: CustomStringConvertible {
    /// Where the accuracy comes from, in words.
    public var description: String {
        switch self {
        case .percent(let score): "score \(score)"
        case .ratio(let correct, let trials): "\(correct) / \(trials)"
        }
    }

    /// "accuracy" for the usual accuracy score, else "(score x)" or "(c / t)".
    var inWords: String {
        switch self {
        case .percent("accuracy"): "accuracy"
        case .percent(let score): "(score \(score))"
        case .ratio(let correct, let trials): "(\(correct) out of \(trials))"
        }
    }
}

extension Comparison {
    /// "10 or more", "below 10", "exactly 10".
    func words(_ value: String) -> String {
        switch self {
        case .atLeast: "\(value) or more"
        case .atMost: "\(value) or less"
        case .greaterThan: "above \(value)"
        case .lessThan: "below \(value)"
        case .equal: "exactly \(value)"
        }
    }
}
