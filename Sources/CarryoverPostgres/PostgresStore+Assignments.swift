#if Postgres
    import CarryoverCore
    import CarryoverStore
    import PostgresNIO

    extension PostgresStore {
        public func saveAssignment(_ assignment: Assignment) async throws {
            try StoreChecks.id(assignment.id, "assignment")
            let json = try StoreCoding.encode(assignment)
            try await transaction { db in
                try await self.requireClient(db, assignment.clientID)
                try await self.upsert(assignment, json: json, db)
            }
        }

        /// Inserts or replaces an assignment of the same client and audits
        /// it, inside the caller's transaction.
        func upsert(_ assignment: Assignment, json: String, _ db: PostgresConnection)
            async throws
        {
            let owner = try await all(
                db, "SELECT client_id FROM assignment WHERE id = \(assignment.id) FOR UPDATE",
                as: String.self
            ).first
            if let owner, owner != assignment.clientID {
                throw StoreChecks.clientChange("assignment", assignment.id)
            }
            try await db.query(
                """
                INSERT INTO assignment (id, client_id, homework_type, status, created_at, json)
                VALUES (\(assignment.id), \(assignment.clientID), \(assignment.homeworkType),
                    \(assignment.status.rawValue), \(assignment.createdAt.timeIntervalSince1970),
                    \(json)::jsonb)
                ON CONFLICT (id) DO UPDATE SET homework_type = excluded.homework_type,
                    status = excluded.status, json = excluded.json
                """, logger: logger)
            try await audit(
                db, owner == nil ? "assignment.add" : "assignment.update", kind: "assignment",
                id: assignment.id, clientID: assignment.clientID)
        }

        public func assignment(id: String) async throws -> Assignment {
            try await transaction { db in try await self.assignment(db, id: id, lock: false) }
        }

        /// The assignment; `lock` holds its row until the transaction ends,
        /// which orders concurrent recordings for one assignment.
        func assignment(_ db: PostgresConnection, id: String, lock: Bool) async throws -> Assignment
        {
            let lockClause = lock ? "FOR UPDATE" : ""
            guard
                let json = try await all(
                    db,
                    "SELECT json::text FROM assignment WHERE id = \(id) \(unescaped: lockClause)",
                    as: String.self
                ).first
            else {
                guard lock else { throw StoreError.notFound("assignment", id) }
                throw try await missing(
                    db, "assignment", id, visible: "SELECT 1 FROM assignment WHERE id = \(id)")
            }
            return try StoreCoding.decode(Assignment.self, from: json, what: "assignment")
        }

        public func assignments(clientID: String, status: Assignment.Status?) async throws
            -> [Assignment]
        {
            try await transaction { db in
                try await self.all(
                    db,
                    """
                    SELECT json::text FROM assignment
                    WHERE client_id = \(clientID)
                      AND (\(status?.rawValue)::text IS NULL OR status = \(status?.rawValue))
                    ORDER BY created_at, id
                    """, as: String.self
                ).map { try StoreCoding.decode(Assignment.self, from: $0, what: "assignment") }
            }
        }

        /// One query over every assignment the principal may see (row-level
        /// security filters `assignment` as for every read) and its state.
        public func assignmentsWithState() async throws -> [AssignmentWithState] {
            try await transaction { db in
                var result: [AssignmentWithState] = []
                let rows = try await db.query(
                    """
                    SELECT a.json::text, s.json::text FROM assignment a
                    LEFT JOIN assignment_state s ON s.assignment_id = a.id
                    ORDER BY a.client_id, a.created_at, a.id
                    """, logger: self.logger)
                for try await (assignment, state) in rows.decode((String, String?).self) {
                    result.append(
                        AssignmentWithState(
                            assignment: try StoreCoding.decode(
                                Assignment.self, from: assignment, what: "assignment"),
                            state: try state.map {
                                try StoreCoding.decode(Value.self, from: $0, what: "engine state")
                            }))
                }
                return result
            }
        }
    }
#endif
