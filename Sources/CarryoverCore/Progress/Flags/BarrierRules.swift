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
///   rejected or left incomplete (pending occurrences included: a client
///   failing right now counts), or the first `missedFromStart` resolved
///   occurrences were all missed (never got going).
/// - **Low motivation** (info): among weeks with at least `minimumWeeklyDue`
///   occurrences due (so a week just begun or a sparse schedule cannot fake a
///   fall), the first reached `goodStart`, then adherence fell in each of the
///   last `decliningWeeks` weeks to at most `lowAdherence`.
public struct BarrierRules: Sendable, Hashable, Codable {
    /// Misses in a row, up to now, that raise the attention flag.
    public var consecutiveMisses = 3
    /// Fewest misses in one slot for a time cluster.
    public var clusterMinimumMisses = 3
    /// Smallest share of a slot's occurrences missed for a time cluster.
    public var clusterMinimumMissRate = 0.5
    /// Largest miss rate outside the slot, as a multiple of the slot's rate.
    public var clusterOutsideRateRatio = 0.5
    /// Rejected or incomplete entries that point to unclear instructions.
    public var rejectedAttempts = 2
    /// Occurrences missed from the very start that point to unclear instructions.
    public var missedFromStart = 3
    /// First-week adherence that counts as a good start.
    public var goodStart = 0.8
    /// Latest weeks that must each be lower than the one before (at least 2).
    public var decliningWeeks = 3
    /// Fewest occurrences due for a week to count in the motivation rule.
    public var minimumWeeklyDue = 3
    /// Latest weekly adherence at or below which a fall is flagged.
    public var lowAdherence = 0.5

    /// The defaults; change single thresholds on the copy.
    public init() {}

    /// The defaults documented above.
    public static let standard = BarrierRules()

    /// The flags that `outcomes` raise at `now`, ordered by level (most
    /// urgent first), then by code: those of their ``ProgressDigest``.
    public func flags(
        for outcomes: [OccurrenceOutcome], now: Date, grace: TimeInterval, timeZone: TimeZone
    ) -> [ProgressFlag] {
        flags(
            for: ProgressDigest(
                outcomes: outcomes, now: now, grace: grace, timeZone: timeZone, rules: self),
            timeZone: timeZone)
    }

    /// The flags a digest made with these rules raises at its moment: the
    /// one implementation of every rule, for a status and a caseload alike.
    public func flags(for digest: ProgressDigest, timeZone: TimeZone) -> [ProgressFlag] {
        let fold = digest.closed(timeZone: timeZone)
        let found = [
            consecutiveMissesFlag(trailing: fold.trailingMisses),
            timeConstraintsFlag(fold),
            unclearInstructionsFlag(opening: fold.opening, rejected: digest.rejected),
            lowMotivationFlag(
                first: fold.firstWeek?.fraction, recent: fold.recentWeeks.compactMap(\.fraction),
                weeks: fold.qualifyingWeeks),
        ]
        return found.compactMap { $0 }.sorted {
            $0.level != $1.level ? $0.level > $1.level : $0.code.rawValue < $1.code.rawValue
        }
    }
}
