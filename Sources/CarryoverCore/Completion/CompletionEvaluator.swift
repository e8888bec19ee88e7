import Foundation

/// Evaluates a ``CompletionRule`` over the occurrences and entries so far.
public struct CompletionEvaluator: Sendable {
    /// Answers plugin predicates; without one a plugin rule is an error.
    public var pluginHost: (any CompletionPredicateHost)?

    public init(pluginHost: (any CompletionPredicateHost)? = nil) {
        self.pluginHost = pluginHost
    }

    /// The status of `rule` over `input`; an invalid rule throws
    /// ``CoreErrorCode/invalidRule`` rather than giving a meaningless status.
    public func evaluate(_ rule: CompletionRule, over input: CompletionInput) throws
        -> CompletionStatus
    {
        try rule.validate()
        return try status(of: rule, over: input)
    }

    private func status(of rule: CompletionRule, over input: CompletionInput) throws
        -> CompletionStatus
    {
        switch rule {
        case .done:
            let done = input.occurrences.contains { input.state(of: $0) == .completed }
            return CompletionStatus(
                met: done, progress: done ? "an entry is logged" : "no entry yet",
                fraction: done ? 1 : 0)
        case .scoreSum(let score, let target):
            let sum = input.entriesInOrder.compactMap { $0.scores[score] }.reduce(0, +)
            return CompletionStatus(
                met: sum >= target,
                progress: "\(ScoreText.format(sum)) of \(ScoreText.format(target)) \(score)",
                fraction: sum / target)
        case .occurrences(let required, let window):
            return occurrences(required: required, window: window, input)
        case .streak(let length):
            let states = input.occurrences.map { input.state(of: $0) }
            let passes = states.filter { $0 != .pending }.map { $0 == .completed }
            return run(passes, length: length, noun: nil, criterion: "")
        case .accuracy(let measure, let minimumPercent, let sessions, let outOf):
            let passes = input.entriesInOrder.compactMap { measure.percent(of: $0) }
                .map { $0 >= minimumPercent }
            let criterion = "at \(ScoreText.format(minimumPercent))% or better"
            guard let outOf else {
                return run(passes, length: sessions, noun: "session", criterion: " " + criterion)
            }
            return window(passes, required: sessions, size: outOf, criterion: criterion)
        case .threshold(let score, let comparison, let value, let scope):
            return threshold(score, comparison, value, scope, input)
        case .allOf(let rules):
            let statuses = try rules.map { try status(of: $0, over: input) }
            let metCount = statuses.filter(\.met).count
            return CompletionStatus(
                met: metCount == statuses.count,
                progress: "\(metCount) of \(statuses.count) met",
                fraction: statuses.map(\.fraction).reduce(0, +) / Double(statuses.count))
        case .anyOf(let rules):
            let statuses = try rules.map { try status(of: $0, over: input) }
            let metCount = statuses.filter(\.met).count
            return CompletionStatus(
                met: metCount > 0,
                progress: "\(metCount) of \(statuses.count) met (any one is enough)",
                fraction: statuses.map(\.fraction).max() ?? 0)
        case .plugin(let hook):
            guard let pluginHost else {
                throw CoreError(
                    .invalidRule,
                    "The completion rule asks plugin hook '\(hook)', but no plugin runtime "
                        + "is loaded; load the assignment's homework type first.")
            }
            let status = try pluginHost.evaluate(hook: hook, input: input)
            // Re-made so the clamping in the initialiser applies to plugin output.
            return CompletionStatus(
                met: status.met, progress: status.progress, fraction: status.fraction)
        }
    }

    private func occurrences(required: Int, window: OccurrenceWindow, _ input: CompletionInput)
        -> CompletionStatus
    {
        let counted: [Occurrence]
        let which: String
        switch window {
        case .rolling(let size):
            counted = Array(
                input.occurrences.filter { input.state(of: $0) != .pending }.suffix(size))
            which = "of the last \(counted.count) done"
        case .block(let size):
            let block = (input.occurrences.last?.index ?? 0) / size
            counted = input.occurrences.filter { $0.index / size == block }
            which = "done of scheduled times \(block * size + 1)-\((block + 1) * size)"
        }
        let completed = counted.filter { input.state(of: $0) == .completed }.count
        return CompletionStatus(
            met: completed >= required,
            progress: "\(completed) \(which) (needs \(required) of \(window.size))",
            fraction: Double(completed) / Double(required))
    }

    /// A rule met once `length` consecutive passes occurred; progress shows the
    /// current run until then.
    private func run(_ passes: [Bool], length: Int, noun: String?, criterion: String)
        -> CompletionStatus
    {
        var current = 0
        var best = 0
        for pass in passes {
            current = pass ? current + 1 : 0
            best = max(best, current)
        }
        let met = best >= length
        let shown = met ? length : current
        return CompletionStatus(
            met: met,
            progress: met
                ? "\(count(length, noun)) in a row\(criterion) reached"
                : "\(count(current, noun)) in a row\(criterion) (needs \(length))",
            fraction: Double(shown) / Double(length))
    }

    /// Met once some `size` consecutive sessions hold `required` passes;
    /// progress shows the latest `size` sessions until then.
    private func window(_ passes: [Bool], required: Int, size: Int, criterion: String)
        -> CompletionStatus
    {
        let starts = passes.count > size ? Array(0...(passes.count - size)) : [0]
        let best =
            starts.map { passes[$0..<min($0 + size, passes.count)].filter { $0 }.count }
            .max() ?? 0
        let met = best >= required
        let latest = passes.suffix(size)
        let shown = met ? required : latest.filter { $0 }.count
        let progress =
            met
            ? "\(required) of \(size) sessions in a row \(criterion) reached"
            : "\(shown) of the last \(latest.count) sessions \(criterion) (needs \(required) of \(size))"
        return CompletionStatus(
            met: met, progress: progress, fraction: Double(shown) / Double(required))
    }

    private func threshold(
        _ score: String, _ comparison: Comparison, _ value: Double, _ scope: ThresholdScope,
        _ input: CompletionInput
    ) -> CompletionStatus {
        let values = input.entriesInOrder.compactMap { $0.scores[score] }
        let criterion = "\(score) \(comparison.words(ScoreText.format(value)))"
        switch scope {
        case .latest:
            guard let latest = values.last else {
                return CompletionStatus(
                    met: false, progress: "no \(score) yet (needs \(criterion))", fraction: 0)
            }
            let met = comparison.holds(latest, value)
            return CompletionStatus(
                met: met,
                progress: "latest \(score) \(ScoreText.format(latest)) (needs \(criterion))",
                fraction: met ? 1 : 0)
        case .every:
            let passing = values.filter { comparison.holds($0, value) }.count
            return CompletionStatus(
                met: !values.isEmpty && passing == values.count,
                progress: "\(passing) of \(values.count) entries with \(criterion)",
                fraction: values.isEmpty ? 0 : Double(passing) / Double(values.count))
        }
    }
}

extension AccuracyMeasure {
    /// The entry's accuracy in percent, or nil when it is not a session.
    func percent(of entry: Entry) -> Double? {
        switch self {
        case .percent(let score):
            return entry.scores[score]
        case .ratio(let correct, let trials):
            guard let right = entry.scores[correct], let total = entry.scores[trials], total > 0
            else { return nil }
            return 100 * right / total
        }
    }
}

/// "1 session", "3 sessions", or the bare number without a noun.
private func count(_ number: Int, _ noun: String?) -> String {
    guard let noun else { return String(number) }
    return number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
}
