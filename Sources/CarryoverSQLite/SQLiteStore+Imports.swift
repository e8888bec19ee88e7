import CarryoverCore
import CarryoverStore
import GRDB

extension SQLiteStore {
    public func importProgress(fileHash: String) async throws -> ImportProgress? {
        try await read { db in try Self.progress(db, fileHash) }
    }

    static func progress(_ db: Database, _ fileHash: String) throws -> ImportProgress? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM import_progress WHERE file_hash = ?", arguments: [fileHash]
        ).map {
            ImportProgress(
                fileHash: $0["file_hash"], lastLine: $0["last_line"], imported: $0["imported"])
        }
    }

    /// WAL pages before a batch's commit copies them back: 8,000 (32 MiB)
    /// rather than SQLite's 1,000. An import's batches dirty the same index
    /// pages again and again (random content ids), and each checkpoint copied
    /// them anew (import rate +19 %, carryover-bench scenario 2). Only while a
    /// batch commits: a WAL kept that long made every later read slower (one
    /// client's status at 1,000 clients 10.5 ms instead of 5.9).
    static let importCheckpointPages = 8_000
    static let checkpointPages = 1_000

    public func commitImportBatch(_ batch: ImportBatch) async throws -> ImportBatchResult {
        do {
            defer { resetCheckpoint() }
            return try await write { db in
                try db.execute(
                    sql: "PRAGMA wal_autocheckpoint = \(Self.importCheckpointPages)")
                let old =
                    try Self.progress(db, batch.fileHash)
                    ?? ImportProgress(fileHash: batch.fileHash, lastLine: 0, imported: 0)
                try ImportTally.check(batch, after: old)
                let legacy =
                    try Bool.fetchOne(
                        db, sql: "SELECT EXISTS (SELECT 1 FROM entry WHERE id GLOB ?)",
                        arguments: [ImportedEntry.legacyIDGlob]) == true
                var tally = ImportTally()
                var assignments: [String: Assignment] = [:]
                for (position, imported) in batch.entries.enumerated()
                where tally.note(try Self.recognise(imported, legacy: legacy, db), at: position) {
                    try self.insert(
                        imported.entry, fieldsJSON: imported.fieldsJSON, knownNew: true,
                        action: "entry.import", db, &assignments)
                }
                try Self.retireDigests(of: assignments.keys.sorted(), db)
                let result = try tally.result(of: batch, after: old)
                let progress = result.progress
                // A batch that stored nothing and moved no mark writes nothing.
                guard progress != old else { return result }
                try db.execute(
                    sql: """
                        INSERT INTO import_progress (file_hash, last_line, imported) VALUES (?, ?, ?)
                        ON CONFLICT (file_hash) DO UPDATE SET last_line = excluded.last_line,
                            imported = excluded.imported
                        """, arguments: [progress.fileHash, progress.lastLine, progress.imported])
                return result
            }
        } catch let error as ImportRolledBack {
            return try await rolledBack(error, batch)
        }
    }

    /// Whether an imported entry is new, already stored, or names a stored
    /// entry with other content (see `ImportedEntry/keyedByContent`).
    /// `legacy`: the practice holds entries imported under the ids of
    /// before content keys, which are then compared by content.
    static func recognise(_ imported: ImportedEntry, legacy: Bool, _ db: Database) throws
        -> Recognition
    {
        let entry = imported.entry
        let fields = imported.fieldsJSON
        if let row = try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT assignment_id, performed_at, fields FROM entry WHERE id = ?"),
            arguments: [entry.id])
        {
            let same =
                (row["assignment_id"] as String?) == entry.assignmentID
                && (row["performed_at"] as Double?) == entry.performedAt.timeIntervalSince1970
                && (row["fields"] as String?) == fields
            return same ? .stored : .conflict
        }
        guard imported.keyedByContent, legacy else { return .new }
        let twin = try Bool.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT EXISTS (SELECT 1 FROM entry WHERE assignment_id = ?
                        AND performed_at = ? AND fields = ? AND id GLOB ?)
                    """),
            arguments: [
                entry.assignmentID, entry.performedAt.timeIntervalSince1970, fields,
                ImportedEntry.legacyIDGlob,
            ])
        return twin == true ? .stored : .new
    }

    /// SQLite's checkpoint interval again after a batch, on the store's queue
    /// (a connection setting, not part of any transaction).
    private func resetCheckpoint() {
        database.asyncWriteWithoutTransaction { db in
            try? db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.checkpointPages)")
        }
    }
}
