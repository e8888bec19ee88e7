import CarryoverCore
import Foundation

/// One event of an assignment's append-only ledger: a reinforcement given, a
/// token earned or redeemed, a therapist's veto. Never updated or deleted.
public struct LedgerEvent: Sendable, Hashable {
    public var assignmentID: String
    /// 1-based position in the assignment's ledger, assigned by the store.
    public var seq: Int
    public var at: Date
    /// What happened, e.g. `"reinforcement"`, `"tokens.earned"`, `"tokens.redeemed"`.
    public var kind: String
    /// The engine's record of the event.
    public var payload: Value

    public init(assignmentID: String, seq: Int, at: Date, kind: String, payload: Value) {
        self.assignmentID = assignmentID
        self.seq = seq
        self.at = at
        self.kind = kind
        self.payload = payload
    }
}

/// A ledger event to append; the store gives it its sequence number.
public struct NewLedgerEvent: Sendable, Hashable {
    public var at: Date
    public var kind: String
    public var payload: Value

    public init(at: Date, kind: String, payload: Value) {
        self.at = at
        self.kind = kind
        self.payload = payload
    }
}
