import CarryoverCore
import CarryoverStore
import Foundation

/// Keeping each assignment's `ProgressDigest` current in its engine state,
/// so the caseload reads no entries.
///
/// A logged entry keeps the digest in its own write: the store reads the
/// assignment's entries inside that transaction, and the digest is computed
/// from them and the new entry (`Practice+Log`). Every other write that
/// changes an assignment's entries moves the state's `entryRevision` on in
/// the same transaction (`changingEntries`), which retires the stored
/// digest at once; then `refreshDigest` computes the new one from the
/// entries as stored and keeps it only if no other write came in between. A
/// process killed between the two leaves a retired digest, never a wrong
/// one: the caseload then computes that assignment from its entries.
/// Changes to the assignment itself (schedule, pauses, status) retire it
/// through its basis.
extension Practice {
    /// The digest of an assignment from all its entries (oldest first) at `now`.
    static func digest(_ assignment: Assignment, entries: [Entry], now: Date, revision: Int)
        -> ProgressDigest
    {
        digest(
            OccurrenceHistory(assignment: assignment, entries: entries, now: now),
            entries: entries, revision: revision)
    }

    /// The digest of `history`, made from all the assignment's `entries` (oldest first).
    static func digest(_ history: OccurrenceHistory, entries: [Entry], revision: Int)
        -> ProgressDigest
    {
        var digest = ProgressDigest(history: history, entries: entries)
        digest.revision = revision
        // Stored flags leave out the risk ones (open until acknowledged, in the flag table).
        if let latest = entries.last(where: { $0.kind == .homework }) {
            digest.latestFlags = latest.flags?.count(where: { !$0.needsAcknowledgement })
        }
        return digest
    }

    /// `write` with the assignment's entry revision moved on, for a write
    /// that changes the assignment's entries.
    static func changingEntries(_ write: EngineWrite, _ snapshot: EngineSnapshot) throws
        -> EngineWrite
    {
        var state = try assignmentState(
            snapshot.assignment, stored: write.engineState ?? snapshot.state)
        state.entryRevision = (state.entryRevision ?? 0) + 1
        var changed = write
        changed.engineState = try Value(encoding: state)
        return changed
    }

    /// Computes the assignment's digest from its entries and keeps it in its
    /// state, unless another write changed the entries meanwhile (that
    /// writer keeps its own).
    func refreshDigest(assignmentID: String) async throws {
        let stored = try await store.engineState(assignmentID: assignmentID)
        let revision =
            try stored.flatMap { $0 == .null ? nil : $0 }?
            .decode(as: AssignmentState.self).entryRevision ?? 0
        let entries = try await store.entries(
            .init(assignmentID: assignmentID, includeFields: false))
        let (now, expected) = (clock.now(), revision)
        _ = try await store.writeEngine(assignmentID: assignmentID, entryID: nil) { snapshot in
            var state = try Self.assignmentState(snapshot.assignment, stored: snapshot.state)
            guard (state.entryRevision ?? 0) == expected else { return (EngineWrite(), ()) }
            state.digest = Self.digest(
                snapshot.assignment, entries: entries, now: now, revision: expected)
            return (EngineWrite(engineState: try Value(encoding: state)), ())
        }
    }

    /// Computes every assignment's progress digest from its entries at the
    /// clock's now and keeps it in its engine state: for a practice whose
    /// entries were written before digests were kept, or copied in by other
    /// means (the benchmark's caseload). Returns how many were kept.
    @discardableResult
    public func refreshProgressDigests() async throws -> Int {
        var kept = 0
        for stored in try await store.assignmentsWithState() {
            try await refreshDigest(assignmentID: stored.assignment.id)
            kept += 1
        }
        return kept
    }

    /// Refreshes the digests of assignments just changed (schedule, status,
    /// version), best effort: a digest whose basis no longer matches is
    /// never read, so one left behind costs the caseload time, not truth.
    func refreshDigests(of assignments: [Assignment]) async {
        for assignment in assignments { try? await refreshDigest(assignmentID: assignment.id) }
    }
}
