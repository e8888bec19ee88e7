import Foundation

/// What a scenario's figure must reach to pass.
enum Target: Sendable {
    /// project / baseline must be at least this (rates: higher is better).
    case ratioAtLeast(Double)
    /// project / baseline must be at most this (times: lower is better).
    case ratioAtMost(Double)
    /// The project's figure itself must be at most this.
    case atMost(Double)

    /// Whether `project` (and its ratio to `baseline`) meets the target.
    func isMet(project: Double, ratio: Double?) -> Bool {
        switch self {
        case .ratioAtLeast(let limit): return (ratio ?? 0) >= limit
        case .ratioAtMost(let limit): return (ratio ?? .infinity) <= limit
        case .atMost(let limit): return project <= limit
        }
    }

    func describe(unit: String) -> String {
        switch self {
        case .ratioAtLeast(let limit): return "ratio >= \(Format.number(limit))"
        case .ratioAtMost(let limit): return "ratio <= \(Format.number(limit))"
        case .atMost(let limit): return "<= \(Format.number(limit)) \(unit)"
        }
    }
}

/// One line of the report: the project's figure next to the baseline's.
struct Comparison: Sendable {
    var scenario: String
    var unit: String
    var project: Double
    /// The bare baseline's figure, when the scenario has one.
    var baseline: Double?
    var target: Target
    /// How the figures were obtained (rounds, sizes), shown under the table.
    var note: String = ""

    /// project / baseline.
    var ratio: Double? {
        guard let baseline, baseline != 0 else { return nil }
        return project / baseline
    }

    var passed: Bool { target.isMet(project: project, ratio: ratio) }
}

/// Number formatting for the report.
enum Format {
    /// Three significant digits, no exponent below a billion.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let magnitude = abs(value)
        if magnitude >= 100 || magnitude == 0 { return String(Int(value.rounded())) }
        let decimals = magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
        return String(format: "%.\(decimals)f", value)
    }
}
