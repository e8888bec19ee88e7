import CarryoverCore
import CarryoverStore
import Foundation

/// An assignment's rewards as the client and therapist see them.
public struct RewardsView: Sendable {
    public var assignmentID: String
    public var catalogue: [Reward]
    public var unit: LedgerUnit?
    public var balance: Int
    public var vetoed: Set<String>
    public var ledger: [TokenLedger.Line]
    /// Every line in plain words with what became of it, by line number.
    public var lineWords: [String]
    /// Redemptions, prizes and reinforcers still to hand over.
    public var pending: [TokenLedger.Line]
    /// The client's time zone, for the lines' dates.
    public var timeZone: String
    /// The balance summed from the store's ledger events (every line that
    /// moved the balance is one): equal to `balance`, which the engine keeps.
    public var storedBalance: Int
}

extension Practice {
    /// The catalogue, balance, vetoes and ledger of an assignment.
    public func rewards(assignmentID: String) async throws -> RewardsView {
        let assignment = try await assignment(assignmentID)
        let client = try await client(assignment.clientID)
        let state = try await assignmentState(assignment)
        let ledger = state.reinforcement.ledger
        let unit = assignment.reinforcement.schedule.ledgerUnit
        let names = Dictionary(
            assignment.reinforcement.catalogue.map { ($0.id, $0.name) },
            uniquingKeysWith: { first, _ in first })
        let stored = try await store.ledger(assignmentID: assignment.id)
        return RewardsView(
            assignmentID: assignment.id, catalogue: assignment.reinforcement.catalogue,
            unit: unit, balance: ledger.balance, vetoed: ledger.vetoedRewards,
            ledger: ledger.lines,
            lineWords: ledger.lines.map { ledger.words(for: $0, unit: unit, rewards: names) },
            pending: ledger.pendingDeliveries, timeZone: client.timeZone,
            storedBalance: try Self.storedLines(stored).reduce(0) { $0 + $1.amount })
    }

    /// The token ledger lines among an assignment's stored ledger events.
    ///
    /// - Throws: the store's `corrupt` for a line that does not read: a
    ///   balance or a reversal without it would be wrong, silently.
    static func storedLines(_ events: [LedgerEvent]) throws -> [TokenLedger.Line] {
        try events.filter { $0.kind == ledgerKind }.map {
            try $0.payload.decode(as: TokenLedger.Line.self)
        }
    }

    /// Marks a redemption, prize or reinforcer as handed to the client.
    ///
    /// - Throws: the core's `.invalidTransition` when line `number` is not
    ///   waiting to be delivered; nothing is written then.
    public func deliver(assignmentID: String, line number: Int) async throws -> RewardsView {
        try await changeRewards(assignmentID, action: "reward.deliver") { _, state, now in
            [try state.ledger.deliver(redemption: number, at: now)]
        }
    }

    /// Redeems a reward from the catalogue against the earned balance.
    ///
    /// - Throws: the core's error when the balance is short or the reward is
    ///   vetoed; nothing is written then.
    public func redeem(assignmentID: String, rewardID: String) async throws -> RewardsView {
        try await changeRewards(assignmentID, action: "reward.redeem") { plan, state, now in
            [try plan.redeem(rewardID: rewardID, at: now, state: &state)]
        }
    }

    /// The therapist vetoes a reward: it cannot be redeemed, and a pending
    /// redemption of it is refunded.
    public func veto(assignmentID: String, rewardID: String, reason: String) async throws
        -> RewardsView
    {
        try await changeRewards(assignmentID, action: "reward.veto") { plan, state, now in
            try plan.veto(rewardID: rewardID, at: now, reason: reason, state: &state)
        }
    }

    /// Lifts a veto.
    public func allow(assignmentID: String, rewardID: String, reason: String) async throws
        -> RewardsView
    {
        try await changeRewards(assignmentID, action: "reward.allow") { plan, state, now in
            [try plan.allow(rewardID: rewardID, at: now, reason: reason, state: &state)]
        }
    }

    /// Applies a ledger change to the state as stored and records it with
    /// its ledger lines, in one write transaction: two redemptions at once
    /// take turns, and the second sees the balance the first left.
    private func changeRewards(
        _ assignmentID: String, action: String,
        _ change:
            @escaping @Sendable (ReinforcementPlan, inout ReinforcementState, Date) throws
            -> [TokenLedger.Line]
    ) async throws -> RewardsView {
        let assignment = try await assignment(assignmentID)
        let now = clock.now()
        _ = try await store.writeEngine(assignmentID: assignment.id, entryID: nil) { snapshot in
            var state = try Self.assignmentState(snapshot.assignment, stored: snapshot.state)
            let lines = try change(snapshot.assignment.reinforcement, &state.reinforcement, now)
            let write = EngineWrite(
                engineState: try Value(encoding: state),
                events: try lines.map {
                    NewLedgerEvent(at: now, kind: Self.ledgerKind, payload: try Value(encoding: $0))
                }, action: action)
            return (write, ())
        }
        return try await rewards(assignmentID: assignmentID)
    }
}
