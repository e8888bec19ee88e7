import CarryoverCore
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
                fileHash: $0["file_hash"], lastLine: $0["last_line"], imported: $0["imported"],
                rejected: $0["rejected"])
        }
    }

    public func commitImportBatch(_ batch: ImportBatch) async throws -> ImportBatchResult {
        try await write { db in
            var progress =
                try Self.progress(db, batch.fileHash)
                ?? ImportProgress(fileHash: batch.fileHash, lastLine: 0, imported: 0, rejected: 0)
            guard batch.lastLine > progress.lastLine else {
                throw StoreChecks.batchBehind(batch, progress)
            }
            var alreadyStored: [Int] = []
            var assignments: [String: Assignment] = [:]
            for (position, entry) in batch.entries.enumerated() {
                if try Self.exists(db, "entry", id: entry.id) {
                    alreadyStored.append(position)
                } else {
                    try self.insert(entry, action: "entry.import", db, assignments: &assignments)
                }
            }
            progress.lastLine = batch.lastLine
            progress.imported += batch.entries.count - alreadyStored.count
            progress.rejected += batch.rejected + alreadyStored.count
            try db.execute(
                sql: """
                    INSERT INTO import_progress (file_hash, last_line, imported, rejected)
                    VALUES (?, ?, ?, ?)
                    ON CONFLICT (file_hash) DO UPDATE SET last_line = excluded.last_line,
                        imported = excluded.imported, rejected = excluded.rejected
                    """,
                arguments: [
                    progress.fileHash, progress.lastLine, progress.imported, progress.rejected,
                ])
            return ImportBatchResult(progress: progress, alreadyStored: alreadyStored)
        }
    }
}
