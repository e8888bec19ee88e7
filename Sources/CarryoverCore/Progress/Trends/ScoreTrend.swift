import Foundation

/// One value of a score at the time the homework was done.
public struct ScorePoint: Sendable, Hashable, Codable {
    /// When the homework was done (the entry's `performedAt`).
    public var at: Date
    public var value: Double

    public init(at: Date, value: Double) {
        self.at = at
        self.value = value
    }
}

/// The course of one named score over time, with a summary for reports.
public struct ScoreTrend: Sendable, Hashable, Codable {
    /// The score's name, as the homework type's `score` hook gives it.
    public var name: String
    /// Oldest first.
    public var points: [ScorePoint]
    /// Summary of the values: oldest, latest, arithmetic mean, lowest, highest.
    public var first: Double
    public var last: Double
    public var mean: Double
    public var min: Double
    public var max: Double
    /// Least-squares slope in score units per week (7 x 24 h); nil with
    /// fewer than two distinct times, where no line is defined.
    public var slopePerWeek: Double?
    /// One bar per point, for the CLI (see ``Sparkline``).
    public var sparkline: String

    /// Summarises `points` (any order); nil when there are none.
    public init?(name: String, points: [ScorePoint]) {
        guard !points.isEmpty else { return nil }
        let points = points.sorted { $0.at < $1.at }
        let values = points.map(\.value)
        self.name = name
        self.points = points
        self.first = values.first!
        self.last = values.last!
        self.mean = values.reduce(0, +) / Double(values.count)
        self.min = values.min()!
        self.max = values.max()!
        self.slopePerWeek = Self.leastSquaresSlope(points)
        self.sparkline = Sparkline.render(values)
    }

    /// One trend per score name found in `entries`, sorted by name.
    ///
    /// Entries are ordered by `performedAt` (then id, so equal times are
    /// stable). Non-finite scores are skipped: a plugin is untrusted and one
    /// NaN would spoil every summary number.
    public static func trends(in entries: [Entry]) -> [ScoreTrend] {
        var byName: [String: [ScorePoint]] = [:]
        let before = { (a: Entry, b: Entry) in (a.performedAt, a.id) < (b.performedAt, b.id) }
        // Stores return entries in this order already; sorting copies every entry.
        let sorted = zip(entries, entries.dropFirst()).allSatisfy { !before($1, $0) }
        let ordered = sorted ? entries : entries.sorted(by: before)
        for entry in ordered {
            for (name, value) in entry.scores where value.isFinite {
                byName[name, default: []].append(ScorePoint(at: entry.performedAt, value: value))
            }
        }
        return byName.keys.sorted().compactMap { ScoreTrend(name: $0, points: byName[$0]!) }
    }

    private static let secondsPerWeek: Double = 7 * 24 * 3600

    /// slope = sum((x - mean x)(y - mean y)) / sum((x - mean x)^2), x in weeks.
    private static func leastSquaresSlope(_ points: [ScorePoint]) -> Double? {
        guard let origin = points.first?.at, points.count > 1 else { return nil }
        let xs = points.map { $0.at.timeIntervalSince(origin) / secondsPerWeek }
        let ys = points.map(\.value)
        let meanX = xs.reduce(0, +) / Double(xs.count)
        let meanY = ys.reduce(0, +) / Double(ys.count)
        var covariance = 0.0
        var variance = 0.0
        for (x, y) in zip(xs, ys) {
            covariance += (x - meanX) * (y - meanY)
            variance += (x - meanX) * (x - meanX)
        }
        return variance > 0 ? covariance / variance : nil
    }
}
