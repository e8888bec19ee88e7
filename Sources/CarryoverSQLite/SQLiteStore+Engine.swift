import CarryoverCore
import CarryoverStore
import Foundation
import GRDB

extension SQLiteStore {
    /// Runs `body` on the assignment's engine as stored, inside one write
    /// transaction (`BEGIN IMMEDIATE`, so no other process writes until it
    /// ends), and writes what it returns. Writes waiting at the same moment
    /// share the transaction, each in its own savepoint (group commit).
    public func writeEngine<T: Sendable>(
        assignmentID: String, entryID: String?, readingEntries: Bool,
        _ body: @escaping @Sendable (EngineSnapshot) throws -> (EngineWrite, T)
    ) async throws -> (value: T, events: [LedgerEvent]) {
        try await groupWrite { db in
            let assignment = try Self.assignment(db, id: assignmentID)
            var snapshot = EngineSnapshot(
                assignment: assignment, state: try Self.engineState(db, assignmentID))
            if let entryID {
                let entry = try Self.entry(db, id: entryID)
                guard entry.assignmentID == assignmentID else {
                    throw StoreChecks.entryElsewhere(entryID, assignmentID)
                }
                snapshot.entry = entry
                snapshot.entryEvents = try Self.ledger(db, assignmentID, entryID: entryID)
            }
            if readingEntries {
                snapshot.entries = try Self.entries(
                    db, query: EntryQuery(assignmentID: assignmentID, includeFields: false))
            }
            let (change, value) = try EngineBodyError.run { try body(snapshot) }
            var assignments = [assignment.id: assignment]
            if let entry = change.entry {
                try self.insert(entry, action: "entry.record", db, &assignments)
                if let key = change.idempotencyKey { try Self.claim(key, for: entry, db) }
            }
            if let correction = change.correction {
                try self.apply(correction, db, stored: snapshot.entry)
            }
            if let action = change.action {
                try self.audit(
                    db, action, kind: "assignment", id: assignment.id,
                    clientID: assignment.clientID)
            }
            return (value, try Self.write(change.stateChange(assignmentID), db))
        }
    }

    /// Stores an amendment or void: the version it replaces as a revision
    /// row, then the entry's new version, its new risk flags and an audit record.
    func apply(_ correction: EntryCorrection, _ db: Database, stored: Entry?) throws {
        let entry = try stored ?? Self.entry(db, id: correction.entryID)
        try StoreChecks.correction(correction, of: entry)
        let number = entry.revision + 1
        try db.execute(
            sql: """
                INSERT INTO entry_revision
                    (entry_id, number, action, at, actor, reason, fields, scores, flags)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                entry.id, number, correction.action.rawValue,
                correction.at.timeIntervalSince1970, principal.name, correction.reason,
                try StoreCoding.encode(entry.fields), try StoreCoding.encode(entry.scores),
                try StoreCoding.flagsJSON(entry.flags),
            ])
        switch correction.action {
        case .void:
            try db.execute(
                sql: "UPDATE entry SET revision = ?, voided = 1 WHERE id = ?",
                arguments: [number, entry.id])
        case .amend:
            var amended = entry
            amended.fields = correction.fields ?? entry.fields
            amended.scores = correction.scores ?? entry.scores
            amended.flags = correction.flags ?? entry.flags
            try db.execute(
                sql: "UPDATE entry SET revision = ?, fields = ?, flags = ? WHERE id = ?",
                arguments: [
                    number, try StoreCoding.encode(amended.fields),
                    try StoreCoding.flagsJSON(amended.flags), entry.id,
                ])
            try db.execute(sql: "DELETE FROM entry_score WHERE entry_id = ?", arguments: [entry.id])
            try insertScores(amended, db)
            try raiseFlags(of: amended, at: correction.at, db)
        }
        try audit(
            db, "entry.\(correction.action.rawValue)", kind: "entry", id: entry.id,
            clientID: entry.clientID)
    }

    /// An entry's scores, in name order as one row each, up to
    /// ``scoreRowsPerInsert`` rows per statement: one statement per score
    /// was five of an import line's nine.
    func insertScores(_ entry: Entry, _ db: Database) throws {
        let sorted = entry.scores.sorted(by: { $0.key < $1.key })
        for start in stride(from: 0, to: sorted.count, by: Self.scoreRowsPerInsert) {
            let rows = sorted[start..<min(start + Self.scoreRowsPerInsert, sorted.count)]
            var values: [(any DatabaseValueConvertible)?] = [entry.id]
            for (name, value) in rows {
                values.append(name)
                values.append(value)
            }
            try db.cachedStatement(sql: Self.scoreInserts[rows.count])
                .execute(arguments: StatementArguments(values))
        }
    }

    /// At most this many score rows per insert: few distinct statements to
    /// cache, and at most 17 arguments, which GRDB binds without copying.
    static let scoreRowsPerInsert = 8
    /// The insert of n score rows at index n, written once. ?1 is the
    /// entry's id in every row; the other ?s number on from 2.
    static let scoreInserts = (0...scoreRowsPerInsert).map { rows in
        "INSERT INTO entry_score (entry_id, name, value) VALUES "
            + repeatElement("(?1, ?, ?)", count: rows).joined(separator: ", ")
    }

    /// Keeps each flag that waits for acknowledgement, once per entry and code.
    func raiseFlags(of entry: Entry, at: Date, _ db: Database) throws {
        for flag in entry.flags ?? [] where flag.needsAcknowledgement {
            try db.cachedStatement(
                sql: """
                    INSERT INTO flag (entry_id, assignment_id, client_id, level, code, message,
                        performed_at, raised_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id, code) DO NOTHING
                    """
            ).execute(
                arguments: [
                    entry.id, entry.assignmentID, entry.clientID, flag.level.rawValue, flag.code,
                    flag.message, entry.performedAt.timeIntervalSince1970,
                    at.timeIntervalSince1970,
                ])
        }
    }

    /// Moves the entry revision of each assignment's engine state on (the
    /// `entryRevision` member; see `AssignmentState`), inside the caller's
    /// transaction: entries written outside an engine write retire the
    /// progress digest kept there, so the caseload computes it again.
    static func retireDigests(of assignmentIDs: [String], _ db: Database) throws {
        for id in assignmentIDs {
            try db.cachedStatement(
                sql: """
                    UPDATE assignment_state SET json = json_set(json, '$.entryRevision',
                        coalesce(json_extract(json, '$.entryRevision'), 0) + 1)
                    WHERE assignment_id = ?
                    """
            ).execute(arguments: [id])
        }
    }
}
