import CarryoverCore
import CarryoverStore
import Foundation

/// One client's line of the caseload (`carryover status` with no client).
public struct CaseloadRow: Sendable, Hashable {
    public var client: Client
    /// Assignments now active.
    public var activeAssignments: Int
    /// Done and due occurrences summed over the active assignments.
    public var adherence: AdherenceCount
    /// Risk flags not yet acknowledged, on any assignment (ended ones too).
    public var riskFlags: Int
    /// Every flag to look at: the risk flags, then the active assignments'
    /// latest other plugin flags and their barrier flags.
    public var flags: Int
}

extension Practice {
    /// The caseload at the practice clock's now: one row per client, in the
    /// store's client order, each adding up what ``progress(clientID:withFields:)``
    /// reports for its assignments.
    ///
    /// It reads the store once per client for assignments and once for
    /// their entries (times, scores and flags; no fields), and once for
    /// every open flag, instead of ``progress(clientID:withFields:)``'s reads per
    /// assignment; it loads no plugin unless a latest entry was stored before
    /// flags were kept.
    public func caseload() async throws -> [CaseloadRow] {
        let now = clock.now()
        let open = Dictionary(
            grouping: try await store.flags(FlagQuery(openOnly: true)), by: \.assignmentID)
        var rows: [CaseloadRow] = []
        for client in try await store.clients() {
            let assignments = try await store.assignments(clientID: client.id, status: nil)
            let entries = Dictionary(
                grouping: try await store.entries(.init(clientID: client.id, includeFields: false)),
                by: \.assignmentID)
            var row = CaseloadRow(
                client: client, activeAssignments: 0, adherence: AdherenceCount(done: 0, due: 0),
                riskFlags: 0, flags: 0)
            for assignment in assignments {
                let mine = entries[assignment.id] ?? []
                // Stored flags leave out the risk ones (open until acknowledged, in `open`).
                let latest = try await latestFlags(
                    assignment, entries: mine.filter { $0.kind == .homework })
                let risks =
                    (open[assignment.id]?.count ?? 0) + latest.count(where: \.needsAcknowledgement)
                row.riskFlags += risks
                row.flags += risks
                guard assignment.status == .active else { continue }
                let history = OccurrenceHistory(assignment: assignment, entries: mine, now: now)
                let outcomes = history.outcomes
                let overall = AdherenceCount(
                    outcomes: outcomes, now: history.now, grace: history.grace)
                row.activeAssignments += 1
                row.adherence.done += overall.done
                row.adherence.due += overall.due
                row.flags +=
                    latest.count(where: { !$0.needsAcknowledgement })
                    + BarrierRules.standard.flags(
                        for: outcomes, now: history.now, grace: history.grace,
                        timeZone: history.timeZone
                    ).count
            }
            rows.append(row)
        }
        return rows
    }
}
