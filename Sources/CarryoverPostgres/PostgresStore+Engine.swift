#if Postgres
    import CarryoverCore
    import CarryoverStore
    import Foundation
    import PostgresNIO

    extension PostgresStore {
        /// Runs `body` on the assignment's engine as stored, inside one
        /// transaction that holds the assignment's row lock (`SELECT ... FOR
        /// UPDATE`) from the read to the commit, so concurrent writers to one
        /// assignment take turns and none works from a stale state.
        public func writeEngine<T: Sendable>(
            assignmentID: String, entryID: String?, readingEntries: Bool,
            _ body: @escaping @Sendable (EngineSnapshot) throws -> (EngineWrite, T)
        ) async throws -> (value: T, events: [LedgerEvent]) {
            try await transaction { db in
                let assignment = try await self.assignment(db, id: assignmentID, lock: true)
                var snapshot = EngineSnapshot(
                    assignment: assignment, state: try await self.engineState(db, assignmentID))
                if let entryID {
                    let entry = try await self.entry(db, id: entryID)
                    guard entry.assignmentID == assignmentID else {
                        throw StoreChecks.entryElsewhere(entryID, assignmentID)
                    }
                    snapshot.entry = entry
                    snapshot.entryEvents = try await self.ledger(
                        db, assignmentID, entryID: entryID)
                }
                if readingEntries {
                    snapshot.entries = try await self.entries(
                        db, "WHERE e.assignment_id = \(assignmentID) AND NOT e.voided",
                        fields: false)
                }
                let (change, value) = try EngineBodyError.run { try body(snapshot) }
                var assignments = [assignment.id: assignment]
                if let entry = change.entry {
                    try await self.insert(entry, action: "entry.record", db, &assignments)
                    if let key = change.idempotencyKey { try await self.claim(key, for: entry, db) }
                }
                if let correction = change.correction, let entry = snapshot.entry {
                    try await self.apply(correction, to: entry, db)
                } else if let correction = change.correction {
                    try await self.apply(
                        correction, to: try await self.entry(db, id: correction.entryID), db)
                }
                if let action = change.action {
                    try await self.audit(
                        db, action, kind: "assignment", id: assignment.id,
                        clientID: assignment.clientID)
                }
                return (value, try await self.write(change.stateChange(assignmentID), db))
            }
        }

        /// Stores an amendment or void: the version it replaces as a
        /// revision row, then the entry's new version, its new risk flags
        /// and an audit record.
        private func apply(_ correction: EntryCorrection, to entry: Entry, _ db: PostgresConnection)
            async throws
        {
            try StoreChecks.correction(correction, of: entry)
            let number = entry.revision + 1
            let fields = try StoreCoding.encode(entry.fields)
            let scores = try StoreCoding.encode(entry.scores)
            let flags = try StoreCoding.flagsJSON(entry.flags)
            try await db.query(
                """
                INSERT INTO entry_revision
                    (entry_id, number, action, at, actor, reason, fields, scores, flags)
                VALUES (\(entry.id), \(number), \(correction.action.rawValue),
                    \(correction.at.timeIntervalSince1970), \(principal.name), \(correction.reason),
                    \(fields)::jsonb, \(scores)::jsonb, \(flags)::jsonb)
                """, logger: logger)
            switch correction.action {
            case .void:
                try await db.query(
                    "UPDATE entry SET revision = \(number), voided = true WHERE id = \(entry.id)",
                    logger: logger)
            case .amend:
                var amended = entry
                amended.fields = correction.fields ?? entry.fields
                amended.scores = correction.scores ?? entry.scores
                amended.flags = correction.flags ?? entry.flags
                let newFields = try StoreCoding.encode(amended.fields)
                let newFlags = try StoreCoding.flagsJSON(amended.flags)
                try await db.query(
                    """
                    UPDATE entry SET revision = \(number), fields = \(newFields)::jsonb,
                        flags = \(newFlags)::jsonb WHERE id = \(entry.id)
                    """, logger: logger)
                try await db.query(
                    "DELETE FROM entry_score WHERE entry_id = \(entry.id)", logger: logger)
                try await insertScores(amended, db)
                try await raiseFlags(of: amended, at: correction.at, db)
            }
            try await audit(
                db, "entry.\(correction.action.rawValue)", kind: "entry", id: entry.id,
                clientID: entry.clientID)
        }

        /// Keeps each flag that waits for acknowledgement, once per entry and code.
        func raiseFlags(of entry: Entry, at: Date, _ db: PostgresConnection) async throws {
            for flag in entry.flags ?? [] where flag.needsAcknowledgement {
                try await db.query(
                    """
                    INSERT INTO flag (entry_id, assignment_id, client_id, level, code, message,
                        performed_at, raised_at)
                    VALUES (\(entry.id), \(entry.assignmentID), \(entry.clientID),
                        \(flag.level.rawValue), \(flag.code), \(flag.message),
                        \(entry.performedAt.timeIntervalSince1970), \(at.timeIntervalSince1970))
                    ON CONFLICT (entry_id, code) DO NOTHING
                    """, logger: logger)
            }
        }

        public func flags(_ query: FlagQuery) async throws -> [RaisedFlag] {
            let from = query.from?.timeIntervalSince1970
            let until = query.until?.timeIntervalSince1970
            return try await transaction { db in
                try await self.flags(
                    db,
                    """
                    WHERE (\(query.clientID)::text IS NULL OR f.client_id = \(query.clientID))
                      AND (\(query.assignmentID)::text IS NULL OR f.assignment_id = \(query.assignmentID))
                      AND (NOT \(query.openOnly) OR a.flag_id IS NULL)
                      AND (\(from)::float8 IS NULL OR f.performed_at >= \(from))
                      AND (\(until)::float8 IS NULL OR f.performed_at < \(until))
                    """)
            }
        }

        public func acknowledgeFlags(ids: [Int], note: String) async throws -> [RaisedFlag] {
            try StoreChecks.acknowledgement(ids: ids, note: note)
            return try await transaction { db in
                let at = self.clock.now()
                var acknowledged: [RaisedFlag] = []
                for id in ids {
                    // The row lock makes a second acknowledgement wait, then see the first.
                    guard
                        try await self.exists(db, "SELECT 1 FROM flag WHERE id = \(id) FOR UPDATE"),
                        var flag = try await self.flags(db, "WHERE f.id = \(id)").first
                    else {
                        throw try await self.missing(
                            db, "flag", String(id), visible: "SELECT 1 FROM flag WHERE id = \(id)")
                    }
                    guard flag.isOpen else { throw StoreChecks.alreadyAcknowledged(flag) }
                    try await db.query(
                        """
                        INSERT INTO flag_ack (flag_id, at, actor, note)
                        VALUES (\(id), \(at.timeIntervalSince1970), \(self.principal.name), \(note))
                        """, logger: self.logger)
                    try await self.audit(
                        db, "flag.ack", kind: "flag", id: String(id), clientID: flag.clientID)
                    flag.acknowledgement = .init(at: at, by: self.principal.name, note: note)
                    acknowledged.append(flag)
                }
                return acknowledged
            }
        }

        private func flags(_ db: PostgresConnection, _ filter: PostgresQuery) async throws
            -> [RaisedFlag]
        {
            let sql = PostgresQuery(
                unsafeSQL: """
                    SELECT f.id, f.entry_id, f.assignment_id, f.client_id, f.level, f.code,
                        f.message, f.performed_at, f.raised_at, a.at, a.actor, a.note
                    FROM flag f LEFT JOIN flag_ack a ON a.flag_id = f.id
                    \(filter.sql) ORDER BY f.performed_at, f.id
                    """, binds: filter.binds)
            var flags: [RaisedFlag] = []
            for try await row in try await db.query(sql, logger: logger).decode(
                (
                    Int, String, String, String, String, String, String, Double, Double, Double?,
                    String?, String?
                ).self)
            {
                var acknowledgement: RaisedFlag.Acknowledgement?
                if let at = row.9, let by = row.10, let note = row.11 {
                    acknowledgement = .init(at: Date(timeIntervalSince1970: at), by: by, note: note)
                }
                flags.append(
                    RaisedFlag(
                        id: row.0, entryID: row.1, assignmentID: row.2, clientID: row.3,
                        level: PluginFlag.Level(rawValue: row.4) ?? .risk, code: row.5,
                        message: row.6, performedAt: Date(timeIntervalSince1970: row.7),
                        raisedAt: Date(timeIntervalSince1970: row.8),
                        acknowledgement: acknowledgement))
            }
            return flags
        }
    }
#endif
