/// A scored questionnaire: total, band and any risk flags.
public struct MeasureScore: Sendable, Hashable, Codable {
    /// The ``Instrument/id`` that was scored.
    public var instrumentID: String
    /// The score of each item, in printed order.
    public var answers: [Int]
    /// The sum of the answers.
    public var total: Int
    /// The severity band of the total.
    public var band: SeverityBand
    /// Risk flags, e.g. PHQ-9 item 9 above 0.
    public var flags: [ProgressFlag]
}

extension Instrument {
    /// Scores one completed questionnaire, item scores in printed order.
    ///
    /// - Throws: ``CoreErrorCode/invalidMeasure`` when the number of scores
    ///   is wrong or a score is outside ``itemRange``. The message names the
    ///   item, never its score, so it cannot leak a client's answer. Also
    ///   when the instrument itself is malformed (see `validate()`).
    public func score(_ answers: [Int]) throws -> MeasureScore {
        try validate()
        guard answers.count == itemCount else {
            throw CoreError(
                .invalidMeasure,
                "\(name) takes \(itemCount) item scores, got \(answers.count): "
                    + "give one score per item, in printed order.")
        }
        if let bad = answers.firstIndex(where: { !itemRange.contains($0) }) {
            throw CoreError(
                .invalidMeasure,
                "\(name) item \(bad + 1) is outside \(itemRange.lowerBound)-"
                    + "\(itemRange.upperBound): enter a score in that range.")
        }
        let total = answers.reduce(0, +)
        let flags = riskItems.filter { answers[$0.number - 1] > 0 }.map { risk in
            ProgressFlag(
                level: .risk, code: .selfHarmRisk,
                message: "\(name) item \(risk.number) (\(items[risk.number - 1])) scored "
                    + "\(answers[risk.number - 1]) of \(itemRange.upperBound).",
                suggestion: risk.suggestion)
        }
        // Bands cover every total 0 ... maximumTotal, so a valid total has one.
        return MeasureScore(
            instrumentID: id, answers: answers, total: total, band: band(forTotal: total)!,
            flags: flags)
    }
}
