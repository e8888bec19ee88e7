import CarryoverCore
import Foundation

/// Everything logging one entry changes, written in one transaction: the
/// entry with its scores, the assignment's new engine state, the ledger
/// events it earned and an audit record. If any part fails, nothing is written.
public struct EntryRecording: Sendable, Hashable {
    public var entry: Entry
    /// The assignment's engine state after this entry (completion and
    /// reinforcement state); `nil` leaves the stored state as it is.
    public var engineState: Value?
    public var events: [NewLedgerEvent]

    public init(entry: Entry, engineState: Value? = nil, events: [NewLedgerEvent] = []) {
        self.entry = entry
        self.engineState = engineState
        self.events = events
    }
}

/// Which entries to list; every condition given must hold.
/// An engine-state change without an entry (e.g. a reward redeemed).
public struct StateRecording: Sendable, Hashable {
    public var assignmentID: String
    public var engineState: Value
    public var events: [NewLedgerEvent]
    /// The audit action, e.g. "reward.redeem".
    public var action: String

    public init(assignmentID: String, engineState: Value, events: [NewLedgerEvent], action: String) {
        self.assignmentID = assignmentID
        self.engineState = engineState
        self.events = events
        self.action = action
    }
}

public struct EntryQuery: Sendable, Hashable {
    public var assignmentID: String?
    public var clientID: String?
    /// Entries performed at or after this instant.
    public var from: Date?
    /// Entries performed before this instant.
    public var until: Date?

    public init(
        assignmentID: String? = nil, clientID: String? = nil, from: Date? = nil,
        until: Date? = nil
    ) {
        self.assignmentID = assignmentID
        self.clientID = clientID
        self.from = from
        self.until = until
    }
}
