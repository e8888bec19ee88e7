/// The attempts at a reading's check questions (DSL `readings`): each entry is
/// one attempt, scored by the prelude with `percent_correct` and `passed`.
///
/// What the therapist sees in `status`: how many attempts, each one's score,
/// and the attempt that first reached the pass mark.
public struct ReadingAttempts: Sendable, Hashable, Codable {
    /// Each attempt's percentage of questions answered right, oldest first.
    public var percents: [Double]
    /// The 1-based number of the first attempt that passed, if any did.
    public var firstPassed: Int?
    /// The pass mark in force (the assignment's `pass_mark`).
    public var passMark: Double

    /// Reads the attempts from `entries` (oldest first); entries without a
    /// `percent_correct` score are not attempts and are skipped.
    public init(entries: [Entry], passMark: Double) {
        let attempts = entries.filter { $0.scores["percent_correct"] != nil }
        percents = attempts.compactMap { $0.scores["percent_correct"] }
        firstPassed = attempts.firstIndex { $0.scores["passed"] == 1 }.map { $0 + 1 }
        self.passMark = passMark
    }

    /// One line: "2 attempts (60%, 100%), passed at attempt 2 (pass mark 80%)".
    public var summary: String {
        let count = percents.count == 1 ? "1 attempt" : "\(percents.count) attempts"
        guard !percents.isEmpty else { return "no attempt yet (pass mark \(percent(passMark)))" }
        let scores = percents.map(percent).joined(separator: ", ")
        let outcome = firstPassed.map { "passed at attempt \($0)" } ?? "not passed yet"
        return "\(count) (\(scores)), \(outcome) (pass mark \(percent(passMark)))"
    }

    private func percent(_ value: Double) -> String {
        ScoreText.format(value) + "%"
    }
}
