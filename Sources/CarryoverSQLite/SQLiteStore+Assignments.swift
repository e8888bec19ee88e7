import CarryoverCore
import CarryoverStore
import GRDB

extension SQLiteStore {
    public func saveAssignment(_ assignment: Assignment) async throws {
        try StoreChecks.id(assignment.id, "assignment")
        let json = try StoreCoding.encode(assignment)
        try await write { db in
            try Self.requireClient(db, assignment.clientID)
            try self.upsert(assignment, json: json, db)
        }
    }

    /// Inserts or replaces an assignment of the same client and audits it,
    /// inside the caller's transaction.
    func upsert(_ assignment: Assignment, json: String, _ db: Database) throws {
        let owner = try String.fetchOne(
            db, sql: "SELECT client_id FROM assignment WHERE id = ?", arguments: [assignment.id])
        if let owner, owner != assignment.clientID {
            throw StoreChecks.clientChange("assignment", assignment.id)
        }
        try db.execute(
            sql: """
                INSERT INTO assignment (id, client_id, homework_type, status, created_at, json)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET homework_type = excluded.homework_type,
                    status = excluded.status, json = excluded.json
                """,
            arguments: [
                assignment.id, assignment.clientID, assignment.homeworkType,
                assignment.status.rawValue, assignment.createdAt.timeIntervalSince1970, json,
            ])
        try audit(
            db, owner == nil ? "assignment.add" : "assignment.update", kind: "assignment",
            id: assignment.id, clientID: assignment.clientID)
    }

    /// Replaces a stored assignment of the same client, inside the caller's transaction.
    static func update(_ assignment: Assignment, json: String, _ db: Database) throws {
        try db.execute(
            sql: """
                UPDATE assignment SET homework_type = ?, status = ?, json = ?
                WHERE id = ? AND client_id = ?
                """,
            arguments: [
                assignment.homeworkType, assignment.status.rawValue, json, assignment.id,
                assignment.clientID,
            ])
        guard db.changesCount == 1 else { throw StoreError.notFound("assignment", assignment.id) }
    }

    public func assignment(id: String) async throws -> Assignment {
        try await read { db in try Self.assignment(db, id: id) }
    }

    static func assignment(_ db: Database, id: String) throws -> Assignment {
        guard
            let json = try String.fetchOne(
                db.cachedStatement(sql: "SELECT json FROM assignment WHERE id = ?"),
                arguments: [id])
        else { throw StoreError.notFound("assignment", id) }
        return try DecodedAssignments.shared.assignment(from: json)
    }

    public func assignments(clientID: String, status: Assignment.Status?) async throws
        -> [Assignment]
    {
        try await read { db in try Self.assignments(db, clientID: clientID, status: status) }
    }

    static func assignments(_ db: Database, clientID: String, status: Assignment.Status?) throws
        -> [Assignment]
    {
        try String.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT json FROM assignment
                    WHERE client_id = ? AND (?2 IS NULL OR status = ?2)
                    ORDER BY created_at, id
                    """),
            arguments: [clientID, status?.rawValue]
        ).map { try DecodedAssignments.shared.assignment(from: $0) }
    }

    /// One query over every assignment and its state, by client, then as
    /// ``assignments(clientID:status:)`` orders them. The documents are
    /// decoded after the read, on every core: for a caseload of thousands
    /// of assignments the decoding, not the query, is most of the time.
    public func assignmentsWithState() async throws -> [AssignmentWithState] {
        let rows = try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.json AS assignment, s.json AS state FROM assignment a
                    LEFT JOIN assignment_state s ON s.assignment_id = a.id
                    ORDER BY a.client_id, a.created_at, a.id
                    """
            ).map { row in (assignment: row["assignment"] as String, state: row["state"] as String?) }
        }
        return try rows.concurrentMap { row in
            AssignmentWithState(
                assignment: try DecodedAssignments.shared.assignment(from: row.assignment),
                state: try row.state.map {
                    try StoreCoding.decode(Value.self, from: $0, what: "engine state")
                })
        }
    }
}
