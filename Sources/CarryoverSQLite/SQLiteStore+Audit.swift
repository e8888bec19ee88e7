import CarryoverStore
import Foundation
import GRDB

extension SQLiteStore {
    public func auditJournal(_ query: AuditQuery) async throws -> [AuditRecord] {
        try await read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM (
                        SELECT * FROM audit
                        WHERE (?1 IS NULL OR client_id = ?1) AND (?2 IS NULL OR object_id = ?2)
                          AND (?3 IS NULL OR action = ?3 OR substr(action, 1, length(?3) + 1) = ?3 || '.')
                          AND (?4 IS NULL OR principal = ?4)
                          AND (?5 IS NULL OR at >= ?5) AND (?6 IS NULL OR at < ?6)
                        ORDER BY seq DESC LIMIT ?7
                    ) ORDER BY seq
                    """,
                arguments: [
                    query.clientID, query.objectID, query.action, query.principal,
                    query.since?.timeIntervalSince1970, query.until?.timeIntervalSince1970,
                    query.limit ?? -1,
                ])
            return rows.map { row in
                AuditRecord(
                    seq: row["seq"], at: Self.date(row["at"]), principal: row["principal"],
                    action: row["action"], objectKind: row["object_kind"],
                    objectID: row["object_id"], clientID: row["client_id"])
            }
        }
    }

    /// Copies the practice with SQLite's online backup API: readers and
    /// writers go on meanwhile, and the copy is one consistent snapshot.
    public func backup(to destination: String) async throws {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw StoreError(
                .duplicate, "\(destination) already exists; choose a new file for the backup.")
        }
        try PracticeFile.prepare(path: destination, create: true)
        do {
            let copy = try DatabaseQueue(path: destination)
            try database.backup(to: copy)
            try copy.close()
        } catch {
            throw SQLiteErrors.map(error, path: destination)
        }
        try await write { db in
            try self.audit(db, "backup", kind: "practice", id: destination, clientID: nil)
        }
    }
}
