import Foundation

/// How a score is shown to people: the one formatter of `plugin run`, `log`,
/// `status` and the reports' text.
///
/// Rounded half away from zero to two decimals, then trailing zeros dropped:
/// 12 is `12`, 82.8 is `82.8`, 91.304 is `91.3`, 2/3 is `0.67`. Stored
/// scores and JSON output keep the full value; only the text is rounded.
package enum ScoreText {
    /// The most decimals shown.
    package static let decimals = 2

    /// `value` as people read it (see above); `-0.001` is `0`, never `-0`.
    package static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
        let scale = 100.0
        let rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        if rounded == 0 { return "0" }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(format: "%.\(decimals)f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
