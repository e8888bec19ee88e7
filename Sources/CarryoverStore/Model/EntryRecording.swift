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

/// Which entries to list; every condition given must hold.
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
    /// Whether voided entries are listed too (they count nowhere, so by default not).
    public var includeVoided: Bool

    public init(
        assignmentID: String? = nil, clientID: String? = nil, from: Date? = nil,
        until: Date? = nil, includeFields: Bool = true, includeVoided: Bool = false
    ) {
        self.assignmentID = assignmentID
        self.clientID = clientID
        self.from = from
        self.until = until
        self.includeFields = includeFields
        self.includeVoided = includeVoided
    }
}

/// What both stores write for an assignment after an entry, or on its own:
/// its new engine state and its next ledger lines.
package struct StateChange: Sendable {
    package var assignmentID: String
    package var engineState: Value?
    package var events: [NewLedgerEvent]
    /// The entry written with the events; events without an entry of their own get it.
    package var entryID: String?

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
                    kind: event.kind, payload: event.payload, entryID: event.entryID ?? entryID),
                try StoreCoding.encode(event.payload)
            )
        }
    }
}

extension EngineWrite {
    /// The state and ledger part of the write, for `assignmentID`.
    package func stateChange(_ assignmentID: String) -> StateChange {
        StateChange(
            assignmentID: assignmentID, engineState: engineState, events: events,
            entryID: entry?.id ?? correction?.entryID)
    }
}

extension EntryRecording {
    /// The recording as an engine write whose state was computed beforehand.
    package var write: EngineWrite {
        EngineWrite(
            entry: entry, engineState: engineState, events: events, idempotencyKey: idempotencyKey)
    }
}

extension StateRecording {
    package var write: EngineWrite {
        EngineWrite(engineState: engineState, events: events, action: action)
    }
}
