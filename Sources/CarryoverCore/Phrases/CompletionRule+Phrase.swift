import Foundation

extension CompletionRule {
    /// Examples of the phrases ``init(phrase:)`` reads, for help texts.
    public static let phraseExamples = [
        "done", "5 of 7 days", "5 of the last 7", "7 in a row", "80% over 3 sessions",
        "80% in 3 of 4 sessions", "sum of minutes 150", "total at most 10 every time",
        "all of: 5 of 7 days; 3 in a row", "plugin mastered",
    ]

    /// Reads a completion rule from words, e.g. "5 of 7 days" or
    /// "80% over 3 sessions". Every word must be used.
    ///
    /// - Throws: ``CoreError`` `.invalidRule` naming where reading stopped.
    public init(phrase: String) throws {
        let trimmed = phrase.trimmingCharacters(in: .whitespaces)
        for (prefix, combine) in [
            ("all of:", CompletionRule.allOf), ("any of:", CompletionRule.anyOf),
        ] where trimmed.lowercased().hasPrefix(prefix) {
            let parts = trimmed.dropFirst(prefix.count).split(
                separator: ";", omittingEmptySubsequences: false)
            let rules = try parts.map { try CompletionRule(phrase: String($0)) }
            self = combine(rules)
            try validate()
            return
        }
        var reader = PhraseReader(trimmed)
        guard let rule = Self.read(&reader), reader.atEnd else {
            throw reader.stopped(
                .invalidRule, what: "completion rule",
                example: "'5 of 7 days', '7 in a row' or '80% over 3 sessions'")
        }
        try rule.validate()
        self = rule
    }

    /// What "5 of 7 ..." may count: the schedule's occurrences under any of
    /// their everyday names. Not "weeks": a rule counts occurrences, and
    /// "5 of 7 weeks" of a daily schedule would silently mean 5 of 7 days.
    private static let countNouns: Set<String> = [
        "days", "day", "times", "occurrences", "sessions", "entries",
    ]

    private static func read(_ r: inout PhraseReader) -> CompletionRule? {
        if r.take("done") || r.take(sequence: ["each", "time"])
            || r.take(sequence: ["every", "time"])
        {
            return .done
        }
        if r.take("plugin"), let hook = r.next() { return .plugin(hook: hook) }
        if r.take(sequence: ["streak", "of"]), let n = r.int() {
            _ = r.takeAny(countNouns)
            return .streak(length: n)
        }
        if r.take(sequence: ["sum", "of"]) { return readSum(&r) }
        if let percent = r.peek, percent.hasSuffix("%"), let value = r.number() {
            return readAccuracy(&r, percent: value)
        }
        if let n = r.int() {
            if r.take(sequence: ["in", "a", "row"]) { return .streak(length: n) }
            if r.take("of") {
                let rolling = r.take(sequence: ["the", "last"])
                guard let m = r.int() else { return nil }
                _ = r.takeAny(countNouns)
                return .occurrences(
                    required: n, window: rolling ? .rolling(size: m) : .block(size: m))
            }
            return nil
        }
        return readThreshold(&r)
    }

    /// "sum of minutes 150", "sum of minutes >= 150"
    private static func readSum(_ r: inout PhraseReader) -> CompletionRule? {
        guard let score = r.next() else { return nil }
        _ = r.takeAny([">=", "to", "reaches", "reaching"])
        guard let target = r.number() else { return nil }
        return .scoreSum(score: score, target: target)
    }

    /// "80% over 3 sessions", "80% accuracy over 3 consecutive sessions",
    /// "80% in 3 of 4 sessions", optionally "using <score>".
    private static func readAccuracy(_ r: inout PhraseReader, percent: Double) -> CompletionRule? {
        _ = r.take("accuracy")
        guard r.takeAny(["over", "in", "across"]) != nil, let sessions = r.int() else { return nil }
        var outOf: Int?
        if r.take("of") {
            guard let m = r.int() else { return nil }
            outOf = m
        }
        _ = r.take("consecutive")
        _ = r.takeAny(countNouns)
        var score = "accuracy"
        if r.take("using") {
            guard let name = r.next() else { return nil }
            score = name
        }
        return .accuracy(
            measure: .percent(score: score), minimumPercent: percent, sessions: sessions,
            outOf: outOf)
    }

    /// "total <= 10", "total at most 10 every time"
    private static func readThreshold(_ r: inout PhraseReader) -> CompletionRule? {
        guard let score = r.next() else { return nil }
        let words: [(words: [String], comparison: Comparison)] = [
            ([">="], .atLeast), (["at", "least"], .atLeast), (["<="], .atMost),
            (["at", "most"], .atMost), ([">"], .greaterThan), (["above"], .greaterThan),
            (["<"], .lessThan), (["below"], .lessThan), (["=="], .equal), (["="], .equal),
        ]
        guard let comparison = words.first(where: { r.take(sequence: $0.words) })?.comparison,
            let value = r.number()
        else { return nil }
        let scope: ThresholdScope = r.take(sequence: ["every", "time"]) ? .every : .latest
        return .threshold(score: score, comparison: comparison, value: value, scope: scope)
    }
}
