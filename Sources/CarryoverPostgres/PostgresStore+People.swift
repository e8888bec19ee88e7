#if Postgres
    import CarryoverCore
    import CarryoverStore
    import Foundation
    import PostgresNIO

    extension PostgresStore {
        // MARK: Supporters

        public func addSupporter(_ supporter: Supporter) async throws {
            try StoreChecks.supporter(supporter, stored: nil)
            let json = try StoreCoding.encode(supporter)
            try await transaction { db in
                try await self.requireClient(db, supporter.clientID)
                guard
                    try await !self.exists(
                        db, "SELECT 1 FROM supporter WHERE id = \(supporter.id)")
                else { throw StoreError.duplicate("supporter", supporter.id) }
                try await db.query(
                    """
                    INSERT INTO supporter (id, client_id, status, json)
                    VALUES (\(supporter.id), \(supporter.clientID), \(supporter.status.rawValue),
                        \(json)::jsonb)
                    """, logger: self.logger)
                try await self.audit(
                    db, "supporter.add", kind: "supporter", id: supporter.id,
                    clientID: supporter.clientID)
            }
        }

        public func updateSupporter(_ supporter: Supporter, action: String) async throws {
            let json = try StoreCoding.encode(supporter)
            let now = clock.now().timeIntervalSince1970
            try await transaction { db in
                let stored = try await self.supporter(db, id: supporter.id, lock: true)
                try StoreChecks.supporter(supporter, stored: stored)
                try await db.query(
                    """
                    UPDATE supporter SET status = \(supporter.status.rawValue), json = \(json)::jsonb
                    WHERE id = \(supporter.id)
                    """, logger: self.logger)
                if supporter.status == .removed {
                    try await db.query(
                        "DELETE FROM portal_session WHERE supporter_id = \(supporter.id)",
                        logger: self.logger)
                    try await db.query(
                        """
                        UPDATE portal_invite SET revoked_at = \(now)
                        WHERE supporter_id = \(supporter.id) AND used_at IS NULL
                            AND revoked_at IS NULL
                        """, logger: self.logger)
                }
                try await self.audit(
                    db, action, kind: "supporter", id: supporter.id, clientID: supporter.clientID)
            }
        }

        public func supporter(id: String) async throws -> Supporter {
            try await transaction { db in try await self.supporter(db, id: id, lock: false) }
        }

        func supporter(_ db: PostgresConnection, id: String, lock: Bool) async throws
            -> Supporter
        {
            let lockClause = lock ? "FOR UPDATE" : ""
            guard
                let json = try await all(
                    db,
                    "SELECT json::text FROM supporter WHERE id = \(id) \(unescaped: lockClause)",
                    as: String.self
                ).first
            else { throw StoreError.notFound("supporter", id) }
            return try StoreCoding.decode(Supporter.self, from: json, what: "supporter")
        }

        public func supporters(clientID: String) async throws -> [Supporter] {
            try await transaction { db in
                try await self.requireClient(db, clientID)
                return try await self.all(
                    db,
                    "SELECT json::text FROM supporter WHERE client_id = \(clientID) ORDER BY id",
                    as: String.self
                ).map { try StoreCoding.decode(Supporter.self, from: $0, what: "supporter") }
            }
        }

        // MARK: Encouragements

        public func addEncouragement(_ message: Encouragement) async throws {
            try StoreChecks.id(message.id, "encouragement")
            try await transaction { db in
                let supporter = try await self.supporter(db, id: message.supporterID, lock: false)
                let assignment = try await self.assignment(
                    db, id: message.assignmentID, lock: false)
                guard supporter.clientID == message.clientID,
                    assignment.clientID == message.clientID
                else { throw StoreChecks.clientChange("encouragement", message.id) }
                // The same form sent twice: its id comes from the form's key.
                guard
                    try await !self.exists(
                        db, "SELECT 1 FROM encouragement WHERE id = \(message.id)")
                else { throw StoreError.duplicate("encouragement", message.id) }
                try await db.query(
                    """
                    INSERT INTO encouragement (id, supporter_id, client_id, assignment_id, text, sent_at)
                    VALUES (\(message.id), \(message.supporterID), \(message.clientID),
                        \(message.assignmentID), \(message.text),
                        \(message.sentAt.timeIntervalSince1970))
                    """, logger: self.logger)
                try await self.audit(
                    db, "encouragement.send", kind: "encouragement", id: message.id,
                    clientID: message.clientID, principal: Entry.portalRecorder)
            }
        }

        public func encouragements(clientID: String, since: Date?) async throws
            -> [Encouragement]
        {
            let from = since?.timeIntervalSince1970
            return try await transaction { db in
                let rows = try await db.query(
                    """
                    SELECT id, supporter_id, assignment_id, text, sent_at FROM encouragement
                    WHERE client_id = \(clientID) AND (\(from)::float8 IS NULL OR sent_at >= \(from))
                    ORDER BY sent_at, id
                    """, logger: self.logger)
                var result: [Encouragement] = []
                for try await (id, supporter, assignment, text, sent) in rows.decode(
                    (String, String, String, String, Double).self)
                {
                    result.append(
                        Encouragement(
                            id: id, supporterID: supporter, clientID: clientID,
                            assignmentID: assignment, text: text,
                            sentAt: Date(timeIntervalSince1970: sent)))
                }
                return result
            }
        }

        // MARK: Session reviews

        public func addReview(_ review: SessionReview, assignments: [Assignment]) async throws {
            try StoreChecks.review(review, assignments: assignments)
            let json = try StoreCoding.encode(review)
            let encoded = try assignments.map { ($0, try StoreCoding.encode($0)) }
            try await transaction { db in
                try await self.requireClient(db, review.clientID)
                guard
                    try await !self.exists(
                        db, "SELECT 1 FROM session_review WHERE id = \(review.id)")
                else { throw StoreError.duplicate("review", review.id) }
                try await db.query(
                    """
                    INSERT INTO session_review (id, client_id, held_at, json)
                    VALUES (\(review.id), \(review.clientID), \(review.heldAt.timeIntervalSince1970),
                        \(json)::jsonb)
                    """, logger: self.logger)
                for (assignment, json) in encoded {
                    try await self.upsert(assignment, json: json, db)
                }
                try await self.audit(
                    db, "review.add", kind: "review", id: review.id, clientID: review.clientID)
            }
        }

        public func reviews(clientID: String) async throws -> [SessionReview] {
            try await transaction { db in
                try await self.requireClient(db, clientID)
                return try await self.all(
                    db,
                    """
                    SELECT json::text FROM session_review WHERE client_id = \(clientID)
                    ORDER BY held_at, id
                    """, as: String.self
                ).map { try StoreCoding.decode(SessionReview.self, from: $0, what: "review") }
            }
        }
    }
#endif
