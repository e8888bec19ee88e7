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
    /// The portal form's idempotency key: a second recording with the same
    /// key for the same client is refused, so a double submit stores one entry.
    public var idempotencyKey: String?

    public init(
        entry: Entry, engineState: Value? = nil, events: [NewLedgerEvent] = [],
        idempotencyKey: String? = nil
    ) {
        self.entry = entry
        self.engineState = engineState
        self.events = events
        self.idempotencyKey = idempotencyKey
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

    public init(assignmentID: String, engineState: Value, events: [NewLedgerEvent], action: String)
    {
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

    /// Whether to read each entry's fields; without them (`.null`) a query
    /// for times and scores reads a year of entries several times faster.
    public var includeFields: Bool

    public init(
        assignmentID: String? = nil, clientID: String? = nil, from: Date? = nil,
        until: Date? = nil, includeFields: Bool = true
    ) {
        self.assignmentID = assignmentID
        self.clientID = clientID
        self.from = from
        self.until = until
        self.includeFields = includeFields
    }
}

/// What both stores write for an assignment after an entry, or on its own:
/// its new engine state and its next ledger lines.
package struct StateChange: Sendable {
    package var assignmentID: String
    package var engineState: Value?
    package var events: [NewLedgerEvent]

    /// The engine state as the stores keep it (JSON text), if given.
    package func encodedState() throws -> String? {
        try engineState.map { try StoreCoding.encode($0) }
    }

    /// The events as stored: numbered after `lastSeq`, each with its payload's JSON.
    package func numberedEvents(after lastSeq: Int) throws -> [(event: LedgerEvent, json: String)] {
        try events.enumerated().map { offset, event in
            (
                LedgerEvent(
                    assignmentID: assignmentID, seq: lastSeq + offset + 1, at: event.at,
                    kind: event.kind, payload: event.payload),
                try StoreCoding.encode(event.payload)
            )
        }
    }
}

extension EntryRecording {
    package var stateChange: StateChange {
        StateChange(assignmentID: entry.assignmentID, engineState: engineState, events: events)
    }
}

extension StateRecording {
    package var stateChange: StateChange {
        StateChange(assignmentID: assignmentID, engineState: engineState, events: events)
    }
}
