import CarryoverCore
import Foundation

/// An assignment's engine as stored at the start of a write transaction:
/// no other writer can change it until the transaction ends, so what the
/// engine computes from it cannot be lost to a concurrent write.
public struct EngineSnapshot: Sendable {
    public var assignment: Assignment
    /// The engine state, or `nil` before the first entry.
    public var state: Value?
    /// When the write names an entry: that entry as stored now (voided
    /// ones too) and the ledger events written with it or about it.
    public var entry: Entry?
    public var entryEvents: [LedgerEvent]
    /// When the write asked for them (`readingEntries`): the assignment's
    /// entries as stored before this write, voided ones left out, without
    /// their fields (`.null`), by time performed then id, as
    /// ``PracticeStore/entries(_:)`` lists them.
    public var entries: [Entry]?

    public init(
        assignment: Assignment, state: Value?, entry: Entry? = nil,
        entryEvents: [LedgerEvent] = [], entries: [Entry]? = nil
    ) {
        self.assignment = assignment
        self.state = state
        self.entry = entry
        self.entryEvents = entryEvents
        self.entries = entries
    }
}

/// What one engine write stores, all in one transaction with its audit
/// records: a new entry or a correction of one, the assignment's new engine
/// state and its next ledger lines.
public struct EngineWrite: Sendable, Hashable {
    /// A new entry (with its scores, flags, source and who recorded it).
    public var entry: Entry?
    /// An amendment or void of a stored entry.
    public var correction: EntryCorrection?
    /// The new engine state; `nil` leaves the stored one as it is.
    public var engineState: Value?
    public var events: [NewLedgerEvent]
    /// The audit action for a change without an entry (e.g. "reward.redeem").
    public var action: String?
    /// A portal form's key for the new entry: a second write with the same
    /// key is refused as `duplicate` and stores nothing.
    public var idempotencyKey: String?

    public init(
        entry: Entry? = nil, correction: EntryCorrection? = nil, engineState: Value? = nil,
        events: [NewLedgerEvent] = [], action: String? = nil, idempotencyKey: String? = nil
    ) {
        self.entry = entry
        self.correction = correction
        self.engineState = engineState
        self.events = events
        self.action = action
        self.idempotencyKey = idempotencyKey
    }
}

/// An amendment or void of a stored entry. The store keeps the version it
/// replaces as an `EntryRevision` and refuses the correction when the
/// entry changed since `revision` (another correction came first).
public struct EntryCorrection: Sendable, Hashable {
    public var entryID: String
    public var action: EntryRevision.Action
    /// The entry's revision the correction was made from.
    public var revision: Int
    public var reason: String
    public var at: Date
    /// For an amendment: the new fields, their scores and flags.
    public var fields: Value?
    public var scores: [String: Double]?
    public var flags: [PluginFlag]?

    public init(
        entryID: String, action: EntryRevision.Action, revision: Int, reason: String, at: Date,
        fields: Value? = nil, scores: [String: Double]? = nil, flags: [PluginFlag]? = nil
    ) {
        self.entryID = entryID
        self.action = action
        self.revision = revision
        self.reason = reason
        self.at = at
        self.fields = fields
        self.scores = scores
        self.flags = flags
    }
}

/// Which raised flags to list, oldest first.
public struct FlagQuery: Sendable, Hashable {
    public var clientID: String?
    public var assignmentID: String?
    /// Only flags no one has acknowledged yet.
    public var openOnly: Bool
    /// Only flags on entries performed in [from, until).
    public var from: Date?
    public var until: Date?

    public init(
        clientID: String? = nil, assignmentID: String? = nil, openOnly: Bool = false,
        from: Date? = nil, until: Date? = nil
    ) {
        self.clientID = clientID
        self.assignmentID = assignmentID
        self.openOnly = openOnly
        self.from = from
        self.until = until
    }
}

/// Carries an error thrown by an engine write's body through the store's
/// error mapping unchanged: the engine's own errors (a rule refused, a
/// plugin failed) are the caller's to report, not storage failures.
package struct EngineBodyError: Error {
    package let error: any Error

    /// Runs `body`, wrapping what it throws.
    package static func run<R>(_ body: () throws -> R) throws -> R {
        do { return try body() } catch { throw EngineBodyError(error: error) }
    }

    /// The body's own error, or `error` unchanged.
    package static func unwrap(_ error: any Error) -> any Error {
        (error as? EngineBodyError)?.error ?? error
    }
}
