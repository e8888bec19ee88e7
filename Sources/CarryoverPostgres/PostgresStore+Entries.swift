#if Postgres
    import CarryoverCore
    import CarryoverStore
    import Foundation
    import PostgresNIO

    extension PostgresStore {
        public func record(_ recording: EntryRecording) async throws -> [LedgerEvent] {
            let entry = recording.entry
            return try await transaction { db in
                var assignments: [String: Assignment] = [:]
                try await self.insert(entry, action: "entry.record", db, &assignments)
                if let key = recording.idempotencyKey {
                    try await self.claim(key, for: entry, db)
                }
                return try await self.write(recording.stateChange, db)
            }
        }

        public func recordState(_ recording: StateRecording) async throws -> [LedgerEvent] {
            try await transaction { db in
                let assignment = try await self.assignment(
                    db, id: recording.assignmentID, lock: true)
                try await self.audit(
                    db, recording.action, kind: "assignment", id: assignment.id,
                    clientID: assignment.clientID)
                return try await self.write(recording.stateChange, db)
            }
        }

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
                    INSERT INTO ledger (assignment_id, seq, at, kind, json)
                    VALUES (\(event.assignmentID), \(event.seq), \(event.at.timeIntervalSince1970),
                        \(event.kind), \(json)::jsonb)
                    """, logger: self.logger)
            }
            return events.map(\.event)
        }

        /// Inserts an entry and its scores after the checks both stores make, and
        /// audits it. Locks the assignment's row first, so ledgers and states
        /// never interleave; `assignments` caches those read (and locked) in
        /// this transaction.
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
            guard try await !exists(db, "SELECT 1 FROM entry WHERE id = \(entry.id)") else {
                throw StoreError.duplicate("entry", entry.id)
            }
            let fields = try StoreCoding.encode(entry.fields)
            try await db.query(
                """
                INSERT INTO entry (id, assignment_id, client_id, homework_type, homework_version,
                    performed_at, logged_at, fields, source)
                VALUES (\(entry.id), \(entry.assignmentID), \(entry.clientID), \(entry.homeworkType),
                    \(entry.homeworkVersion), \(entry.performedAt.timeIntervalSince1970),
                    \(entry.loggedAt.timeIntervalSince1970), \(fields)::jsonb, \(entry.source?.rawValue))
                """, logger: logger)
            for (name, value) in entry.scores.sorted(by: { $0.key < $1.key }) {
                try await db.query(
                    "INSERT INTO entry_score (entry_id, name, value) VALUES (\(entry.id), \(name), \(value))",
                    logger: logger)
            }
            try await audit(
                db, action, kind: "entry", id: entry.id, clientID: entry.clientID,
                principal: entry.source?.auditPrincipal)
        }

        public func entries(_ query: EntryQuery) async throws -> [Entry] {
            let from = query.from?.timeIntervalSince1970
            let until = query.until?.timeIntervalSince1970
            return try await transaction { db in
                let rows = try await db.query(
                    """
                    SELECT e.id, e.assignment_id, e.client_id, e.homework_type, e.homework_version,
                        e.performed_at, e.logged_at, e.fields::text,
                        coalesce((SELECT json_object_agg(s.name, s.value) FROM entry_score s
                                  WHERE s.entry_id = e.id)::text, '{}'), e.source
                    FROM entry e
                    WHERE (\(query.assignmentID)::text IS NULL OR e.assignment_id = \(query.assignmentID))
                      AND (\(query.clientID)::text IS NULL OR e.client_id = \(query.clientID))
                      AND (\(from)::float8 IS NULL OR e.performed_at >= \(from))
                      AND (\(until)::float8 IS NULL OR e.performed_at < \(until))
                    ORDER BY e.performed_at, e.id
                    """, logger: self.logger)
                var entries: [Entry] = []
                for try await row in rows.decode(
                    (
                        String, String, String, String, String, Double, Double, String, String,
                        String?
                    )
                    .self)
                {
                    entries.append(
                        Entry(
                            id: row.0, assignmentID: row.1, clientID: row.2, homeworkType: row.3,
                            homeworkVersion: row.4, performedAt: Date(timeIntervalSince1970: row.5),
                            loggedAt: Date(timeIntervalSince1970: row.6),
                            fields: query.includeFields
                                ? try StoreCoding.decode(Value.self, from: row.7, what: "entry")
                                : .null,
                            scores: try StoreCoding.decode(
                                [String: Double].self, from: row.8, what: "entry"),
                            source: row.9.flatMap(EntrySource.init)))
                }
                return entries
            }
        }

        public func engineState(assignmentID: String) async throws -> Value? {
            try await transaction { db in
                _ = try await self.assignment(db, id: assignmentID, lock: false)
                return try await self.all(
                    db,
                    "SELECT json::text FROM assignment_state WHERE assignment_id = \(assignmentID)",
                    as: String.self
                ).first.map { try StoreCoding.decode(Value.self, from: $0, what: "engine state") }
            }
        }

        public func ledger(assignmentID: String) async throws -> [LedgerEvent] {
            try await transaction { db in
                let rows = try await db.query(
                    """
                    SELECT seq, at, kind, json::text FROM ledger
                    WHERE assignment_id = \(assignmentID) ORDER BY seq
                    """, logger: self.logger)
                var events: [LedgerEvent] = []
                for try await (seq, at, kind, json) in rows.decode(
                    (Int, Double, String, String).self)
                {
                    events.append(
                        LedgerEvent(
                            assignmentID: assignmentID, seq: seq,
                            at: Date(timeIntervalSince1970: at),
                            kind: kind,
                            payload: try StoreCoding.decode(
                                Value.self, from: json, what: "ledger event")))
                }
                return events
            }
        }
    }
#endif
