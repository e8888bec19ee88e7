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
    /// The client's time zone, in which a front end shows the outcome.
    public var timeZone = "UTC"
    /// The ledger events the entry wrote, as the store numbered them.
    public var ledger: [LedgerEvent] = []
    /// The current streak after this entry (scheduled times done in a row).
    public var streak = 0
    /// Whether the entry was stored before (a portal form sent twice): then
    /// nothing new was stored and `reinforcement` is empty.
    public var replayed = false
}

extension Practice {
    /// Validates, scores and records one entry with everything it changes.
    ///
    /// One pass: the homework type is loaded once, already scoped to the
    /// client; `validate`, `score`, `flags` and `feedback` each run once,
    /// before the one write, the scores passed on to the hooks after `score`;
    /// `advance` runs inside the write, which reads the state it changes. The
    /// entry, its flags, the engine state and the ledger lines are written in
    /// one store transaction: a failing hook or a concurrent writer can never
    /// leave half an entry or a lost update.
    ///
    /// - Throws: ``PracticeError`` `.entryRejected` with every problem field
    ///   by field, `.pluginFailed` naming the plugin and hook, `.notActive`
    ///   for a paused or ended assignment, `.revoked` / `.notFound` when its
    ///   homework type's pack was revoked or removed; nothing is written then.
    ///
    /// Every hook sees the entry's moment (`performedAt`, else now) as
    /// `clock.now()` (`EntryMoment`).
    ///
    /// `source` and `recordedBy` (default: the acting person) are kept with
    /// the entry and in the audit journal. With an `idempotencyKey` (a portal
    /// form's), a second call with the same key stores nothing and answers
    /// for the entry stored the first time. `quality` is the client's own
    /// rating of how well it went (1-5), for the session review.
    public func log(
        assignmentID: String, fields: Value, performedAt: Date? = nil,
        source: EntrySource = .therapist, recordedBy: String? = nil,
        idempotencyKey: String? = nil, quality: Int? = nil
    ) async throws -> LogOutcome {
        try await log(
            assignmentID: assignmentID, fields: fields, source: source, recordedBy: recordedBy,
            idempotencyKey: idempotencyKey, quality: quality
        ) { _ in performedAt }
    }

    /// Logs an entry whose moment a front end reads in the client's time
    /// zone (`log --at "2026-12-01 19:30"`): `performedAt` gets the client's
    /// zone and gives the moment (nil for now). The one call a front end makes.
    public func log(
        assignmentID: String, fields: Value, source: EntrySource = .therapist,
        recordedBy: String? = nil, idempotencyKey: String? = nil, quality: Int? = nil,
        performedAt: (_ clientTimeZone: String) throws -> Date?
    ) async throws -> LogOutcome {
        try await record(
            NewEntry(
                kind: .homework, fields: fields, source: source,
                recordedBy: recordedBy ?? actor.name, quality: quality),
            assignmentID: assignmentID, idempotencyKey: idempotencyKey, performedAt: performedAt)
    }

    /// What is recorded, before the engine has seen it.
    struct NewEntry: Sendable {
        var kind: EntryKind
        var fields: Value
        var source: EntrySource
        var recordedBy: String
        var supporterID: String? = nil
        /// For a supporter's confirmation: whether it counts (the grant's word).
        var counts: Bool? = nil
        var quality: Int? = nil
    }

    /// Records one entry of any kind: the homework (validated, scored and
    /// flagged by its plugin), or a supporter's confirmation or informant
    /// form (checked against their own fields; no hook runs on them).
    /// `performedAt` gets the client's zone and gives the moment (nil for now).
    func record(
        _ new: NewEntry, assignmentID: String, idempotencyKey: String?,
        performedAt: (_ clientTimeZone: String) throws -> Date? = { _ in nil }
    ) async throws -> LogOutcome {
        let assignment = try await assignment(assignmentID)
        return try await record(
            new, assignment: assignment,
            timeZone: try await client(assignment.clientID).timeZone,
            idempotencyKey: idempotencyKey, performedAt: performedAt)
    }

    /// ``record(_:assignmentID:idempotencyKey:performedAt:)`` with the
    /// assignment and its client's time zone read before (the portal reads
    /// them once per request); the write reads the assignment as stored.
    func record(
        _ new: NewEntry, assignment: Assignment, timeZone: String, idempotencyKey: String?,
        performedAt: (_ clientTimeZone: String) throws -> Date? = { _ in nil }
    ) async throws -> LogOutcome {
        var outcome: LogOutcome
        if let key = idempotencyKey,
            let stored = try await store.entryID(idempotencyKey: key, clientID: assignment.clientID)
        {
            outcome = try await replay(stored, of: assignment)
        } else {
            let now = clock.now()
            let performed = try performedAt(timeZone) ?? now
            outcome = try await EntryMoment.$current.withValue(performed) {
                try await recordEntry(
                    new, assignment: assignment, performed: performed, now: now,
                    idempotencyKey: idempotencyKey)
            }
        }
        outcome.timeZone = timeZone
        return outcome
    }

    private func recordEntry(
        _ new: NewEntry, assignment: Assignment, performed: Date, now: Date,
        idempotencyKey: String?
    ) async throws -> LogOutcome {
        try Self.requireActive(assignment)
        try Entry.checkPerformedAt(performed, now: now)
        if let quality = new.quality, !QualityRating.scale.contains(quality) {
            throw PracticeError(
                .invalidInput, "a quality rating is a whole number from 1 to 5, not \(quality)")
        }
        let type = try loggableType(of: assignment)
        let hooks = EntryHooks(
            type, assignmentParams: assignment.params, clientID: assignment.clientID,
            usage: usage)
        var checked = CheckedEntry()
        if new.kind == .homework {
            checked = try hooks.check(new.fields, feedback: true)
        } else {
            try Self.checkSupporterFields(new.fields, of: new.kind, type: type.declaration)
        }
        let entry = Entry(
            id: UUID().uuidString.lowercased(), assignmentID: assignment.id,
            clientID: assignment.clientID, homeworkType: assignment.homeworkType,
            homeworkVersion: assignment.homeworkVersion, performedAt: performed, loggedAt: now,
            fields: new.fields, scores: checked.scores, flags: checked.flags, source: new.source,
            recordedBy: new.recordedBy, kind: new.kind, counts: new.counts,
            supporterID: new.supporterID, quality: new.quality)
        let advances = new.kind == .homework && type.declaration.hooks.contains(.advance)
        let result: LoggedChange
        let ledger: [LedgerEvent]
        do {
            (result, ledger) = try await write(
                entry, hooks: hooks, advances: advances, now: now, idempotencyKey: idempotencyKey)
        } catch let error as StoreError where error.code == .duplicate && idempotencyKey != nil {
            // The same form, sent twice at once: the other request stored it.
            guard
                let stored = try await store.entryID(
                    idempotencyKey: idempotencyKey!, clientID: assignment.clientID)
            else { throw error }
            return try await replay(stored, of: assignment)
        }
        // What the entry completed and what is next, from the entries the write read.
        let history = result.history
        var outcome = LogOutcome(
            entry: entry, feedback: checked.feedback, flags: checked.flags,
            reinforcement: result.events, balance: Self.balance(result.assignment, result.state),
            completion: try history.completion(), occurrence: result.occurrence,
            next: history.next(), progress: result.state.progress)
        outcome.progressChange = result.progressChange
        outcome.progressSummary = Self.progressSummary(
            homeworkType: assignment.homeworkType, advances: advances, params: hooks.params,
            state: result.state.progress)
        outcome.scoreTitles = ScoreTitles(type.declaration)
        outcome.streak =
            StreakSummary(outcomes: history.outcomes, now: history.now, grace: history.grace)
            .current
        outcome.ledger = ledger
        return outcome
    }

    /// The one write of a logged entry: the engine computed from the state
    /// as stored, inside the store's write transaction, which also reads the
    /// assignment's entries so the progress digest is kept in the same
    /// write (Practice+Digest) and the outcome needs no read after it.
    private func write(
        _ entry: Entry, hooks: EntryHooks, advances: Bool, now: Date, idempotencyKey: String?
    ) async throws -> (LoggedChange, [LedgerEvent]) {
        let (fields, performed) = (entry.fields, entry.performedAt)
        return try await store.writeEngine(
            assignmentID: entry.assignmentID, entryID: nil, readingEntries: true
        ) { snapshot in
            let current = snapshot.assignment
            try Self.requireActive(current)
            var state = try Self.assignmentState(current, stored: snapshot.state)
            state.entryRevision = (state.entryRevision ?? 0) + 1
            // The progress digest with this entry, kept in this same write (Practice+Digest).
            guard let stored = snapshot.entries else {
                throw StoreError(
                    .unsupported,
                    "The store did not read the assignment's entries in its write (a bug in "
                        + "carryover); nothing was written.")
            }
            let entries = Self.adding(entry, to: stored)
            let history = OccurrenceHistory(assignment: current, entries: entries, now: now)
            state.digest = Self.digest(
                history, entries: entries, revision: state.entryRevision ?? 0)
            // An entry that does not count changes neither reinforcement nor the ledger.
            guard entry.counts else {
                return (
                    EngineWrite(
                        entry: entry, engineState: try Value(encoding: state),
                        idempotencyKey: idempotencyKey),
                    LoggedChange(
                        assignment: current, state: state, occurrence: nil, events: [],
                        progressChange: nil, history: history)
                )
            }
            let progressBefore = state.progress
            if advances {
                // The write runs on the store's thread: the entry's moment goes with it.
                state.progress = try EntryMoment.$current.withValue(performed) {
                    try hooks.advance(state.progress, fields)
                }
            }
            let occurrence = AssignmentTimeline(current).occurrence(
                for: performed, excluding: current.pauses(until: now))
            let before = state.reinforcement.ledger
            let events = try Self.reinforce(
                current, state: &state, occurrence: occurrence, at: performed)
            let change = PluginProgressText.change(
                homeworkType: current.homeworkType, params: hooks.params, from: progressBefore,
                to: state.progress)
            let write = EngineWrite(
                entry: entry, engineState: try Value(encoding: state),
                events: try events.map { try Self.ledgerEvent($0, at: now) }
                    + Self.ledgerLines(of: state.reinforcement.ledger, after: before, at: now)
                    + Self.progressEvent(
                        change, from: progressBefore, to: state.progress, at: performed),
                idempotencyKey: idempotencyKey)
            return (
                write,
                LoggedChange(
                    assignment: current, state: state, occurrence: occurrence, events: events,
                    progressChange: change, history: history)
            )
        }
    }

    /// `entries` as the store would list them with `entry` stored too: by
    /// time performed, then id.
    static func adding(_ entry: Entry, to entries: [Entry]) -> [Entry] {
        var all = entries
        let at =
            all.lastIndex {
                ($0.performedAt, $0.id) < (entry.performedAt, entry.id)
            }.map { $0 + 1 } ?? 0
        all.insert(entry, at: at)
        return all
    }

    /// What the write of a logged entry computed from the stored state.
    private struct LoggedChange: Sendable {
        let assignment: Assignment
        let state: AssignmentState
        let occurrence: Occurrence?
        let events: [ReinforcementEvent]
        let progressChange: String?
        /// The assignment's occurrences with the entries as stored after the write.
        let history: OccurrenceHistory
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
        // A null state is what a void without reinforcement wrote before
        // 2026-12-07: read it as no state yet, as the engine starts one.
        guard let stored, stored != .null else {
            return AssignmentState(startedAt: assignment.createdAt)
        }
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
