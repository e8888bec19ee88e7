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
    /// The entry the event was written with or is about (a reversal), if any.
    public var entryID: String?

    public init(
        assignmentID: String, seq: Int, at: Date, kind: String, payload: Value,
        entryID: String? = nil
    ) {
        self.assignmentID = assignmentID
        self.seq = seq
        self.at = at
        self.kind = kind
        self.payload = payload
        self.entryID = entryID
    }
}

/// A ledger event to append; the store gives it its sequence number.
public struct NewLedgerEvent: Sendable, Hashable {
    public var at: Date
    public var kind: String
    public var payload: Value
    /// The entry it belongs to; an entry's own events get it from the entry.
    public var entryID: String?

    public init(at: Date, kind: String, payload: Value, entryID: String? = nil) {
        self.at = at
        self.kind = kind
        self.payload = payload
        self.entryID = entryID
    }
}
