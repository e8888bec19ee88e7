import CarryoverCore
import CarryoverLua
import CarryoverStore
import Foundation

/// Where one assignment stands: adherence, streaks, scores, completion,
/// rewards, flags and what is next.
public struct AssignmentProgress: Sendable {
    public var assignment: Assignment
    /// The homework type's title when it was assigned.
    public var title: String
    public var adherence: AdherenceReport
    public var streak: StreakSummary
    public var trends: [ScoreTrend]
    public var completion: CompletionStatus
    /// Formatted token or voucher balance, for ledger-based reinforcement.
    public var balance: String?
    /// Non-adherence flags with the likely barrier and a suggested change.
    public var barrierFlags: [ProgressFlag]
    /// The latest entry's flags that need no acknowledgement (its risk
    /// flags are in ``openFlags`` until acknowledged). For an entry stored
    /// before flags were kept: all its flags, risk first, as its plugin computes them.
    public var pluginFlags: [PluginFlag]
    /// Risk flags on any of its entries that no therapist has acknowledged yet.
    public var openFlags: [RaisedFlag]
    /// The next time due, for an active assignment only.
    public var next: Occurrence?
    /// The assignment's entries, oldest first; their `fields` are `.null`
    /// unless progress was asked for `withFields` (status needs only times and scores).
    /// Supporters' confirmations and informant forms are among them; only
    /// those that count (`Entry.counts`) were matched to occurrences.
    public var entries: [Entry]
    /// Each occurrence opened so far with the counting entries it got.
    public var outcomes: [OccurrenceOutcome] = []
    /// The plugin's own progress state (`advance`): ladder step, speech
    /// level; `.null` before the first entry or without an `advance` hook.
    public var pluginProgress: Value = .null
    /// ``pluginProgress`` in words (see ``PluginProgressText``); nil when the
    /// homework type keeps no progress state.
    public var progressSummary: String?
    /// The homework type's scores in its order with their titles (empty
    /// when nothing was logged yet, or its pack is gone).
    public var scoreTitles = ScoreTitles()
    /// For a type with readings: every attempt's score and the first that passed.
    public var readingAttempts: ReadingAttempts? = nil
}

extension Practice {
    /// Progress of one assignment at the practice clock's now.
    ///
    /// It reads what was stored (scores, flags, the type's title, scores and
    /// params' defaults kept with the assignment), so it works whatever
    /// happened to the homework type's pack since and loads no plugin; only
    /// an assignment or a latest entry stored before those were kept has its
    /// type loaded, when it still loads.
    public func progress(of assignment: Assignment, now: Date? = nil, withFields: Bool = false)
        async throws -> AssignmentProgress
    {
        // Times, scores and flags are all progress needs.
        let entries = try await store.entries(
            .init(assignmentID: assignment.id, includeFields: withFields))
        let state = try await assignmentState(assignment)
        let open = try await store.flags(FlagQuery(assignmentID: assignment.id, openOnly: true))
        return try await progress(
            of: assignment, entries: entries, state: state, openFlags: open,
            now: now ?? clock.now())
    }

    /// Progress from the assignment's entries (oldest first), engine state
    /// and open flags as stored.
    func progress(
        of assignment: Assignment, entries: [Entry], state: AssignmentState,
        openFlags: [RaisedFlag], now: Date
    ) async throws -> AssignmentProgress {
        let history = OccurrenceHistory(assignment: assignment, entries: entries, now: now)
        let outcomes = history.outcomes
        let (now, grace, zone) = (history.now, history.grace, history.timeZone)
        // Only an assignment made before its declaration was kept loads its type.
        let declared =
            try assignment.declared
            ?? (entries.isEmpty
                ? nil
                : try homeworkTypeIfItLoads(
                    assignment.homeworkType, version: assignment.homeworkVersion,
                    seed: assignment.seed
                ).map { DeclaredHomework($0.declaration) })
        // Most assignments have only homework entries: no copy of them then.
        let homework =
            entries.allSatisfy { $0.kind == .homework }
            ? entries : entries.filter { $0.kind == .homework }
        var result = AssignmentProgress(
            assignment: assignment,
            title: title(of: assignment),
            adherence: history.adherence(), streak: history.streak(),
            trends: ScoreTrend.trends(in: homework),
            completion: try history.completion(),
            balance: Self.balance(assignment, state),
            barrierFlags: assignment.status.isFinal
                ? []
                : BarrierRules.standard.flags(
                    for: outcomes, now: now, grace: grace, timeZone: zone),
            pluginFlags: try await latestFlags(assignment, entries: homework),
            openFlags: openFlags,
            next: history.next(), entries: entries)
        result.outcomes = outcomes
        result.pluginProgress = state.progress
        let params = declared?.applyingParamDefaults(to: assignment.params) ?? assignment.params
        result.progressSummary = Self.progressSummary(
            homeworkType: assignment.homeworkType, advances: declared?.advances, params: params,
            state: state.progress)
        if declared?.hasReadings == true {
            result.readingAttempts = ReadingAttempts(
                entries: entries, passMark: params["pass_mark"]?.number ?? 0)
        }
        result.scoreTitles = declared.map(ScoreTitles.init) ?? ScoreTitles()
        let order = result.scoreTitles.ordered(result.trends.map(\.name))
        result.trends.sort { order.firstIndex(of: $0.name)! < order.firstIndex(of: $1.name)! }
        return result
    }

    /// The plugin's progress state in words, for a type that keeps one
    /// (`advances`; when not known, one with a state or a built-in that keeps one).
    static func progressSummary(
        homeworkType: String, advances: Bool?, params: Value, state: Value
    ) -> String? {
        let builtIn = [ProgressMapping.exposureLadder, ProgressMapping.speechPractice]
        guard advances ?? (state != .null || builtIn.contains(homeworkType)) else { return nil }
        return PluginProgressText.summary(homeworkType: homeworkType, params: params, state: state)
    }

    /// The homework type's title as assigned; for assignments made before
    /// titles were kept, the catalogue's (or its id when the pack is gone).
    func title(of assignment: Assignment) -> String {
        assignment.homeworkTitle
            ?? (try? catalogue.source(
                id: assignment.homeworkType, version: assignment.homeworkVersion))?.title
            ?? assignment.homeworkType
    }

    /// The flags stored with the latest entry, risk first. An entry stored
    /// before flags were kept has them computed by its plugin, when it still loads.
    func latestFlags(_ assignment: Assignment, entries: [Entry]) async throws
        -> [PluginFlag]
    {
        // Entries come oldest first (performed, then id), as the store orders them.
        guard let newest = entries.last else { return [] }
        if let flags = newest.flags { return flags.filter { !$0.needsAcknowledgement } }
        guard newest.homeworkVersion == assignment.homeworkVersion,
            let type = try loggableTypeIfItLoads(of: assignment)
        else { return [] }
        let latest = try await store.entry(id: newest.id)
        // As when it was logged, the hook sees the entry's own moment.
        let flags = EntryMoment.$current.withValue(latest.performedAt) {
            try? EntryHooks(
                type, assignmentParams: assignment.params, clientID: assignment.clientID,
                usage: usage
            ).flags(latest.fields)
        }
        return flags ?? []
    }

    /// Progress of every assignment of a client, active ones first.
    ///
    /// One store read (`ClientProgressRead`) for the client, its
    /// assignments, their entries, engine states and open flags, however
    /// many assignments it has.
    public func progress(clientID: String, withFields: Bool = false) async throws
        -> [AssignmentProgress]
    {
        let read: ClientProgressRead
        do {
            read = try await store.progressRead(clientID: clientID, includeFields: withFields)
        } catch let error as StoreError where error.code == .notFound {
            _ = try await client(clientID)  // the not-found error with its hint
            throw error
        }
        let entries = Dictionary(grouping: read.entries, by: \.assignmentID)
        let open = Dictionary(grouping: read.openFlags, by: \.assignmentID)
        let now = clock.now()
        // Each assignment's progress is its own computation: on every core.
        let result = try await withThrowingTaskGroup(of: AssignmentProgress.self) { group in
            for assignment in read.assignments {
                // Status shows reinforcement and plugin progress; the digest is the caseload's.
                let stored = read.states[assignment.id].map(Self.withoutDigest)
                let state = try Self.assignmentState(assignment, stored: stored)
                group.addTask {
                    try await self.progress(
                        of: assignment, entries: entries[assignment.id] ?? [], state: state,
                        openFlags: open[assignment.id] ?? [], now: now)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        return result.sorted {
            ($0.assignment.status == .active ? 0 : 1, $0.assignment.id)
                < ($1.assignment.status == .active ? 0 : 1, $1.assignment.id)
        }
    }
}

extension Practice {
    /// A stored engine state without its progress digest, for a reader that
    /// does not need it: decoding the digest was most of decoding a state.
    static func withoutDigest(_ state: Value) -> Value {
        guard case .object(var members) = state else { return state }
        members["digest"] = nil
        return .object(members)
    }
}

extension AssignmentProgress {
    /// Every risk to show: open risk flags, then risk flags computed for a
    /// latest entry stored before flags were kept.
    public var riskFlags: [PluginFlag] {
        openFlags.map(\.flag) + pluginFlags.filter(\.needsAcknowledgement)
    }
}
