import CarryoverCore
import Foundation
import GRDB

extension SQLiteStore {
    public func record(_ recording: EntryRecording) async throws -> [LedgerEvent] {
        let entry = recording.entry
        return try await write { db in
            var assignments: [String: Assignment] = [:]
            try self.insert(entry, action: "entry.record", db, &assignments)
            if let key = recording.idempotencyKey {
                try Self.claim(key, for: entry, db)
            }
            return try Self.write(recording.stateChange, db)
        }
    }

    public func recordState(_ recording: StateRecording) async throws -> [LedgerEvent] {
        try await write { db in
            let assignment = try Self.assignment(db, id: recording.assignmentID)
            try self.audit(
                db, recording.action, kind: "assignment", id: assignment.id,
                clientID: assignment.clientID)
            return try Self.write(recording.stateChange, db)
        }
    }

    /// Replaces the assignment's engine state and appends its ledger lines,
    /// inside the caller's transaction.
    static func write(_ change: StateChange, _ db: Database) throws -> [LedgerEvent] {
        if let state = try change.encodedState() {
            try db.execute(
                sql: """
                    INSERT INTO assignment_state (assignment_id, json) VALUES (?, ?)
                    ON CONFLICT (assignment_id) DO UPDATE SET json = excluded.json
                    """,
                arguments: [change.assignmentID, state])
        }
        let lastSeq = try Int.fetchOne(
            db, sql: "SELECT coalesce(max(seq), 0) FROM ledger WHERE assignment_id = ?",
            arguments: [change.assignmentID])
        let events = try change.numberedEvents(after: lastSeq ?? 0)
        for (event, json) in events {
            try db.execute(
                sql:
                    "INSERT INTO ledger (assignment_id, seq, at, kind, json) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    event.assignmentID, event.seq, event.at.timeIntervalSince1970, event.kind, json,
                ])
        }
        return events.map(\.event)
    }

    /// Inserts an entry and its scores after the checks both stores make, and
    /// audits it. `assignments` caches the assignments read in this transaction.
    func insert(
        _ entry: Entry, action: String, _ db: Database, _ assignments: inout [String: Assignment]
    ) throws {
        let assignment =
            try assignments[entry.assignmentID] ?? Self.assignment(db, id: entry.assignmentID)
        assignments[entry.assignmentID] = assignment
        try StoreChecks.entry(entry, of: assignment)
        guard try !Self.exists(db, "entry", id: entry.id) else {
            throw StoreError.duplicate("entry", entry.id)
        }
        // Cached statements: an import runs these for every line.
        try db.cachedStatement(
            sql: """
                INSERT INTO entry (id, assignment_id, client_id, homework_type, homework_version,
                    performed_at, logged_at, fields, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                entry.id, entry.assignmentID, entry.clientID, entry.homeworkType,
                entry.homeworkVersion, entry.performedAt.timeIntervalSince1970,
                entry.loggedAt.timeIntervalSince1970, try StoreCoding.encode(entry.fields),
                entry.source?.rawValue,
            ])
        for (name, value) in entry.scores.sorted(by: { $0.key < $1.key }) {
            try db.cachedStatement(
                sql: "INSERT INTO entry_score (entry_id, name, value) VALUES (?, ?, ?)"
            ).execute(arguments: [entry.id, name, value])
        }
        try audit(
            db, action, kind: "entry", id: entry.id, clientID: entry.clientID,
            principal: entry.source?.auditPrincipal)
    }

    public func entries(_ query: EntryQuery) async throws -> [Entry] {
        // Only the conditions given, so SQLite can use entry_by_assignment or
        // entry_by_client ("?1 IS NULL OR ..." would scan the whole table),
        // and the scores in the same query rather than one query per entry.
        var conditions: [String] = []
        var values: [(any DatabaseValueConvertible)?] = []
        if let assignmentID = query.assignmentID {
            conditions.append("e.assignment_id = ?")
            values.append(assignmentID)
        }
        if let clientID = query.clientID {
            conditions.append("e.client_id = ?")
            values.append(clientID)
        }
        if let from = query.from {
            conditions.append("e.performed_at >= ?")
            values.append(from.timeIntervalSince1970)
        }
        if let until = query.until {
            conditions.append("e.performed_at < ?")
            values.append(until.timeIntervalSince1970)
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let arguments = StatementArguments(values)
        let sql = """
            SELECT e.*, s.name AS score_name, s.value AS score_value
            FROM entry e LEFT JOIN entry_score s ON s.entry_id = e.id
            \(filter) ORDER BY e.performed_at, e.id
            """
        return try await read { db in
            var entries: [Entry] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                let id: String = row["id"]
                if entries.last?.id != id {
                    entries.append(
                        Entry(
                            id: id, assignmentID: row["assignment_id"], clientID: row["client_id"],
                            homeworkType: row["homework_type"],
                            homeworkVersion: row["homework_version"],
                            performedAt: Self.date(row["performed_at"]),
                            loggedAt: Self.date(row["logged_at"]),
                            fields: query.includeFields
                                ? try StoreCoding.decode(
                                    Value.self, from: row["fields"], what: "entry")
                                : .null,
                            source: (row["source"] as String?).flatMap(EntrySource.init)))
                }
                if let name: String = row["score_name"] {
                    entries[entries.count - 1].scores[name] = row["score_value"]
                }
            }
            return entries
        }
    }

    public func engineState(assignmentID: String) async throws -> Value? {
        try await read { db in
            _ = try Self.assignment(db, id: assignmentID)
            return try String.fetchOne(
                db, sql: "SELECT json FROM assignment_state WHERE assignment_id = ?",
                arguments: [assignmentID]
            ).map { try StoreCoding.decode(Value.self, from: $0, what: "engine state") }
        }
    }

    public func ledger(assignmentID: String) async throws -> [LedgerEvent] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM ledger WHERE assignment_id = ? ORDER BY seq",
                arguments: [assignmentID]
            ).map { row in
                LedgerEvent(
                    assignmentID: row["assignment_id"], seq: row["seq"], at: Self.date(row["at"]),
                    kind: row["kind"],
                    payload: try StoreCoding.decode(
                        Value.self, from: row["json"], what: "ledger event"))
            }
        }
    }
}
