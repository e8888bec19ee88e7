import Foundation

@testable import CarryoverCore

/// Drives a plan through a sequence of events, as the store would.
struct ReinforcementRun {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00Z

    let plan: ReinforcementPlan
    let seed: UInt64
    var state = ReinforcementState(startedAt: ReinforcementRun.start)
    /// What each applied event gave, in order.
    var log: [[ReinforcementEvent]] = []

    init(_ schedule: ReinforcementSchedule, catalogue: [Reward] = [], seed: UInt64 = 42) {
        plan = ReinforcementPlan(schedule: schedule, catalogue: catalogue)
        self.seed = seed
    }

    /// Applies one event and returns what it gave.
    @discardableResult
    mutating func apply(_ event: HomeworkEvent) throws -> [ReinforcementEvent] {
        let (next, events) = try plan.apply(event, to: state, seed: seed)
        state = next
        log.append(events)
        return events
    }

    /// Completes (true) or misses (false) the next occurrences, one a day.
    mutating func occurrences(_ outcomes: [Bool]) throws {
        for outcome in outcomes {
            let index = (state.lastOccurrence ?? -1) + 1
            let at = Self.start.addingTimeInterval(Double(index) * 86_400)
            try apply(
                outcome ? .completed(occurrence: index, at: at) : .missed(occurrence: index, at: at)
            )
        }
    }

    /// Logs an entry `seconds` after the start.
    @discardableResult
    mutating func entry(after seconds: TimeInterval) throws -> [ReinforcementEvent] {
        try apply(.entry(at: Self.start.addingTimeInterval(seconds)))
    }

    /// The response numbers that were reinforced so far.
    var reinforcedResponses: [Int] {
        log.joined().compactMap {
            if case .reinforced(let response, _, _) = $0 { return response }
            return nil
        }
    }
}
