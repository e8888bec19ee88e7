import Foundation

/// Thresholds of the non-adherence rules; ``standard`` holds the defaults.
///
/// The rules, each from the pattern of done and missed occurrences up to now
/// (pending ones are ignored; see ``OccurrenceStatus``):
/// - **Consecutive misses** (attention): the latest `consecutiveMisses`
///   resolved occurrences were all missed.
/// - **Time constraints** (info): misses cluster in one local slot, a weekday
///   or a time of day (timed occurrences only). A slot clusters when it holds
///   at least `clusterMinimumMisses` misses, at least `clusterMinimumMissRate`
///   of its occurrences were missed, and occurrences outside it were missed at
///   most `clusterOutsideRateRatio` times as often. The comparison with the
///   outside is what tells a bad slot from missing everything.
/// - **Unclear instructions** (info): at least `rejectedAttempts` entries were
///   rejected or left incomplete, or the first `missedFromStart` resolved
///   occurrences were all missed (never got going).
/// - **Low motivation** (info): the first week with anything due reached
///   `goodStart`, then adherence fell in each of the last `decliningWeeks`
///   weeks to at most `lowAdherence`.
public struct BarrierRules: Sendable, Hashable, Codable {
    public var consecutiveMisses = 3
    public var clusterMinimumMisses = 3
    public var clusterMinimumMissRate = 0.5
    public var clusterOutsideRateRatio = 0.5
    public var rejectedAttempts = 2
    public var missedFromStart = 3
    public var goodStart = 0.8
    public var decliningWeeks = 3
    public var lowAdherence = 0.5

    public init() {}

    /// The defaults documented above.
    public static let standard = BarrierRules()

    /// The flags that `outcomes` raise at `now`, ordered by level (most
    /// urgent first), then by code.
    public func flags(
        for outcomes: [OccurrenceOutcome], now: Date, grace: TimeInterval, timeZone: TimeZone
    ) -> [ProgressFlag] {
        let history = outcomes.resolved(now: now, grace: grace).filter { $0.status != .pending }
        let calendar = LocalCalendar(timeZone: timeZone)
        let weeks = AdherenceReport(outcomes: outcomes, now: now, grace: grace, timeZone: timeZone)
            .weeks
        let found = [
            consecutiveMissesFlag(history.map(\.status)),
            timeConstraintsFlag(history, calendar: calendar),
            unclearInstructionsFlag(history),
            lowMotivationFlag(weeks.compactMap(\.count.fraction)),
        ]
        return found.compactMap { $0 }.sorted {
            ($0.level, $1.code.rawValue) > ($1.level, $0.code.rawValue)
        }
    }
}
