import CarryoverCore
import CarryoverLua
import CarryoverStore
import Foundation

/// What the engine answers at once when an entry is logged: positive
/// reinforcement is immediate or it is weak.
public struct LogOutcome: Sendable {
    public var entry: Entry
    public var feedback: String?
    /// The plugin's flags on this entry, risk first (also stored with it).
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
    /// Validates, scores and records one entry with everything it changes.
    ///
    /// Every hook (validate, score, feedback, flags, advance) runs before the
    /// one write, and the entry, its flags, the engine state and the ledger
    /// lines are written in one store transaction that reads the state it
    /// changes: a failing hook or a concurrent writer can never leave half an
    /// entry or a lost update.
    ///
    /// - Throws: ``PracticeError`` `.entryRejected` with every problem field
    ///   by field, `.pluginFailed` naming the plugin and hook, `.notActive`
    ///   for a paused or ended assignment, `.revoked` / `.notFound` when its
    ///   homework type's pack was revoked or removed; nothing is written then.
    ///
    /// Every hook sees the entry's moment (`performedAt`, else now) as
    /// `clock.now()` (`EntryMoment`).
    public func log(
        assignmentID: String, fields: Value, performedAt: Date? = nil,
        source: EntrySource = .therapist
    ) async throws -> LogOutcome {
        try await EntryMoment.$current.withValue(performedAt ?? clock.now()) {
            try await logEntry(
                assignmentID: assignmentID, fields: fields, performedAt: performedAt,
                source: source)
        }
    }

    private func logEntry(
        assignmentID: String, fields: Value, performedAt: Date?, source: EntrySource
    ) async throws -> LogOutcome {
        let assignment = try await assignment(assignmentID)
        try Self.requireActive(assignment)
        let now = clock.now()
        let performed = performedAt ?? now
        try Entry.checkPerformedAt(performed, now: now)
        let type = try loggableType(of: assignment)
        let params = type.declaration.applyingParamDefaults(to: assignment.params)
        let hooks = EntryHooks(
            type, assignmentParams: assignment.params, clientID: assignment.clientID)
        let (scores, flags) = try hooks.check(fields)
        let feedback = try hooks.feedback(fields)
        let entry = Entry(
            id: UUID().uuidString.lowercased(), assignmentID: assignment.id,
            clientID: assignment.clientID, homeworkType: assignment.homeworkType,
            homeworkVersion: assignment.homeworkVersion, performedAt: performed, loggedAt: now,
            fields: fields, scores: scores, flags: flags, source: source,
            recordedBy: actor.name)
        let advances = type.declaration.hooks.contains(.advance)
        let result = try await store.writeEngine(assignmentID: assignment.id, entryID: nil) {
            snapshot in
            let current = snapshot.assignment
            try Self.requireActive(current)
            var state = try Self.assignmentState(current, stored: snapshot.state)
            let progressBefore = state.progress
            if advances { state.progress = try hooks.advance(state.progress, fields) }
            let occurrence = AssignmentTimeline(current).occurrence(
                for: performed, excluding: current.pauses(until: now))
            let before = state.reinforcement.ledger
            let events = try Self.reinforce(
                current, state: &state, occurrence: occurrence, at: performed)
            let change = PluginProgressText.change(
                homeworkType: current.homeworkType, params: params, from: progressBefore,
                to: state.progress)
            let write = EngineWrite(
                entry: entry, engineState: try Value(encoding: state),
                events: try events.map { try Self.ledgerEvent($0, at: now) }
                    + Self.ledgerLines(of: state.reinforcement.ledger, after: before, at: now)
                    + Self.progressEvent(
                        change, from: progressBefore, to: state.progress, at: performed))
            return (
                write,
                LoggedChange(
                    assignment: current, state: state, occurrence: occurrence, events: events,
                    progressChange: change)
            )
        }.value
        let progress = try await progress(
            of: result.assignment, now: now, withFields: false, loaded: type)
        var outcome = LogOutcome(
            entry: entry, feedback: feedback, flags: flags, reinforcement: result.events,
            balance: Self.balance(result.assignment, result.state),
            completion: progress.completion, occurrence: result.occurrence, next: progress.next,
            progress: result.state.progress)
        outcome.progressChange = result.progressChange
        outcome.progressSummary = progress.progressSummary
        outcome.scoreTitles = ScoreTitles(type.declaration)
        return outcome
    }

    /// What the write of a logged entry computed from the stored state.
    private struct LoggedChange: Sendable {
        let assignment: Assignment
        let state: AssignmentState
        let occurrence: Occurrence?
        let events: [ReinforcementEvent]
        let progressChange: String?
    }

    /// Entries go to active assignments only.
    static func requireActive(_ assignment: Assignment) throws {
        guard assignment.status == .active else {
            throw PracticeError(
                .notActive,
                "assignment \(assignment.id) is \(assignment.status.rawValue); "
                    + "resume it with 'carryover assignment resume \(assignment.id)' first")
        }
    }

    /// Tells the reinforcement schedule about this response and about every
    /// occurrence since the last one reported: missed ones first, then the
    /// one this entry completes. Each event goes to the plan of the version
    /// it belongs to.
    static func reinforce(
        _ assignment: Assignment, state: inout AssignmentState, occurrence: Occurrence?, at: Date
    ) throws -> [ReinforcementEvent] {
        let timeline = AssignmentTimeline(assignment)
        var homeworkEvents: [(HomeworkEvent, ReinforcementPlan)] = [
            (.entry(at: at), timeline.period(at: at).reinforcement)
        ]
        if let occurrence, occurrence.index >= state.reported {
            for missed in state.reported..<occurrence.index {
                homeworkEvents.append(
                    (.missed(occurrence: missed, at: at), timeline.period(of: missed).reinforcement)
                )
            }
            homeworkEvents.append(
                (
                    .completed(occurrence: occurrence.index, at: at),
                    timeline.period(of: occurrence.index).reinforcement
                ))
            state.reported = occurrence.index + 1
        }
        var events: [ReinforcementEvent] = []
        for (event, plan) in homeworkEvents {
            let result = try plan.apply(event, to: state.reinforcement, seed: assignment.seed)
            state.reinforcement = result.state
            events += result.events
        }
        return events
    }

    /// The assignment's engine state, or a fresh one before its first entry.
    func assignmentState(_ assignment: Assignment) async throws -> AssignmentState {
        try Self.assignmentState(
            assignment, stored: try await store.engineState(assignmentID: assignment.id))
    }

    /// A stored engine state decoded, or a fresh one when there is none yet.
    static func assignmentState(_ assignment: Assignment, stored: Value?) throws
        -> AssignmentState
    {
        guard let stored else { return AssignmentState(startedAt: assignment.createdAt) }
        return try stored.decode(as: AssignmentState.self)
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

    /// The token ledger's lines added since `before`, as ledger events of
    /// kind `ledger`: every line that moves a balance is in the store's
    /// ledger, so the balance can be summed from it.
    static func ledgerLines(of ledger: TokenLedger, after before: TokenLedger, at: Date) throws
        -> [NewLedgerEvent]
    {
        try ledger.lines.dropFirst(before.lines.count).map {
            NewLedgerEvent(at: at, kind: ledgerKind, payload: try Value(encoding: $0))
        }
    }

    /// The kind of the ledger events that hold token ledger lines.
    public static let ledgerKind = "ledger"

    /// The balance line for token and voucher schedules.
    static func balance(_ assignment: Assignment, _ state: AssignmentState) -> String? {
        guard let unit = assignment.reinforcement.schedule.ledgerUnit else { return nil }
        return unit.format(state.reinforcement.ledger.balance)
    }
}
