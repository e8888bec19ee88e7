import CarryoverCore
import CarryoverStore
import Foundation

/// The record as front ends read it: every read goes through the practice,
/// which checks the ids it is given, so no front end talks to the store.
extension Practice {
    /// Every client of the practice, by id (discharged ones too).
    public func clients() async throws -> [Client] {
        try await store.clients()
    }

    /// A client's entries, by time performed then id, optionally of one of
    /// its assignments; voided entries only with `includeVoided`.
    ///
    /// - Throws: ``PracticeError`` `.notFound` for an unknown client or assignment.
    public func history(clientID: String, assignmentID: String? = nil, includeVoided: Bool = false)
        async throws -> [Entry]
    {
        let client = try await client(clientID)
        if let assignmentID { _ = try await assignment(assignmentID) }
        return try await store.entries(
            EntryQuery(
                assignmentID: assignmentID, clientID: client.id, includeVoided: includeVoided))
    }

    /// The audit journal, oldest first, filtered by `query`.
    ///
    /// - Throws: ``PracticeError`` `.notFound` when the query names an unknown client.
    public func auditJournal(_ query: AuditQuery) async throws -> [AuditRecord] {
        if let clientID = query.clientID { _ = try await client(clientID) }
        return try await store.auditJournal(query)
    }

    /// Writes a consistent copy of the practice's records to `path` (mode
    /// 0600) while the practice is in use.
    public func backup(to path: String) async throws {
        try await store.backup(to: path)
    }
}
