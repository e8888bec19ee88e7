/// A scored questionnaire: total, band and any risk flags.
public struct MeasureScore: Sendable, Hashable, Codable {
    public var instrumentID: String
    public var items: [Int]
    public var total: Int
    public var band: SeverityBand
    /// Risk flags, e.g. PHQ-9 item 9 above 0.
    public var flags: [ProgressFlag]
}

extension Instrument {
    /// Scores one completed questionnaire, item answers in printed order.
    ///
    /// - Throws: ``CoreError/Code/invalidMeasure`` when the number of items
    ///   is wrong or an item is outside ``itemRange``. The message names the
    ///   item, never its value, so it cannot leak a client's answer.
    public func score(_ items: [Int]) throws -> MeasureScore {
        guard items.count == itemCount else {
            throw CoreError(
                .invalidMeasure,
                "\(name) takes \(itemCount) item scores, got \(items.count): "
                    + "give one score per item, in printed order.")
        }
        if let bad = items.firstIndex(where: { !itemRange.contains($0) }) {
            throw CoreError(
                .invalidMeasure,
                "\(name) item \(bad + 1) is outside \(itemRange.lowerBound)-"
                    + "\(itemRange.upperBound): enter a score in that range.")
        }
        let total = items.reduce(0, +)
        let flags = riskItems.filter { items[$0.number - 1] > 0 }.map { item in
            ProgressFlag(
                level: .risk, code: .selfHarmRisk,
                message: "\(name) item \(item.number) (\(item.topic)) scored "
                    + "\(items[item.number - 1]) of \(itemRange.upperBound).",
                suggestion: item.suggestion)
        }
        // Bands cover every total 0 ... maximumTotal, so a valid total has one.
        return MeasureScore(
            instrumentID: id, items: items, total: total, band: band(forTotal: total)!,
            flags: flags)
    }
}
