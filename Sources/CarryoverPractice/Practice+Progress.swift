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
    public var entries: [Entry]
    /// The plugin's own progress state (`advance`): ladder step, speech
    /// level; `.null` before the first entry or without an `advance` hook.
    public var pluginProgress: Value = .null
    /// ``pluginProgress`` in words (see ``PluginProgressText``); nil when the
    /// homework type keeps no progress state.
    public var progressSummary: String?
    /// The homework type's scores in its order with their titles (empty
    /// when nothing was logged yet, or its pack is gone).
    public var scoreTitles = ScoreTitles()
}

extension Practice {
    /// Progress of one assignment at the practice clock's now.
    ///
    /// It reads what was stored (scores, flags, the type's title), so it
    /// works whatever happened to the homework type's pack since; score
    /// titles and the progress summary come from the type when it still loads.
    public func progress(of assignment: Assignment, now: Date? = nil, withFields: Bool = false)
        async throws -> AssignmentProgress
    {
        try await progress(of: assignment, now: now, withFields: withFields, loaded: nil)
    }

    /// Progress with the assignment's homework type already `loaded` (as
    /// logging has it), so its pack is not verified and its plugin not loaded twice.
    func progress(
        of assignment: Assignment, now: Date?, withFields: Bool, loaded: HomeworkType?
    ) async throws -> AssignmentProgress {
        let clockNow = now ?? clock.now()
        // An ended assignment's progress stops where it ended: nothing after is due or missed.
        let now = assignment.endedAt.map { min($0, clockNow) } ?? clockNow
        let timeline = AssignmentTimeline(assignment)
        let grace = TimeInterval(assignment.schedule.graceMinutes * 60)
        let pauses = assignment.pauses(until: now)
        // Times, scores and flags are all progress needs.
        let entries = try await store.entries(
            .init(assignmentID: assignment.id, includeFields: withFields))
        // Occurrences that have opened by now: an entry may complete one before it is due.
        let opened = timeline.occurrences(
            in: .clamped(
                assignment.createdAt.addingTimeInterval(-86_400),
                max(now, assignment.createdAt).addingTimeInterval(2 * 86_400)),
            excluding: pauses
        ).filter { $0.start <= now }
        var byIndex: [Int: [Entry]] = [:]
        let matches = timeline.matching(entries.map(\.performedAt), among: opened)
        for (entry, occurrence) in zip(entries, matches) {
            if let occurrence { byIndex[occurrence.index, default: []].append(entry) }
        }
        // One due before the assignment was made cannot have been missed (today's
        // 08:00 when it is assigned at 09:00); it counts only when done.
        let occurrences = opened.filter {
            $0.due >= assignment.createdAt || byIndex[$0.index] != nil
        }
        let outcomes = occurrences.map {
            OccurrenceOutcome(occurrence: $0, entries: byIndex[$0.index] ?? [])
        }
        let zone = TimeZone(identifier: assignment.schedule.timeZone) ?? .gmt
        let completion = try CompletionEvaluator().evaluate(
            assignment.completion,
            over: CompletionInput(
                occurrences: occurrences, entries: byIndex, now: now.addingTimeInterval(-grace)))
        let state = try await assignmentState(assignment)
        // The type, when it still loads, gives score titles and the progress in words.
        let type =
            entries.isEmpty
            ? nil
            : try loaded
                ?? homeworkTypeIfItLoads(
                    assignment.homeworkType, version: assignment.homeworkVersion,
                    seed: assignment.seed)
        var result = AssignmentProgress(
            assignment: assignment,
            title: title(of: assignment, loaded: loaded),
            adherence: AdherenceReport(outcomes: outcomes, now: now, grace: grace, timeZone: zone),
            streak: StreakSummary(outcomes: outcomes, now: now, grace: grace),
            trends: ScoreTrend.trends(in: entries), completion: completion,
            balance: Self.balance(assignment, state),
            barrierFlags: assignment.status.isFinal
                ? []
                : BarrierRules.standard.flags(
                    for: outcomes, now: now, grace: grace, timeZone: zone),
            pluginFlags: try await latestFlags(assignment, entries: entries, type: type),
            openFlags: try await store.flags(
                FlagQuery(assignmentID: assignment.id, openOnly: true)),
            next: assignment.status == .active
                ? next(of: timeline, after: now, done: byIndex) : nil,
            entries: entries)
        result.pluginProgress = state.progress
        let params =
            type?.declaration.applyingParamDefaults(to: assignment.params) ?? assignment.params
        let builtIn = [ProgressMapping.exposureLadder, ProgressMapping.speechPractice]
        if type?.declaration.hooks.contains(.advance)
            ?? (state.progress != .null || builtIn.contains(assignment.homeworkType))
        {
            result.progressSummary = PluginProgressText.summary(
                homeworkType: assignment.homeworkType, params: params, state: state.progress)
        }
        result.scoreTitles = type.map { ScoreTitles($0.declaration) } ?? ScoreTitles()
        let order = result.scoreTitles.ordered(result.trends.map(\.name))
        result.trends.sort { order.firstIndex(of: $0.name)! < order.firstIndex(of: $1.name)! }
        return result
    }

    /// The first time due after `now` that no entry has done early, however far ahead.
    private func next(of timeline: AssignmentTimeline, after now: Date, done: [Int: [Entry]])
        -> Occurrence?
    {
        var candidate = timeline.firstOccurrence(dueAfter: now)
        while let found = candidate, done[found.index] != nil {
            candidate = timeline.occurrence(index: found.index + 1)
        }
        return candidate
    }

    /// The homework type's title as assigned; for assignments made before
    /// titles were kept, the catalogue's (or its id when the pack is gone).
    func title(of assignment: Assignment, loaded: HomeworkType? = nil) -> String {
        assignment.homeworkTitle ?? loaded?.declaration.title
            ?? (try? catalogue.source(
                id: assignment.homeworkType, version: assignment.homeworkVersion))?.title
            ?? assignment.homeworkType
    }

    /// The flags stored with the latest entry, risk first. An entry stored
    /// before flags were kept has them computed by its plugin, when it still loads.
    private func latestFlags(_ assignment: Assignment, entries: [Entry], type: HomeworkType?)
        async throws -> [PluginFlag]
    {
        // Entries come oldest first (performed, then id), as the store orders them.
        guard let newest = entries.last else { return [] }
        if let flags = newest.flags { return flags.filter { !$0.needsAcknowledgement } }
        guard newest.homeworkVersion == assignment.homeworkVersion, let type else { return [] }
        let latest = try await store.entry(id: newest.id)
        // As when it was logged, the hook sees the entry's own moment.
        let flags = EntryMoment.$current.withValue(latest.performedAt) {
            try? EntryHooks(
                type, assignmentParams: assignment.params, clientID: assignment.clientID
            ).flags(latest.fields)
        }
        return flags ?? []
    }

    /// Progress of every assignment of a client, active ones first.
    public func progress(clientID: String, withFields: Bool = false) async throws
        -> [AssignmentProgress]
    {
        let client = try await client(clientID)
        var result: [AssignmentProgress] = []
        for assignment in try await store.assignments(clientID: client.id, status: nil) {
            result.append(try await progress(of: assignment, withFields: withFields))
        }
        return result.sorted {
            ($0.assignment.status == .active ? 0 : 1, $0.assignment.id)
                < ($1.assignment.status == .active ? 0 : 1, $1.assignment.id)
        }
    }
}

extension AssignmentProgress {
    /// Every risk to show: open risk flags, then risk flags computed for a
    /// latest entry stored before flags were kept.
    public var riskFlags: [PluginFlag] {
        openFlags.map(\.flag) + pluginFlags.filter(\.needsAcknowledgement)
    }
}
