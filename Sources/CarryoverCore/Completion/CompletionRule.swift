import Foundation

/// When an assignment counts as done: an explicit, JSON-storable rule.
///
/// Every rule is evaluated over the occurrences so far and the entries
/// matched to them (see ``CompletionEvaluator``). An occurrence is
/// *completed* when at least one entry is matched to it, *missed* when it has
/// no entry and its due time has passed, and *pending* otherwise.
public indirect enum CompletionRule: Sendable, Hashable, Codable {
    /// Met once any occurrence has an entry.
    case done
    /// Met when the named score, summed over every entry, reaches `target`.
    case scoreSum(score: String, target: Double)
    /// Met when at least `required` of `window`'s occurrences are completed.
    case occurrences(required: Int, window: OccurrenceWindow)
    /// Met once `length` consecutive occurrences were completed; a missed
    /// occurrence breaks the run, a pending one neither extends nor breaks it.
    case streak(length: Int)
    /// Met once `sessions` consecutive sessions each reached `minimumPercent`,
    /// or, with `outOf`, once `sessions` of `outOf` consecutive sessions did.
    ///
    /// A session is an entry that carries the measure's scores; sessions are
    /// ordered by `performedAt`. Speech-practice mastery: 80% over 3
    /// consecutive sessions by default, or 80% in 3 of 4.
    case accuracy(
        measure: AccuracyMeasure, minimumPercent: Double, sessions: Int, outOf: Int? = nil)
    /// Met when the named score compares to `value` as asked, over `scope`.
    case threshold(score: String, comparison: Comparison, value: Double, scope: ThresholdScope)
    /// Met when every rule is met.
    case allOf(rules: [CompletionRule])
    /// Met when at least one rule is met.
    case anyOf(rules: [CompletionRule])
    /// Met when the homework type's plugin hook says so; the core asks a
    /// ``CompletionPredicateHost`` and never runs plugin code itself.
    case plugin(hook: String)
}

/// Which occurrences an "M of N" rule counts.
public enum OccurrenceWindow: Sendable, Hashable, Codable {
    /// The last `size` occurrences that are completed or missed (pending ones
    /// are left out), e.g. "5 of the last 7 days".
    case rolling(size: Int)
    /// Fixed blocks of `size` occurrences by index (block b holds indices
    /// b*size ..< (b+1)*size); the block of the latest occurrence counts.
    /// A daily schedule starting on a Monday with size 7 gives calendar weeks.
    case block(size: Int)

    /// How many occurrences the window holds.
    public var size: Int {
        switch self {
        case .rolling(let size), .block(let size): size
        }
    }
}

/// Where an accuracy rule reads a session's accuracy.
public enum AccuracyMeasure: Sendable, Hashable, Codable {
    /// A score that already holds a percentage (0-100).
    case percent(score: String)
    /// Two scores: correct responses and trials; accuracy is 100 x correct / trials.
    /// An entry with zero trials is not a session.
    case ratio(correct: String, trials: String)
}

/// How a score is compared with a threshold.
public enum Comparison: String, Sendable, Hashable, Codable, CaseIterable {
    case atLeast = ">="
    case atMost = "<="
    case greaterThan = ">"
    case lessThan = "<"
    case equal = "=="

    /// Whether `lhs` compares to `rhs` this way.
    public func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        switch self {
        case .atLeast: lhs >= rhs
        case .atMost: lhs <= rhs
        case .greaterThan: lhs > rhs
        case .lessThan: lhs < rhs
        case .equal: lhs == rhs
        }
    }
}

/// Which entries a threshold rule looks at.
public enum ThresholdScope: String, Sendable, Hashable, Codable, CaseIterable {
    /// The latest entry (by `performedAt`) that carries the score.
    case latest
    /// Every entry that carries the score; at least one must exist.
    case every
}

extension CompletionRule {
    /// Checks the rule's numbers and names, throwing ``CoreErrorCode/invalidRule``
    /// with what to fix.
    public func validate() throws {
        let most = Schedule.maximumOccurrences
        switch self {
        case .done:
            return
        case .scoreSum(let score, let target):
            try requireName(score, "score")
            try require(
                target > 0 && target.isFinite, "a score-sum target must be above 0 (got \(target))")
        case .occurrences(let required, let window):
            try require(
                (1...most).contains(window.size),
                "an occurrence window holds 1 to \(most) occurrences (got \(window.size))")
            try require(
                (1...window.size).contains(required),
                "M of N needs 1 <= M <= N (got \(required) of \(window.size))")
        case .streak(let length):
            try require(
                (1...most).contains(length), "a streak is 1 to \(most) long (got \(length))")
        case .accuracy(let measure, let minimumPercent, let sessions, let outOf):
            switch measure {
            case .percent(let score): try requireName(score, "accuracy score")
            case .ratio(let correct, let trials):
                try requireName(correct, "correct score")
                try requireName(trials, "trials score")
            }
            try require(
                (0...100).contains(minimumPercent),
                "an accuracy criterion is a percentage from 0 to 100 (got \(minimumPercent))")
            try require(
                (1...most).contains(sessions), "an accuracy rule needs 1 to \(most) sessions")
            try require(
                (sessions...most).contains(outOf ?? sessions),
                "an accuracy rule cannot need \(sessions) of \(outOf ?? sessions) sessions "
                    + "(N is at most \(most))")
        case .threshold(let score, _, let value, _):
            try requireName(score, "score")
            try require(value.isFinite, "a threshold must be a finite number")
        case .allOf(let rules), .anyOf(let rules):
            try require(!rules.isEmpty, "all-of and any-of need at least one rule")
            for rule in rules { try rule.validate() }
        case .plugin(let hook):
            try requireName(hook, "plugin hook")
        }
    }

    private func require(_ condition: Bool, _ message: String) throws {
        if !condition { throw CoreError(.invalidRule, "Invalid completion rule: \(message).") }
    }

    private func requireName(_ name: String, _ what: String) throws {
        try require(
            !name.trimmingCharacters(in: .whitespaces).isEmpty, "the \(what) name is empty")
    }
}

extension CompletionRule {
    /// Whether the rule, or any rule inside it, asks a plugin predicate.
    public var usesPluginPredicate: Bool {
        switch self {
        case .plugin: true
        case .allOf(let rules), .anyOf(let rules): rules.contains { $0.usesPluginPredicate }
        default: false
        }
    }
}

extension CompletionRule {
    /// The score names the rule reads, in the order they appear.
    public var scoreNames: [String] {
        switch self {
        case .done, .occurrences, .streak, .plugin: []
        case .scoreSum(let score, _), .threshold(let score, _, _, _): [score]
        case .accuracy(.percent(let score), _, _, _): [score]
        case .accuracy(.ratio(let correct, let trials), _, _, _): [correct, trials]
        case .allOf(let rules), .anyOf(let rules): rules.flatMap(\.scoreNames)
        }
    }

    /// Refuses a rule that reads a score the homework type never gives, which
    /// could otherwise never be met.
    ///
    /// - Parameters:
    ///   - scores: The scores the homework type declares.
    ///   - type: The homework type's title, for the message.
    /// - Throws: ``CoreError`` `.invalidRule` naming the score and the ones there are.
    public func check(scores: [String], of type: String) throws {
        guard let unknown = scoreNames.first(where: { !scores.contains($0) }) else { return }
        let message =
            scores.isEmpty
            ? "the completion rule reads a score '\(unknown)', but \(type) gives no scores; "
                + "count scheduled times instead, e.g. '5 of 7 days'"
            : "the completion rule reads a score '\(unknown)' that \(type) never gives "
                + "(it gives \(scores.joined(separator: ", "))); use one of those."
                + Suggestions.hint(for: unknown, among: scores)
        throw CoreError(.invalidRule, message)
    }
}
