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

extension CaseloadRow {
    /// An empty row, before any assignment is added.
    init(client: Client) {
        self.client = client
        activeAssignments = 0
        adherence = AdherenceCount(done: 0, due: 0)
        riskFlags = 0
        flags = 0
    }
}

extension Practice {
    /// The caseload at the practice clock's now: one row per client, in the
    /// store's client order, each adding up what ``progress(clientID:withFields:)``
    /// reports for its assignments.
    ///
    /// Three reads: the clients, every assignment with its engine state, and
    /// every open flag. Each assignment's `ProgressDigest` kept in its state
    /// is carried forward to now (everything that came due since was missed,
    /// as nothing was recorded since), so no entry is read. An assignment
    /// whose digest is missing or retired (entries written before digests
    /// were kept, a write that did not finish) has its entries read and its
    /// digest computed from them.
    public func caseload() async throws -> [CaseloadRow] {
        let now = clock.now()
        let open = Dictionary(
            grouping: try await store.flags(FlagQuery(openOnly: true)), by: \.assignmentID)
        let assignments = try await store.assignmentsWithState()
        // Each digest is decoded and carried forward on its own: on every core.
        let digested = try assignments.concurrentMap { stored in
            let state = try? Self.assignmentState(stored.assignment, stored: stored.state)
            return Self.caseloadLine(stored.assignment, digest: state?.currentDigest, now: now)
        }
        let byClient = Dictionary(
            grouping: zip(assignments.map(\.assignment), digested), by: \.0.clientID)
        var rows: [CaseloadRow] = []
        for client in try await store.clients() {
            var row = CaseloadRow(client: client)
            for (assignment, line) in byClient[client.id] ?? [] {
                let risks = open[assignment.id]?.count ?? 0
                if let line {
                    row.add(line, risks: risks)
                } else {
                    row.add(
                        try await caseloadLine(fromEntriesOf: assignment, now: now), risks: risks)
                }
            }
            rows.append(row)
        }
        return rows
    }

    /// What one assignment adds to its client's row.
    struct CaseloadLine: Sendable {
        var active: Bool
        var adherence = AdherenceCount(done: 0, due: 0)
        /// Risk flags of a latest entry stored before flags were kept.
        var legacyRisks = 0
        /// The latest entry's other flags and the barrier flags (active only).
        var otherFlags = 0
    }

    /// The line from a current digest, or nil when there is none to use.
    static func caseloadLine(_ assignment: Assignment, digest: ProgressDigest?, now: Date)
        -> CaseloadLine?
    {
        guard let digest, let latest = digest.latestFlags else { return nil }
        guard assignment.status == .active else { return CaseloadLine(active: false) }
        guard digest.rules == .standard,
            let carried = digest.extended(to: now, assignment: assignment)
        else { return nil }
        let zone = TimeZone(identifier: assignment.schedule.timeZone) ?? .gmt
        return CaseloadLine(
            active: true, adherence: carried.adherence,
            otherFlags: latest + BarrierRules.standard.flags(for: carried, timeZone: zone).count)
    }

    /// The line from the assignment's entries: the full computation, for an
    /// assignment without a current digest (and the reference the tests hold
    /// the digest to).
    func caseloadLine(fromEntriesOf assignment: Assignment, now: Date) async throws -> CaseloadLine
    {
        let entries = try await store.entries(
            .init(assignmentID: assignment.id, includeFields: false))
        // Stored flags leave out the risk ones (open until acknowledged, in the flag table).
        let latest = try await latestFlags(
            assignment, entries: entries.filter { $0.kind == .homework })
        var line = CaseloadLine(
            active: assignment.status == .active,
            legacyRisks: latest.count(where: \.needsAcknowledgement))
        guard line.active else { return line }
        let history = OccurrenceHistory(assignment: assignment, entries: entries, now: now)
        let outcomes = history.outcomes
        line.adherence = AdherenceCount(outcomes: outcomes, now: history.now, grace: history.grace)
        line.otherFlags =
            latest.count(where: { !$0.needsAcknowledgement })
            + BarrierRules.standard.flags(
                for: outcomes, now: history.now, grace: history.grace, timeZone: history.timeZone
            ).count
        return line
    }

    /// The caseload computed from every assignment's entries, digests unread.
    func caseloadFromEntries() async throws -> [CaseloadRow] {
        let now = clock.now()
        let open = Dictionary(
            grouping: try await store.flags(FlagQuery(openOnly: true)), by: \.assignmentID)
        var rows: [CaseloadRow] = []
        for client in try await store.clients() {
            var row = CaseloadRow(client: client)
            for assignment in try await store.assignments(clientID: client.id, status: nil) {
                row.add(
                    try await caseloadLine(fromEntriesOf: assignment, now: now),
                    risks: open[assignment.id]?.count ?? 0)
            }
            rows.append(row)
        }
        return rows
    }
}

extension CaseloadRow {
    fileprivate mutating func add(_ line: Practice.CaseloadLine, risks open: Int) {
        let risks = open + line.legacyRisks
        riskFlags += risks
        flags += risks + line.otherFlags
        guard line.active else { return }
        activeAssignments += 1
        adherence.done += line.adherence.done
        adherence.due += line.adherence.due
    }
}
