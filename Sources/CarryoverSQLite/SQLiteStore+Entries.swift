import CarryoverCore
import CarryoverStore
import Foundation
import GRDB

extension SQLiteStore {
    /// Replaces the assignment's engine state and appends its ledger lines,
    /// inside the caller's transaction.
    static func write(_ change: StateChange, _ db: Database) throws -> [LedgerEvent] {
        if let state = try change.encodedState() {
            try db.cachedStatement(
                sql: """
                    INSERT INTO assignment_state (assignment_id, json) VALUES (?, ?)
                    ON CONFLICT (assignment_id) DO UPDATE SET json = excluded.json
                    """
            ).execute(arguments: [change.assignmentID, state])
        }
        let lastSeq = try Int.fetchOne(
            db.cachedStatement(
                sql: "SELECT coalesce(max(seq), 0) FROM ledger WHERE assignment_id = ?"),
            arguments: [change.assignmentID])
        let events = try change.numberedEvents(after: lastSeq ?? 0)
        for (event, json) in events {
            try db.cachedStatement(
                sql: """
                    INSERT INTO ledger (assignment_id, seq, at, kind, json, entry_id)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """
            ).execute(
                arguments: [
                    event.assignmentID, event.seq, event.at.timeIntervalSince1970, event.kind, json,
                    event.entryID,
                ])
        }
        return events.map(\.event)
    }

    /// Inserts an entry with its scores and risk flags after the checks both
    /// stores make, and audits it. `fieldsJSON`: its fields' canonical JSON
    /// when the caller has it (an import's workers wrote it). `assignments`
    /// caches the assignments read in this transaction. `knownNew`: the
    /// caller has just looked the id up in this transaction (an import's
    /// `recognise`), so it is not looked up again.
    func insert(
        _ entry: Entry, fieldsJSON: String? = nil, knownNew: Bool = false, action: String,
        _ db: Database, _ assignments: inout [String: Assignment]
    ) throws {
        let assignment =
            try assignments[entry.assignmentID] ?? Self.assignment(db, id: entry.assignmentID)
        assignments[entry.assignmentID] = assignment
        try StoreChecks.entry(entry, of: assignment)
        if let supporterID = entry.supporterID {
            try StoreChecks.supporterOwner(
                try String.fetchOne(
                    db, sql: "SELECT client_id FROM supporter WHERE id = ?",
                    arguments: [supporterID]), of: entry)
        }
        guard try knownNew || !Self.exists(db, "entry", id: entry.id) else {
            throw StoreError.duplicate("entry", entry.id)
        }
        let fields = try fieldsJSON ?? StoreCoding.encode(entry.fields)
        // Cached statements: an import runs these for every line.
        try db.cachedStatement(
            sql: """
                INSERT INTO entry (id, assignment_id, client_id, homework_type, homework_version,
                    performed_at, logged_at, fields, source, recorded_by, flags, kind, counts,
                    supporter_id, quality)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                entry.id, entry.assignmentID, entry.clientID, entry.homeworkType,
                entry.homeworkVersion, entry.performedAt.timeIntervalSince1970,
                entry.loggedAt.timeIntervalSince1970, fields,
                entry.source.rawValue, entry.recordedBy ?? principal.name,
                try StoreCoding.flagsJSON(entry.flags), entry.kind.rawValue,
                entry.counts, entry.supporterID, entry.quality,
            ])
        try insertScores(entry, db)
        try raiseFlags(of: entry, at: entry.loggedAt, db)
        try audit(
            db, action, kind: "entry", id: entry.id, clientID: entry.clientID,
            principal: entry.auditPrincipal)
    }

    public func entries(_ query: EntryQuery) async throws -> [Entry] {
        try await read { db in try Self.entries(db, query: query) }
    }

    /// ``entries(_:)`` inside the caller's transaction.
    static func entries(_ db: Database, query: EntryQuery) throws -> [Entry] {
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
        if !query.includeVoided { conditions.append("e.voided = 0") }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let arguments = StatementArguments(values)
        let sql = """
            SELECT e.*, s.name AS score_name, s.value AS score_value
            FROM entry e LEFT JOIN entry_score s ON s.entry_id = e.id
            \(filter) ORDER BY e.performed_at, e.id
            """
        return try entries(db, sql: sql, arguments: arguments, fields: query.includeFields)
    }

    public func entry(id: String) async throws -> Entry {
        try await read { db in try Self.entry(db, id: id) }
    }

    /// The entry with this id, voided or not.
    static func entry(_ db: Database, id: String) throws -> Entry {
        let entries = try entries(
            db,
            sql: """
                SELECT e.*, s.name AS score_name, s.value AS score_value
                FROM entry e LEFT JOIN entry_score s ON s.entry_id = e.id WHERE e.id = ?
                """, arguments: [id], fields: true)
        guard let entry = entries.first else { throw StoreError.notFound("entry", id) }
        return entry
    }

    /// Entries from rows of `entry` joined with their scores, one row per score.
    static func entries(
        _ db: Database, sql: String, arguments: StatementArguments, fields: Bool
    ) throws -> [Entry] {
        var entries: [Entry] = []
        let statement = try db.cachedStatement(sql: sql)
        // Columns by position, looked up once: by name for every row was a
        // third of reading a year of entries.
        var positions: [String: Int] = [:]
        for (index, name) in statement.columnNames.enumerated() where positions[name] == nil {
            positions[name] = index
        }
        func column(_ name: String) throws -> Int {
            guard let index = positions[name] else {
                throw StoreError(
                    .corrupt,
                    "The entry table has no column \(name) (written by a newer or damaged "
                        + "version?); restore from a backup or upgrade carryover.")
            }
            return index
        }
        let (id, assignment, client, type, version) = try (
            column("id"), column("assignment_id"), column("client_id"), column("homework_type"),
            column("homework_version")
        )
        let (performed, logged, stored, flags, source) = try (
            column("performed_at"), column("logged_at"), column("fields"), column("flags"),
            column("source")
        )
        let (recordedBy, revision, voided, scoreName, scoreValue) = try (
            column("recorded_by"), column("revision"), column("voided"), column("score_name"),
            column("score_value")
        )
        let (kind, counts, supporter, quality) = try (
            column("kind"), column("counts"), column("supporter_id"), column("quality")
        )
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() {
            let entryID: String = row[id]
            if entries.last?.id != entryID {
                let sourceName: String = row[source]
                let kindName: String = row[kind]
                entries.append(
                    Entry(
                        id: entryID, assignmentID: row[assignment], clientID: row[client],
                        homeworkType: row[type], homeworkVersion: row[version],
                        performedAt: date(row[performed]), loggedAt: date(row[logged]),
                        fields: fields
                            ? try StoreCoding.decode(Value.self, from: row[stored], what: "entry")
                            : .null,
                        flags: try StoreCoding.flags(row[flags], what: "entry"),
                        source: EntrySource(rawValue: sourceName) ?? .therapist,
                        recordedBy: row[recordedBy], revision: row[revision],
                        voided: row[voided], kind: EntryKind(rawValue: kindName) ?? .homework,
                        counts: row[counts], supporterID: row[supporter], quality: row[quality]))
            }
            if let name: String = row[scoreName] {
                entries[entries.count - 1].scores[name] = row[scoreValue]
            }
        }
        return entries
    }

    public func entryRevisions(entryID: String) async throws -> [EntryRevision] {
        try await read { db in
            _ = try Self.entry(db, id: entryID)
            return try Row.fetchAll(
                db, sql: "SELECT * FROM entry_revision WHERE entry_id = ? ORDER BY number",
                arguments: [entryID]
            ).map { row in
                let action: String = row["action"]
                return EntryRevision(
                    entryID: row["entry_id"], number: row["number"],
                    action: EntryRevision.Action(rawValue: action) ?? .amend,
                    at: Self.date(row["at"]), actor: row["actor"], reason: row["reason"],
                    previousFields: try StoreCoding.decode(
                        Value.self, from: row["fields"], what: "entry revision"),
                    previousScores: try StoreCoding.decode(
                        [String: Double].self, from: row["scores"], what: "entry revision"),
                    previousFlags: try (row["flags"] as String?).map {
                        try StoreCoding.decode([PluginFlag].self, from: $0, what: "entry revision")
                    })
            }
        }
    }

    public func engineState(assignmentID: String) async throws -> Value? {
        try await read { db in
            _ = try Self.assignment(db, id: assignmentID)
            return try Self.engineState(db, assignmentID)
        }
    }

    public func engineStates(clientID: String) async throws -> [String: Value] {
        try await read { db in try Self.engineStates(db, clientID: clientID) }
    }

    static func engineStates(_ db: Database, clientID: String) throws -> [String: Value] {
        var states: [String: Value] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT s.assignment_id, s.json FROM assignment_state s
                JOIN assignment a ON a.id = s.assignment_id WHERE a.client_id = ?
                """,
            arguments: [clientID])
        while let row = try rows.next() {
            states[row[0]] = try StoreCoding.decode(
                Value.self, from: row[1] as String, what: "engine state")
        }
        return states
    }

    static func engineState(_ db: Database, _ assignmentID: String) throws -> Value? {
        try String.fetchOne(
            db.cachedStatement(sql: "SELECT json FROM assignment_state WHERE assignment_id = ?"),
            arguments: [assignmentID]
        ).map { try StoreCoding.decode(Value.self, from: $0, what: "engine state") }
    }

    public func ledger(assignmentID: String) async throws -> [LedgerEvent] {
        try await read { db in try Self.ledger(db, assignmentID, entryID: nil) }
    }

    /// The assignment's ledger (only the lines of `entryID`, when given), oldest first.
    static func ledger(_ db: Database, _ assignmentID: String, entryID: String?) throws
        -> [LedgerEvent]
    {
        try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM ledger WHERE assignment_id = ?1 AND (?2 IS NULL OR entry_id = ?2)
                ORDER BY seq
                """,
            arguments: [assignmentID, entryID]
        ).map { row in
            LedgerEvent(
                assignmentID: row["assignment_id"], seq: row["seq"], at: date(row["at"]),
                kind: row["kind"],
                payload: try StoreCoding.decode(
                    Value.self, from: row["json"], what: "ledger event"),
                entryID: row["entry_id"])
        }
    }
}
