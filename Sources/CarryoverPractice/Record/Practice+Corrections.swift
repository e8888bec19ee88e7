import CarryoverCore
import CarryoverStore
import Foundation

/// An entry with every correction it had, oldest first.
public struct EntryHistory: Sendable {
    /// The entry as it stands (voided ones too).
    public var entry: Entry
    /// Each correction with the version it replaced: the first one's
    /// `previous...` values are the entry as logged.
    public var revisions: [EntryRevision]
}

/// What a correction did.
public struct EntryCorrectionOutcome: Sendable {
    public var history: EntryHistory
    /// Ledger lines written by it (a void's reversals).
    public var ledger: [TokenLedger.Line]
    /// The balance after it, for ledger-based reinforcement.
    public var balance: String?
}

extension Practice {
    /// An entry as it stands and every correction it had.
    ///
    /// - Throws: ``PracticeError`` `.notFound` for an unknown entry.
    public func entryHistory(_ entryID: String) async throws -> EntryHistory {
        let entry = try await storedEntry(entryID)
        return EntryHistory(
            entry: entry, revisions: try await store.entryRevisions(entryID: entry.id))
    }

    /// Amends an entry: `changes` replace those fields (a `null` removes
    /// one), the result is validated, scored and flagged again by the
    /// homework type version it was logged with, and the version it replaces
    /// is kept with the reason. A risk the amended entry raises is kept like
    /// a logged one; one the original raised stays until acknowledged.
    /// Reinforcement does not change: it follows whether and when an entry
    /// was made, not its values (to move an entry in time, void it and log it again).
    ///
    /// - Throws: ``PracticeError`` `.entryRejected` with every problem,
    ///   `.invalidInput` without a reason or a change, `.refused` for a voided
    ///   entry or one corrected meanwhile, `.pluginFailed`, `.revoked`;
    ///   nothing is written then.
    public func amendEntry(_ entryID: String, changes: [String: Value], reason: String)
        async throws -> EntryCorrectionOutcome
    {
        let entry = try await correctable(entryID, reason: reason)
        let assignment = try await assignment(entry.assignmentID)
        var fields = entry.fields.object ?? [:]
        for (name, value) in changes {
            fields[name] = value == .null ? nil : value
        }
        guard Value.object(fields) != entry.fields else {
            throw PracticeError(
                .invalidInput,
                "the amendment changes nothing in entry \(entry.id); give the new values with --set"
            )
        }
        let type = try loggableType(of: assignment, version: entry.homeworkVersion)
        // The params of the version in force when the entry was made.
        let params = AssignmentTimeline(assignment).period(at: entry.performedAt).params
        var checked = CheckedEntry()
        if entry.kind == .homework {
            let hooks = EntryHooks(
                type, assignmentParams: params, clientID: entry.clientID, usage: usage)
            checked = try hooks.check(.object(fields))
        } else {
            // A supporter's form is checked against its own fields; no hook runs on it.
            try Self.checkSupporterFields(.object(fields), of: entry.kind, type: type.declaration)
        }
        let correction = EntryCorrection(
            entryID: entry.id, action: .amend, revision: entry.revision, reason: reason,
            at: clock.now(), fields: .object(fields), scores: checked.scores, flags: checked.flags)
        _ = try await correct(entry) { _ in (EngineWrite(correction: correction), ()) }
        return EntryCorrectionOutcome(
            history: try await entryHistory(entry.id), ledger: [], balance: nil)
    }

    /// Voids an entry: it stays in history (with the reason) but counts
    /// nowhere any more. What it earned is taken back by new ledger lines,
    /// never deleted (at most what the balance still holds: what was spent
    /// stays spent). Its risk flags stay until acknowledged.
    ///
    /// - Throws: ``PracticeError`` `.invalidInput` without a reason,
    ///   `.refused` for an entry voided or corrected meanwhile; nothing is written then.
    public func voidEntry(_ entryID: String, reason: String) async throws
        -> EntryCorrectionOutcome
    {
        let entry = try await correctable(entryID, reason: reason)
        let now = clock.now()
        let correction = EntryCorrection(
            entryID: entry.id, action: .void, revision: entry.revision, reason: reason, at: now)
        let (reversed, state, assignment) = try await correct(entry) { snapshot in
            var state = try Self.assignmentState(snapshot.assignment, stored: snapshot.state)
            let before = state.reinforcement.ledger
            let earned = try Self.storedLines(snapshot.entryEvents).filter { $0.kind == .earn }
            for line in earned {
                try state.reinforcement.ledger.reverse(
                    earning: line.number, at: now, reason: "entry voided")
            }
            var events = try Self.ledgerLines(
                of: state.reinforcement.ledger, after: before, at: now)
            // Whatever else the entry was given (draws, reinforcers) is marked void too.
            let given = snapshot.entryEvents.filter { $0.kind != Self.ledgerKind }.map(\.seq)
            if !given.isEmpty {
                events.append(
                    NewLedgerEvent(
                        at: now, kind: "void",
                        payload: [
                            "entry": .string(entry.id),
                            "reverses": .array(given.map { .int(Int64($0)) }),
                        ]))
            }
            let lines = Array(state.reinforcement.ledger.lines.dropFirst(before.lines.count))
            // Nothing taken back keeps the state as stored. Typed, because a
            // bare `nil` here is `Value`'s own nil literal, `.null`, which
            // stored the state as null.
            let changed: Value? = lines.isEmpty ? nil : try Value(encoding: state)
            return (
                EngineWrite(correction: correction, engineState: changed, events: events),
                (lines, state, snapshot.assignment)
            )
        }
        return EntryCorrectionOutcome(
            history: try await entryHistory(entry.id), ledger: reversed,
            balance: Self.balance(assignment, state))
    }

    /// The entry, when it can be corrected: it exists, is not void, and a reason is given.
    private func correctable(_ entryID: String, reason: String) async throws -> Entry {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw PracticeError(
                .invalidInput,
                "give a reason for the correction (--reason); it is kept with the entry's history")
        }
        let entry = try await storedEntry(entryID)
        guard !entry.voided else {
            throw PracticeError(
                .refused,
                "entry \(entry.id) is void and cannot be corrected; log a new entry instead")
        }
        return entry
    }

    private func storedEntry(_ entryID: String) async throws -> Entry {
        do {
            return try await store.entry(id: entryID)
        } catch let error as StoreError where error.code == .notFound {
            throw PracticeError(
                .notFound,
                "no entry '\(entryID)'; see the ids with 'carryover history CLIENT --json'",
                cause: error)
        }
    }

    /// Writes a correction through the engine's one write, with the store's
    /// refusals (corrected meanwhile, void) as the practice's.
    private func correct<T: Sendable>(
        _ entry: Entry, _ body: @escaping @Sendable (EngineSnapshot) throws -> (EngineWrite, T)
    ) async throws -> T {
        do {
            let value = try await store.writeEngine(
                assignmentID: entry.assignmentID, entryID: entry.id
            ) { snapshot in
                let (write, value) = try body(snapshot)
                return (try Self.changingEntries(write, snapshot), value)
            }.value
            // Best effort: a digest not kept is computed by the caseload instead.
            try? await refreshDigest(assignmentID: entry.assignmentID)
            return value
        } catch let error as StoreError where error.code == .conflict {
            throw PracticeError(.refused, error.message, cause: error)
        }
    }
}
