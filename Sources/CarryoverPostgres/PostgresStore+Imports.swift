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
                SELECT last_line, imported FROM import_progress
                WHERE file_hash = \(fileHash) AND account = session_user
                """,
                logger: logger)
            for try await (line, imported) in rows.decode((Int, Int).self) {
                return ImportProgress(fileHash: fileHash, lastLine: line, imported: imported)
            }
            return nil
        }

        public func commitImportBatch(_ batch: ImportBatch) async throws -> ImportBatchResult {
            do {
                return try await transaction { db in
                    // Two runs of one import at once take turns, batch by batch.
                    try await db.query(
                        "SELECT pg_advisory_xact_lock(hashtext(\(batch.fileHash)))",
                        logger: self.logger)
                    let old =
                        try await self.progress(db, batch.fileHash)
                        ?? ImportProgress(fileHash: batch.fileHash, lastLine: 0, imported: 0)
                    try ImportTally.check(batch, after: old)
                    let legacy = try await self.exists(
                        db,
                        "SELECT 1 FROM entry WHERE id LIKE \(ImportedEntry.legacyIDLike) LIMIT 1")
                    var tally = ImportTally()
                    var assignments: [String: Assignment] = [:]
                    for (position, imported) in batch.entries.enumerated() {
                        let recognition = try await self.recognise(imported, legacy: legacy, db)
                        if tally.note(recognition, at: position) {
                            try await self.insert(
                                imported.entry, action: "entry.import", db, &assignments)
                        }
                    }
                    // New entries retire the progress digests kept in their states.
                    for id in assignments.keys.sorted() {
                        try await db.query(
                            """
                            UPDATE assignment_state SET json = jsonb_set(json, '{entryRevision}',
                                to_jsonb(coalesce((json->>'entryRevision')::bigint, 0) + 1))
                            WHERE assignment_id = \(id)
                            """, logger: self.logger)
                    }
                    let result = try tally.result(of: batch, after: old)
                    let progress = result.progress
                    // A batch that stored nothing and moved no mark writes nothing.
                    guard progress != old else { return result }
                    try await db.query(
                        """
                        INSERT INTO import_progress (file_hash, last_line, imported)
                        VALUES (\(progress.fileHash), \(progress.lastLine), \(progress.imported))
                        ON CONFLICT (file_hash, account) DO UPDATE SET last_line = excluded.last_line,
                            imported = excluded.imported
                        """, logger: self.logger)
                    return result
                }
            } catch let error as ImportRolledBack {
                return try await rolledBack(error, batch)
            }
        }

        /// Whether an imported entry is new, already stored, or names a stored
        /// entry with other content (the same rules as the SQLite store).
        private func recognise(
            _ imported: ImportedEntry, legacy: Bool, _ db: PostgresConnection
        ) async throws -> Recognition {
            let entry = imported.entry
            let fields = imported.fieldsJSON
            let at = entry.performedAt.timeIntervalSince1970
            let same = try await all(
                db,
                """
                SELECT assignment_id = \(entry.assignmentID) AND performed_at = \(at)
                    AND fields = \(fields)::jsonb
                FROM entry WHERE id = \(entry.id)
                """, as: Bool.self)
            if let same = same.first { return same ? .stored : .conflict }
            guard imported.keyedByContent, legacy else { return .new }
            let twin = try await exists(
                db,
                """
                SELECT 1 FROM entry WHERE assignment_id = \(entry.assignmentID)
                    AND performed_at = \(at) AND fields = \(fields)::jsonb
                    AND id LIKE \(ImportedEntry.legacyIDLike)
                """)
            return twin ? .stored : .new
        }
    }
#endif
