#if Postgres
    import CarryoverCore
    import CarryoverStore
    import PostgresNIO

    extension PostgresStore {
        public func importProgress(fileHash: String) async throws -> ImportProgress? {
            try await transaction { db in try await self.progress(db, fileHash) }
        }

        private func progress(_ db: PostgresConnection, _ fileHash: String) async throws
            -> ImportProgress?
        {
            let rows = try await db.query(
                """
                SELECT last_line, imported, rejected FROM import_progress
                WHERE file_hash = \(fileHash)
                """, logger: logger)
            for try await (line, imported, rejected) in rows.decode((Int, Int, Int).self) {
                return ImportProgress(
                    fileHash: fileHash, lastLine: line, imported: imported, rejected: rejected)
            }
            return nil
        }

        public func commitImportBatch(_ batch: ImportBatch) async throws -> ImportBatchResult {
            try await transaction { db in
                // Two runs of one import at once take turns, batch by batch.
                try await db.query(
                    "SELECT pg_advisory_xact_lock(hashtext(\(batch.fileHash)))", logger: self.logger
                )
                var progress =
                    try await self.progress(db, batch.fileHash)
                    ?? ImportProgress(
                        fileHash: batch.fileHash, lastLine: 0, imported: 0, rejected: 0)
                guard batch.lastLine > progress.lastLine else {
                    throw StoreChecks.batchBehind(batch, progress)
                }
                var alreadyStored: [Int] = []
                var assignments: [String: Assignment] = [:]
                for (position, entry) in batch.entries.enumerated() {
                    if try await self.exists(db, "SELECT 1 FROM entry WHERE id = \(entry.id)") {
                        alreadyStored.append(position)
                    } else {
                        try await self.insert(entry, action: "entry.import", db, &assignments)
                    }
                }
                progress.lastLine = batch.lastLine
                progress.imported += batch.entries.count - alreadyStored.count
                progress.rejected += batch.rejected + alreadyStored.count
                try await db.query(
                    """
                    INSERT INTO import_progress (file_hash, last_line, imported, rejected)
                    VALUES (\(progress.fileHash), \(progress.lastLine), \(progress.imported),
                        \(progress.rejected))
                    ON CONFLICT (file_hash) DO UPDATE SET last_line = excluded.last_line,
                        imported = excluded.imported, rejected = excluded.rejected
                    """, logger: self.logger)
                return ImportBatchResult(progress: progress, alreadyStored: alreadyStored)
            }
        }
    }
#endif
