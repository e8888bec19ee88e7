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

extension EntryRecording {
    /// The engine state as the stores keep it (JSON text), if given.
    package func encodedState() throws -> String? {
        try engineState.map { try StoreCoding.encode($0) }
    }

    /// The events as stored: numbered after `lastSeq`, each with its payload's JSON.
    package func numberedEvents(after lastSeq: Int) throws -> [(event: LedgerEvent, json: String)] {
        try events.enumerated().map { offset, event in
            (
                LedgerEvent(
                    assignmentID: entry.assignmentID, seq: lastSeq + offset + 1, at: event.at,
                    kind: event.kind, payload: event.payload),
                try StoreCoding.encode(event.payload)
            )
        }
    }
}
