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
    /// The step or level this entry completed, in words ("Step 1 mastered:
    /// next is step 2 of 5 (...)"); nil when it changed none.
    public var progressChange: String? = nil
    /// ``progress`` in words (see ``PluginProgressText``).
    public var progressSummary: String? = nil
    /// The homework type's scores in its order, with their titles.
    public var scoreTitles = ScoreTitles()
}

extension Practice {
    /// Validates, scores and records one entry with everything it changes,
    /// in one store transaction.
    ///
    /// - Throws: ``PracticeError`` `.entryRejected` with every problem field
    ///   by field (nothing is written), `.notActive` for a paused or ended
    ///   assignment, or the plugin's ``SandboxError``.
    ///
    /// Every hook sees the entry's moment (`performedAt`, else now) as
    /// `clock.now()` (``EntryMoment``).
    public func log(assignmentID: String, fields: Value, performedAt: Date? = nil) async throws
        -> LogOutcome
    {
        try await EntryMoment.$current.withValue(performedAt ?? clock.now()) {
            try await logEntry(assignmentID: assignmentID, fields: fields, performedAt: performedAt)
        }
    }

    private func logEntry(assignmentID: String, fields: Value, performedAt: Date?) async throws
        -> LogOutcome
    {
        let assignment = try await assignment(assignmentID)
        guard assignment.status == .active else {
            throw PracticeError(
                .notActive,
                "assignment \(assignment.id) is \(assignment.status.rawValue); "
                    + "resume it with 'carryover assignment resume \(assignment.id)' first")
        }
        let now = clock.now()
        let performed = performedAt ?? now
        try Entry.checkPerformedAt(performed, now: now)
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
            fields: fields, scores: try type.score(entry: fields, params: params, scope: scope))
        var state = try await assignmentState(assignment)
        let progressBefore = state.progress
        if type.declaration.hooks.contains(.advance) {
            state.progress = try type.advance(
                state: state.progress, entry: fields, params: params, scope: scope)
        }
        let occurrence = assignment.schedule.occurrence(
            for: performed, excluding: assignment.pauses(until: now))
        let events = try reinforce(assignment, state: &state, occurrence: occurrence, at: performed)
        let change = PluginProgressText.change(
            homeworkType: assignment.homeworkType, params: params, from: progressBefore,
            to: state.progress)
        let stored = try await store.record(
            EntryRecording(
                entry: entry, engineState: try Value(encoding: state),
                events: try events.map { try Self.ledgerEvent($0, at: now) }
                    + Self.progressEvent(
                        change, from: progressBefore, to: state.progress, at: performed)))
        _ = stored
        let progress = try await progress(
            of: assignment, now: now, withFields: false, loaded: type)
        var outcome = LogOutcome(
            entry: entry, feedback: try type.feedback(entry: fields, params: params, scope: scope),
            flags: try type.flags(entry: fields, params: params, scope: scope),
            reinforcement: events, balance: Self.balance(assignment, state),
            completion: progress.completion, occurrence: occurrence, next: progress.next,
            progress: state.progress)
        outcome.progressChange = change
        outcome.progressSummary = progress.progressSummary
        outcome.scoreTitles = ScoreTitles(type.declaration)
        return outcome
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

    /// A step or level mastered, kept in the ledger as it happened so the
    /// report can date each one ("progress": `from`, `to`, `change`).
    static func progressEvent(_ change: String?, from: Value, to: Value, at: Date)
        -> [NewLedgerEvent]
    {
        guard let change else { return [] }
        return [
            NewLedgerEvent(
                at: at, kind: progressEventKind,
                payload: ["from": from, "to": to, "change": .string(change)])
        ]
    }

    /// The ledger event kind of a progress change.
    static let progressEventKind = "progress"

    /// The balance line for token and voucher schedules.
    static func balance(_ assignment: Assignment, _ state: AssignmentState) -> String? {
        guard let unit = assignment.reinforcement.schedule.ledgerUnit else { return nil }
        return unit.format(state.reinforcement.ledger.balance)
    }
}
