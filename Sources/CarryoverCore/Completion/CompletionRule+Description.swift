extension CompletionRule: CustomStringConvertible {
    /// The rule in words for the CLI, e.g. "5 of the last 7 occurrences".
    public var description: String {
        switch self {
        case .done:
            return "done once"
        case .scoreSum(let score, let target):
            return "\(score) adds up to \(ScoreText.format(target))"
        case .occurrences(let required, .rolling(let size)):
            return "\(required) of the last \(size) occurrences"
        case .occurrences(let required, .block(let size)):
            return "\(required) of \(size) occurrences in the current block of \(size)"
        case .streak(let length):
            return "\(length) occurrences in a row"
        case .accuracy(let measure, let minimumPercent, let sessions, let outOf):
            let which = outOf.map { "\(sessions) of \($0) sessions in a row" }
            return "\(ScoreText.format(minimumPercent))% accuracy or more (\(measure)) "
                + "in \(which ?? "\(sessions) sessions in a row")"
        case .threshold(let score, let comparison, let value, let scope):
            let which = scope == .latest ? "latest" : "every"
            return "\(which) \(score) \(comparison.rawValue) \(ScoreText.format(value))"
        case .allOf(let rules):
            return "all of: " + rules.map { "(\($0))" }.joined(separator: ", ")
        case .anyOf(let rules):
            return "any of: " + rules.map { "(\($0))" }.joined(separator: ", ")
        case .plugin(let hook):
            return "plugin check '\(hook)'"
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
}
