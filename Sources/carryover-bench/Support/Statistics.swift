/// Summary statistics over repeated measurements.
enum Statistics {
    /// The middle value; the mean of the two middle values for an even count.
    static func median(_ values: [Double]) -> Double {
        precondition(!values.isEmpty, "median of no values")
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The nearest-rank percentile: the smallest value with at least `p`
    /// percent of the values at or below it (`p` in 0...100).
    static func percentile(_ p: Double, of values: [Double]) -> Double {
        precondition(
            !values.isEmpty && (0...100).contains(p), "percentile needs values and 0...100")
        let sorted = values.sorted()
        let rank = max(1, Int((p / 100 * Double(sorted.count)).rounded(.up)))
        return sorted[min(rank, sorted.count) - 1]
    }
}
