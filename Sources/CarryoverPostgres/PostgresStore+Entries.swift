#if Postgres
    import CarryoverCore
    import CarryoverStore
    import Foundation
    import PostgresNIO

    extension PostgresStore {
        /// Replaces the assignment's engine state and appends its ledger
        /// lines, inside the caller's transaction (which holds the assignment's row lock).
        func write(_ change: StateChange, _ db: PostgresConnection) async throws -> [LedgerEvent] {
            if let state = try change.encodedState() {
                try await db.query(
                    """
                    INSERT INTO assignment_state (assignment_id, json)
                    VALUES (\(change.assignmentID), \(state)::jsonb)
                    ON CONFLICT (assignment_id) DO UPDATE SET json = excluded.json
                    """, logger: self.logger)
            }
            let lastSeq = try await self.all(
                db,
                "SELECT coalesce(max(seq), 0) FROM ledger WHERE assignment_id = \(change.assignmentID)",
                as: Int.self)
            let events = try change.numberedEvents(after: lastSeq.first ?? 0)
            for (event, json) in events {
                try await db.query(
                    """
                    INSERT INTO ledger (assignment_id, seq, at, kind, json, entry_id)
                    VALUES (\(event.assignmentID), \(event.seq), \(event.at.timeIntervalSince1970),
                        \(event.kind), \(json)::jsonb, \(event.entryID))
                    """, logger: self.logger)
            }
            return events.map(\.event)
        }

        /// Inserts an entry with its scores and risk flags after the checks
        /// both stores make, and audits it. Locks the assignment's row first,
        /// so ledgers and states never interleave; `assignments` caches those
        /// read (and locked) in this transaction.
        func insert(
            _ entry: Entry, action: String, _ db: PostgresConnection,
            _ assignments: inout [String: Assignment]
        ) async throws {
            let assignment: Assignment
            if let cached = assignments[entry.assignmentID] {
                assignment = cached
            } else {
                assignment = try await self.assignment(db, id: entry.assignmentID, lock: true)
                assignments[entry.assignmentID] = assignment
            }
            try StoreChecks.entry(entry, of: assignment)
            if let supporterID = entry.supporterID {
                try StoreChecks.supporterOwner(
                    try await all(
                        db, "SELECT client_id FROM supporter WHERE id = \(supporterID)",
                        as: String.self
                    ).first, of: entry)
            }
            guard try await !exists(db, "SELECT 1 FROM entry WHERE id = \(entry.id)") else {
                throw StoreError.duplicate("entry", entry.id)
            }
            let fields = try StoreCoding.encode(entry.fields)
            let flags = try StoreCoding.flagsJSON(entry.flags)
            let recordedBy = entry.recordedBy ?? principal.name
            try await db.query(
                """
                INSERT INTO entry (id, assignment_id, client_id, homework_type, homework_version,
                    performed_at, logged_at, fields, source, recorded_by, flags, kind, counts,
                    supporter_id, quality)
                VALUES (\(entry.id), \(entry.assignmentID), \(entry.clientID), \(entry.homeworkType),
                    \(entry.homeworkVersion), \(entry.performedAt.timeIntervalSince1970),
                    \(entry.loggedAt.timeIntervalSince1970), \(fields)::jsonb,
                    \(entry.source.rawValue), \(recordedBy), \(flags)::jsonb, \(entry.kind.rawValue),
                    \(entry.counts), \(entry.supporterID), \(entry.quality))
                """, logger: logger)
            try await insertScores(entry, db)
            try await raiseFlags(of: entry, at: entry.loggedAt, db)
            try await audit(
                db, action, kind: "entry", id: entry.id, clientID: entry.clientID,
                principal: entry.auditPrincipal)
        }

        func insertScores(_ entry: Entry, _ db: PostgresConnection) async throws {
            for (name, value) in entry.scores.sorted(by: { $0.key < $1.key }) {
                try await db.query(
                    "INSERT INTO entry_score (entry_id, name, value) VALUES (\(entry.id), \(name), \(value))",
                    logger: logger)
            }
        }

        public func entries(_ query: EntryQuery) async throws -> [Entry] {
            let from = query.from?.timeIntervalSince1970
            let until = query.until?.timeIntervalSince1970
            return try await transaction { db in
                try await self.entries(
                    db,
                    """
                    WHERE (\(query.assignmentID)::text IS NULL OR e.assignment_id = \(query.assignmentID))
                      AND (\(query.clientID)::text IS NULL OR e.client_id = \(query.clientID))
                      AND (\(from)::float8 IS NULL OR e.performed_at >= \(from))
                      AND (\(until)::float8 IS NULL OR e.performed_at < \(until))
                      AND (\(query.includeVoided) OR NOT e.voided)
                    """, fields: query.includeFields)
            }
        }

        public func entry(id: String) async throws -> Entry {
            try await transaction { db in try await self.entry(db, id: id) }
        }

        func entry(_ db: PostgresConnection, id: String) async throws -> Entry {
            guard let entry = try await entries(db, "WHERE e.id = \(id)", fields: true).first
            else { throw StoreError.notFound("entry", id) }
            return entry
        }

        /// Entries matching `filter` (a WHERE clause on `entry e`), by time performed then id.
        func entries(_ db: PostgresConnection, _ filter: PostgresQuery, fields: Bool)
            async throws -> [Entry]
        {
            let sql = PostgresQuery(
                unsafeSQL: """
                    SELECT e.id, e.assignment_id, e.client_id, e.homework_type, e.homework_version,
                        e.performed_at, e.logged_at, e.fields::text,
                        coalesce((SELECT json_object_agg(s.name, s.value) FROM entry_score s
                                  WHERE s.entry_id = e.id)::text, '{}'),
                        e.flags::text, e.source, e.recorded_by, e.revision, e.voided,
                        json_build_object('kind', e.kind, 'counts', e.counts,
                            'supporterID', e.supporter_id, 'quality', e.quality)::text
                    FROM entry e \(filter.sql) ORDER BY e.performed_at, e.id
                    """, binds: filter.binds)
            var entries: [Entry] = []
            let rows = try await db.query(sql, logger: logger)
            for try await row in rows.decode(
                (
                    String, String, String, String, String, Double, Double, String, String,
                    String?, String, String?, Int, Bool, String
                ).self)
            {
                let people = try StoreCoding.decode(EntryPeople.self, from: row.14, what: "entry")
                entries.append(
                    Entry(
                        id: row.0, assignmentID: row.1, clientID: row.2, homeworkType: row.3,
                        homeworkVersion: row.4, performedAt: Date(timeIntervalSince1970: row.5),
                        loggedAt: Date(timeIntervalSince1970: row.6),
                        fields: fields
                            ? try StoreCoding.decode(Value.self, from: row.7, what: "entry")
                            : .null,
                        scores: try StoreCoding.decode(
                            [String: Double].self, from: row.8, what: "entry"),
                        flags: try row.9.map {
                            try StoreCoding.decode([PluginFlag].self, from: $0, what: "entry")
                        },
                        source: EntrySource(rawValue: row.10) ?? .therapist, recordedBy: row.11,
                        revision: row.12, voided: row.13,
                        kind: EntryKind(rawValue: people.kind) ?? .homework, counts: people.counts,
                        supporterID: people.supporterID, quality: people.quality))
            }
            return entries
        }

        /// The entry's kind, count, supporter and rating, read as one JSON
        /// column (a row decodes to at most 15 columns).
        private struct EntryPeople: Decodable {
            let kind: String
            let counts: Bool
            let supporterID: String?
            let quality: Int?
        }

        public func entryRevisions(entryID: String) async throws -> [EntryRevision] {
            try await transaction { db in
                _ = try await self.entry(db, id: entryID)
                let rows = try await db.query(
                    """
                    SELECT number, action, at, actor, reason, fields::text, scores::text, flags::text
                    FROM entry_revision WHERE entry_id = \(entryID) ORDER BY number
                    """, logger: self.logger)
                var revisions: [EntryRevision] = []
                for try await row in rows.decode(
                    (Int, String, Double, String, String, String, String, String?).self)
                {
                    revisions.append(
                        EntryRevision(
                            entryID: entryID, number: row.0,
                            action: EntryRevision.Action(rawValue: row.1) ?? .amend,
                            at: Date(timeIntervalSince1970: row.2), actor: row.3, reason: row.4,
                            previousFields: try StoreCoding.decode(
                                Value.self, from: row.5, what: "entry revision"),
                            previousScores: try StoreCoding.decode(
                                [String: Double].self, from: row.6, what: "entry revision"),
                            previousFlags: try row.7.map {
                                try StoreCoding.decode(
                                    [PluginFlag].self, from: $0, what: "entry revision")
                            }))
                }
                return revisions
            }
        }

        public func engineState(assignmentID: String) async throws -> Value? {
            try await transaction { db in
                _ = try await self.assignment(db, id: assignmentID, lock: false)
                return try await self.engineState(db, assignmentID)
            }
        }

        public func engineStates(clientID: String) async throws -> [String: Value] {
            // Row-level security limits both tables to the account's caseload.
            try await transaction { db in
                var states: [String: Value] = [:]
                let rows = try await db.query(
                    """
                    SELECT s.assignment_id, s.json::text FROM assignment_state s
                    JOIN assignment a ON a.id = s.assignment_id WHERE a.client_id = \(clientID)
                    """, logger: self.logger)
                for try await (assignmentID, json) in rows.decode((String, String).self) {
                    states[assignmentID] = try StoreCoding.decode(
                        Value.self, from: json, what: "engine state")
                }
                return states
            }
        }

        func engineState(_ db: PostgresConnection, _ assignmentID: String) async throws -> Value? {
            try await self.all(
                db, "SELECT json::text FROM assignment_state WHERE assignment_id = \(assignmentID)",
                as: String.self
            ).first.map { try StoreCoding.decode(Value.self, from: $0, what: "engine state") }
        }

        public func ledger(assignmentID: String) async throws -> [LedgerEvent] {
            try await transaction { db in try await self.ledger(db, assignmentID, entryID: nil) }
        }

        /// The assignment's ledger (only the lines of `entryID`, when given), oldest first.
        func ledger(_ db: PostgresConnection, _ assignmentID: String, entryID: String?)
            async throws -> [LedgerEvent]
        {
            let rows = try await db.query(
                """
                SELECT seq, at, kind, json::text, entry_id FROM ledger
                WHERE assignment_id = \(assignmentID)
                  AND (\(entryID)::text IS NULL OR entry_id = \(entryID))
                ORDER BY seq
                """, logger: self.logger)
            var events: [LedgerEvent] = []
            for try await (seq, at, kind, json, entry) in rows.decode(
                (Int, Double, String, String, String?).self)
            {
                events.append(
                    LedgerEvent(
                        assignmentID: assignmentID, seq: seq, at: Date(timeIntervalSince1970: at),
                        kind: kind,
                        payload: try StoreCoding.decode(
                            Value.self, from: json, what: "ledger event"), entryID: entry))
            }
            return events
        }
    }
#endif
