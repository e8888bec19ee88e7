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
    public var next: Occurrence?
    /// The assignment's entries, oldest first; their `fields` are `.null`
    /// unless progress was asked for `withFields` (status needs only times and scores).
    public var entries: [Entry]
}

extension Practice {
    /// Progress of one assignment at the practice clock's now.
    ///
    /// It reads only what was stored (scores, flags, the type's title), so
    /// it works whatever happened to the homework type's pack since.
    public func progress(of assignment: Assignment, now: Date? = nil, withFields: Bool = false)
        async throws -> AssignmentProgress
    {
        try await progress(of: assignment, now: now, withFields: withFields, loaded: nil)
    }

    /// Progress with the assignment's homework type already `loaded` (as
    /// logging has it): its title is taken from there for older assignments.
    func progress(
        of assignment: Assignment, now: Date?, withFields: Bool, loaded: HomeworkType?
    ) async throws -> AssignmentProgress {
        let now = now ?? clock.now()
        let timeline = AssignmentTimeline(assignment)
        let grace = TimeInterval(assignment.schedule.graceMinutes * 60)
        let pauses = assignment.pauses(until: now)
        // Times, scores and flags are all progress needs.
        let entries = try await store.entries(
            .init(assignmentID: assignment.id, includeFields: withFields))
        // Occurrences that have opened by now: an entry may complete one before it is due.
        let occurrences = timeline.occurrences(
            in: DateInterval(
                start: assignment.createdAt.addingTimeInterval(-86_400),
                end: max(now, assignment.createdAt).addingTimeInterval(2 * 86_400)),
            excluding: pauses
        ).filter { $0.start <= now }
        var byIndex: [Int: [Entry]] = [:]
        let matches = timeline.matching(entries.map(\.performedAt), among: occurrences)
        for (entry, occurrence) in zip(entries, matches) {
            if let occurrence { byIndex[occurrence.index, default: []].append(entry) }
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
        let ahead = timeline.occurrences(
            in: DateInterval(start: now, end: now.addingTimeInterval(60 * 86_400)),
            excluding: pauses)
        return AssignmentProgress(
            assignment: assignment,
            title: title(of: assignment, loaded: loaded),
            adherence: AdherenceReport(outcomes: outcomes, now: now, grace: grace, timeZone: zone),
            streak: StreakSummary(outcomes: outcomes, now: now, grace: grace),
            trends: ScoreTrend.trends(in: entries), completion: completion,
            balance: Self.balance(assignment, state),
            barrierFlags: BarrierRules.standard.flags(
                for: outcomes, now: now, grace: grace, timeZone: zone),
            pluginFlags: try await latestFlags(assignment, entries: entries, loaded: loaded),
            openFlags: try await store.flags(
                FlagQuery(assignmentID: assignment.id, openOnly: true)),
            next: ahead.first { $0.due > now && byIndex[$0.index] == nil }, entries: entries)
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
    private func latestFlags(_ assignment: Assignment, entries: [Entry], loaded: HomeworkType?)
        async throws -> [PluginFlag]
    {
        // Entries come oldest first (performed, then id), as the store orders them.
        guard let newest = entries.last else { return [] }
        if let flags = newest.flags { return flags.filter { !$0.needsAcknowledgement } }
        let latest = try await store.entry(id: newest.id)
        guard
            let type = loaded
                ?? (try? homeworkType(
                    assignment.homeworkType, version: newest.homeworkVersion,
                    seed: assignment.seed)),
            let flags = try? EntryHooks(
                type, assignmentParams: assignment.params, clientID: assignment.clientID
            ).flags(latest.fields)
        else { return [] }
        return flags
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
