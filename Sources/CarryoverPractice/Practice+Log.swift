import CarryoverCore
import CarryoverLua
import CarryoverStore
import Foundation

/// What the engine answers at once when an entry is logged: positive
/// reinforcement is immediate or it is weak.
public struct LogOutcome: Sendable {
    public var entry: Entry
    public var feedback: String?
    public var flags: [PluginFlag]
    public var reinforcement: [ReinforcementEvent]
    /// Token or voucher balance after this entry, formatted ("12 tokens", "$10.00").
    public var balance: String?
    public var completion: CompletionStatus
    /// The occurrence the entry counted for, if it fell inside one.
    public var occurrence: Occurrence?
    /// The next occurrence still ahead.
    public var next: Occurrence?
    /// The plugin's progress state after this entry.
    public var progress: Value
    /// The current streak after this entry (occurrences done in a row).
    public var streak = 0
    /// Whether the entry was stored before (a portal form sent twice): then
    /// nothing new was stored and `reinforcement` is empty.
    public var replayed = false
}

extension Practice {
    /// Validates, scores and records one entry with everything it changes,
    /// in one store transaction.
    ///
    /// - Throws: ``PracticeError`` `.entryRejected` with every problem field
    ///   by field (nothing is written), `.notActive` for a paused or ended
    ///   assignment, or the plugin's ``SandboxError``.
    ///
    /// `source` is recorded with the entry and in the audit journal. With an
    /// `idempotencyKey` (a portal form's), a second call with the same key
    /// stores nothing and answers for the entry stored the first time.
    public func log(
        assignmentID: String, fields: Value, performedAt: Date? = nil,
        source: EntrySource? = nil, idempotencyKey: String? = nil
    ) async throws -> LogOutcome {
        let assignment = try await assignment(assignmentID)
        if let key = idempotencyKey,
            let stored = try await store.entryID(idempotencyKey: key, clientID: assignment.clientID)
        {
            return try await replay(stored, of: assignment)
        }
        guard assignment.status == .active else {
            throw PracticeError(
                .notActive,
                "assignment \(assignment.id) is \(assignment.status.rawValue); "
                    + "resume it with 'carryover assignment resume \(assignment.id)' first")
        }
        let now = clock.now()
        let performed = performedAt ?? now
        let type = try homeworkType(
            assignment.homeworkType, version: assignment.homeworkVersion, seed: assignment.seed)
        let params = type.declaration.applyingParamDefaults(to: assignment.params)
        let scope = assignment.clientID
        let problems = try type.validate(entry: fields, params: params, scope: scope)
        guard problems.isEmpty else {
            throw PracticeError(
                .entryRejected, "the entry has \(problems.count) problem(s); nothing was saved",
                problems: problems)
        }
        let entry = Entry(
            id: UUID().uuidString.lowercased(), assignmentID: assignment.id,
            clientID: assignment.clientID, homeworkType: assignment.homeworkType,
            homeworkVersion: assignment.homeworkVersion, performedAt: performed, loggedAt: now,
            fields: fields, scores: try type.score(entry: fields, params: params, scope: scope),
            source: source)
        var state = try await assignmentState(assignment)
        if type.declaration.hooks.contains(.advance) {
            state.progress = try type.advance(
                state: state.progress, entry: fields, params: params, scope: scope)
        }
        let occurrence = assignment.schedule.occurrence(
            for: performed, excluding: assignment.pauses(until: now))
        let events = try reinforce(assignment, state: &state, occurrence: occurrence, at: performed)
        do {
            _ = try await store.record(
                EntryRecording(
                    entry: entry, engineState: try Value(encoding: state),
                    events: try events.map { try Self.ledgerEvent($0, at: now) },
                    idempotencyKey: idempotencyKey))
        } catch let error as StoreError where error.code == .duplicate && idempotencyKey != nil {
            // The same form, sent twice at once: the other request stored it.
            guard
                let stored = try await store.entryID(
                    idempotencyKey: idempotencyKey!, clientID: assignment.clientID)
            else { throw error }
            return try await replay(stored, of: assignment)
        }
        let progress = try await progress(
            of: assignment, now: now, withFields: false, loaded: type)
        return LogOutcome(
            entry: entry, feedback: try type.feedback(entry: fields, params: params, scope: scope),
            flags: try type.flags(entry: fields, params: params, scope: scope),
            reinforcement: events, balance: Self.balance(assignment, state),
            completion: progress.completion, occurrence: occurrence, next: progress.next,
            progress: state.progress, streak: progress.streak.current)
    }

    /// Tells the reinforcement schedule about this response and about every
    /// occurrence since the last one reported: missed ones first, then the
    /// one this entry completes.
    func reinforce(
        _ assignment: Assignment, state: inout AssignmentState, occurrence: Occurrence?, at: Date
    ) throws -> [ReinforcementEvent] {
        var homeworkEvents: [HomeworkEvent] = [.entry(at: at)]
        if let occurrence, occurrence.index >= state.reported {
            for missed in state.reported..<occurrence.index {
                homeworkEvents.append(.missed(occurrence: missed, at: at))
            }
            homeworkEvents.append(.completed(occurrence: occurrence.index, at: at))
            state.reported = occurrence.index + 1
        }
        var events: [ReinforcementEvent] = []
        for event in homeworkEvents {
            let result = try assignment.reinforcement.apply(
                event, to: state.reinforcement, seed: assignment.seed)
            state.reinforcement = result.state
            events += result.events
        }
        return events
    }

    /// The assignment's engine state, or a fresh one before its first entry.
    func assignmentState(_ assignment: Assignment) async throws -> AssignmentState {
        guard let value = try await store.engineState(assignmentID: assignment.id) else {
            return AssignmentState(startedAt: assignment.createdAt)
        }
        return try value.decode(as: AssignmentState.self)
    }

    /// A reinforcement event as a ledger line, named by its case.
    static func ledgerEvent(_ event: ReinforcementEvent, at: Date) throws -> NewLedgerEvent {
        let payload = try Value(encoding: event)
        let kind = payload.object?.keys.sorted().first ?? "event"
        return NewLedgerEvent(at: at, kind: kind, payload: payload)
    }

    /// The balance line for token and voucher schedules.
    static func balance(_ assignment: Assignment, _ state: AssignmentState) -> String? {
        guard let unit = assignment.reinforcement.schedule.ledgerUnit else { return nil }
        return unit.format(state.reinforcement.ledger.balance)
    }
}
