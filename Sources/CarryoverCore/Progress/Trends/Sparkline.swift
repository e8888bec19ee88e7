/// A one-line bar chart of a series, for terminals.
public enum Sparkline {
    /// The eight bar heights, lowest first.
    public static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One bar per value, scaled from the series' minimum to its maximum.
    ///
    /// A value's bar is round(7 x (value - min) / (max - min)), so the minimum
    /// is always ▁ and the maximum █. A flat series has no scale and is drawn
    /// at mid height (▄) so it reads neither as "low" nor as "high".
    /// Non-finite values are drawn as a space.
    public static func render(_ values: [Double]) -> String {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else {
            return String(repeating: " ", count: values.count)
        }
        return String(
            values.map { value -> Character in
                guard value.isFinite else { return " " }
                guard high > low else { return bars[3] }
                let level = ((value - low) / (high - low) * Double(bars.count - 1)).rounded()
                return bars[Int(level)]
            })
    }
}
