import Foundation

/// Runs of consecutive done occurrences, in schedule order.
///
/// A pending occurrence (not done, due time plus grace not yet passed)
/// neither breaks nor extends a streak: it is skipped, so today's homework
/// that is still open does not reset the client's streak to zero. A missed
/// occurrence ends the run; a done one extends it, even when done early.
public struct StreakSummary: Sendable, Hashable, Codable {
    /// The run ending at the latest done or missed occurrence (0 after a miss).
    public var current: Int
    /// The longest run so far.
    public var longest: Int

    public init(current: Int, longest: Int) {
        self.current = current
        self.longest = longest
    }

    /// Streaks of `outcomes` at `now`.
    public init(outcomes: [OccurrenceOutcome], now: Date, grace: TimeInterval) {
        self.init(statuses: outcomes.resolved(now: now, grace: grace).lazy.map(\.status))
    }

    /// Streaks of statuses at now, in schedule order.
    init(statuses: some Sequence<OccurrenceStatus>) {
        var run = 0
        var longest = 0
        for status in statuses {
            switch status {
            case .done:
                run += 1
                longest = max(longest, run)
            case .missed: run = 0
            case .pending: continue
            }
        }
        self.init(current: run, longest: longest)
    }
}
