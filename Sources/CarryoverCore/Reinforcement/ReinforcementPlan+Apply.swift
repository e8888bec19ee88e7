import Foundation

extension ReinforcementPlan {
    /// Feeds one event to the schedule: the new state and what it gave.
    ///
    /// Pure: the same event, state and seed always give the same result, so
    /// the store can replay an assignment's events from its seed. Occurrence
    /// events must come once each, in order, without gaps (the first may have
    /// any index); otherwise ``CoreErrorCode/invalidTransition``. An invalid
    /// plan throws ``CoreErrorCode/invalidReinforcement``.
    public func apply(_ event: HomeworkEvent, to state: ReinforcementState, seed: UInt64) throws
        -> (state: ReinforcementState, events: [ReinforcementEvent])
    {
        var next = state
        let events = try apply(event, to: &next, seed: seed)
        return (next, events)
    }

    /// Feeds one event to the schedule in place: what it gave.
    ///
    /// The same rules as the copying `apply(_:to:seed:)`, without copying the state:
    /// a copy shares the ledger's lines, so its first earning copied them all,
    /// once per event (issue 19). On an error `state` is unchanged: every
    /// check comes before the first change (a valid plan earns above 0).
    public func apply(_ event: HomeworkEvent, to state: inout ReinforcementState, seed: UInt64)
        throws -> [ReinforcementEvent]
    {
        try validate()
        switch event {
        case .entry(let at):
            return respond(at: at, &state, seed: seed)
        case .completed(let occurrence, let at):
            try state.claim(occurrence)
            return try complete(occurrence, at: at, &state, seed: seed)
        case .missed(let occurrence, _):
            try state.claim(occurrence)
            return miss(occurrence, &state)
        }
    }

    /// A response under an operant schedule (other schedules ignore entries).
    private func respond(at: Date, _ state: inout ReinforcementState, seed: UInt64)
        -> [ReinforcementEvent]
    {
        let k = state.reinforcements
        let since = state.responsesSinceReinforcement + 1
        let elapsed = at.timeIntervalSince(state.lastReinforcementAt)
        let due: Bool
        switch schedule {
        case .fixedRatio(let n):
            due = since >= n
        case .variableRatio(let mean):
            due = since >= Self.variableRatioRequirement(mean: mean, seed: seed, reinforcement: k)
        case .fixedInterval(let seconds):
            due = elapsed >= seconds
        case .variableInterval(let mean):
            due = elapsed >= Self.variableInterval(mean: mean, seed: seed, reinforcement: k)
        case .none, .escalating, .prizeDraws, .tokens:
            return []
        }
        state.responses += 1
        state.responsesSinceReinforcement = since
        guard due else { return [] }
        state.reinforcements += 1
        state.responsesSinceReinforcement = 0
        state.lastReinforcementAt = at
        state.ledger.give(
            reinforcer ?? "a reinforcer", at: at, note: "entry \(state.responses)")
        return [.reinforced(response: state.responses, at: at, reinforcer: reinforcer)]
    }

    private func complete(
        _ occurrence: Int, at: Date, _ state: inout ReinforcementState, seed: UInt64
    ) throws -> [ReinforcementEvent] {
        state.run += 1
        // 1-based in words: the first scheduled time is occurrence 0.
        let note = "scheduled time \(occurrence + 1)"
        switch schedule {
        case .escalating(let plan):
            state.level += 1
            let value = plan.value(atLevel: state.level)
            let bonus = plan.bonus?.amount(forRun: state.run) ?? 0
            try state.ledger.earn(value + bonus, at: at, note: note)
            var events: [ReinforcementEvent] = [
                .voucher(occurrence: occurrence, value: value, bonus: bonus)
            ]
            if let recoveryAfter = plan.recoveryAfter, let target = state.recoveryLevel,
                state.run >= recoveryAfter
            {
                state.recoveryLevel = nil
                if target > state.level {
                    state.level = target
                    events.append(.recovered(occurrence: occurrence, level: target))
                }
            }
            return events
        case .prizeDraws(let plan):
            let draws = plan.draws(forRun: state.run)
            var random = DrawStream.random(seed: seed, purpose: .prize, index: occurrence)
            return (1...draws).map { draw in
                let slip = plan.bowl.draw(using: &random)
                state.ledger.give(
                    slip.name, value: slip.value, at: at,
                    note: "\(note), draw \(draw) of \(draws)")
                return .prize(
                    occurrence: occurrence, draw: draw, of: draws, slip: slip.name,
                    value: slip.value)
            }
        case .tokens(let plan):
            let bonus = plan.bonus?.amount(forRun: state.run) ?? 0
            try state.ledger.earn(plan.perCompletion + bonus, at: at, note: note)
            return [
                .tokens(occurrence: occurrence, amount: plan.perCompletion + bonus, bonus: bonus)
            ]
        case .none, .fixedRatio, .variableRatio, .fixedInterval, .variableInterval:
            return []
        }
    }

    private func miss(_ occurrence: Int, _ state: inout ReinforcementState) -> [ReinforcementEvent]
    {
        let run = state.run
        state.run = 0
        switch schedule {
        case .escalating(let plan):
            if plan.recoveryAfter != nil, state.level > 0 {
                // Keep the highest level a pending recovery would restore, so a
                // second miss before recovering does not erase earlier progress.
                state.recoveryLevel = max(state.recoveryLevel ?? 0, state.level)
            }
            state.level = 0
        case .prizeDraws:
            break
        case .tokens(let plan) where plan.bonus != nil:
            break
        case .tokens, .none, .fixedRatio, .variableRatio, .fixedInterval, .variableInterval:
            // Nothing grows with the run here, so a miss has nothing to reset:
            // telling the client a run "ended" would only discourage.
            return []
        }
        return run > 0 ? [.reset(occurrence: occurrence, run: run)] : []
    }

    /// Responses the reinforcement numbered `reinforcement` (from 0) needs under
    /// VR `mean`: uniform on 1...(2 x mean - 1), so the mean is exactly `mean`.
    public static func variableRatioRequirement(mean: Int, seed: UInt64, reinforcement: Int)
        -> Int
    {
        var random = DrawStream.random(
            seed: seed, purpose: .ratioRequirement, index: reinforcement)
        return 1 + Int(random.nextUnitDouble() * Double(2 * mean - 1))
    }

    /// Seconds the reinforcement numbered `reinforcement` (from 0) waits for
    /// under VI `mean`: exponential with mean `mean` (inverse transform).
    public static func variableInterval(mean: TimeInterval, seed: UInt64, reinforcement: Int)
        -> TimeInterval
    {
        var random = DrawStream.random(seed: seed, purpose: .interval, index: reinforcement)
        // 1 - u lies in (0, 1], so the logarithm is finite.
        return -mean * log(1 - random.nextUnitDouble())
    }
}

extension ReinforcementState {
    /// Marks an occurrence as counted. Occurrences come one at a time with no
    /// gap, so a run can never silently continue across an unreported miss.
    fileprivate mutating func claim(_ occurrence: Int) throws {
        if let lastOccurrence {
            if occurrence <= lastOccurrence {
                throw CoreError(
                    .invalidTransition,
                    "Occurrence \(occurrence) was already counted for reinforcement (the last "
                        + "counted is \(lastOccurrence)); send occurrence events once, in order.")
            }
            if occurrence > lastOccurrence + 1 {
                throw CoreError(
                    .invalidTransition,
                    "Occurrence \(lastOccurrence + 1) has not been counted for reinforcement; "
                        + "report it as completed or missed before occurrence \(occurrence).")
            }
        }
        lastOccurrence = occurrence
    }
}
