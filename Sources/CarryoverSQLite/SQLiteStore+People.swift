import CarryoverCore
import CarryoverStore
import Foundation
import GRDB

extension SQLiteStore {
    // MARK: Supporters

    public func addSupporter(_ supporter: Supporter) async throws {
        try StoreChecks.supporter(supporter, stored: nil)
        let json = try StoreCoding.encode(supporter)
        try await write { db in
            try Self.requireClient(db, supporter.clientID)
            guard try !Self.exists(db, "supporter", id: supporter.id) else {
                throw StoreError.duplicate("supporter", supporter.id)
            }
            try db.execute(
                sql: "INSERT INTO supporter (id, client_id, status, json) VALUES (?, ?, ?, ?)",
                arguments: [supporter.id, supporter.clientID, supporter.status.rawValue, json])
            try self.audit(
                db, "supporter.add", kind: "supporter", id: supporter.id,
                clientID: supporter.clientID)
        }
    }

    public func updateSupporter(_ supporter: Supporter, action: String) async throws {
        let json = try StoreCoding.encode(supporter)
        try await write { db in
            let stored = try Self.supporter(db, id: supporter.id)
            try StoreChecks.supporter(supporter, stored: stored)
            try db.execute(
                sql: "UPDATE supporter SET status = ?, json = ? WHERE id = ?",
                arguments: [supporter.status.rawValue, json, supporter.id])
            if supporter.status == .removed {
                try db.execute(
                    sql: "DELETE FROM portal_session WHERE supporter_id = ?",
                    arguments: [supporter.id])
                try db.execute(
                    sql: """
                        UPDATE portal_invite SET revoked_at = ?
                        WHERE supporter_id = ? AND used_at IS NULL AND revoked_at IS NULL
                        """, arguments: [self.clock.now().timeIntervalSince1970, supporter.id])
            }
            try self.audit(
                db, action, kind: "supporter", id: supporter.id, clientID: supporter.clientID)
        }
    }

    public func supporter(id: String) async throws -> Supporter {
        try await read { db in try Self.supporter(db, id: id) }
    }

    static func supporter(_ db: Database, id: String) throws -> Supporter {
        guard
            let json = try String.fetchOne(
                db, sql: "SELECT json FROM supporter WHERE id = ?", arguments: [id])
        else { throw StoreError.notFound("supporter", id) }
        return try StoreCoding.decode(Supporter.self, from: json, what: "supporter")
    }

    public func supporters(clientID: String) async throws -> [Supporter] {
        try await read { db in
            try Self.requireClient(db, clientID)
            return try String.fetchAll(
                db, sql: "SELECT json FROM supporter WHERE client_id = ? ORDER BY id",
                arguments: [clientID]
            ).map { try StoreCoding.decode(Supporter.self, from: $0, what: "supporter") }
        }
    }

    // MARK: Encouragements

    public func addEncouragement(_ message: Encouragement) async throws {
        try StoreChecks.id(message.id, "encouragement")
        try await write { db in
            let supporter = try Self.supporter(db, id: message.supporterID)
            let assignment = try Self.assignment(db, id: message.assignmentID)
            guard supporter.clientID == message.clientID, assignment.clientID == message.clientID
            else { throw StoreChecks.clientChange("encouragement", message.id) }
            // The same form sent twice: its id comes from the form's key.
            guard try !Self.exists(db, "encouragement", id: message.id) else {
                throw StoreError.duplicate("encouragement", message.id)
            }
            try db.execute(
                sql: """
                    INSERT INTO encouragement (id, supporter_id, client_id, assignment_id, text, sent_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    message.id, message.supporterID, message.clientID, message.assignmentID,
                    message.text, message.sentAt.timeIntervalSince1970,
                ])
            try self.audit(
                db, "encouragement.send", kind: "encouragement", id: message.id,
                clientID: message.clientID, principal: Entry.portalRecorder)
        }
    }

    public func encouragements(clientID: String, since: Date?) async throws -> [Encouragement] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM encouragement WHERE client_id = ?1
                        AND (?2 IS NULL OR sent_at >= ?2) ORDER BY sent_at, id
                    """, arguments: [clientID, since?.timeIntervalSince1970]
            ).map { row in
                Encouragement(
                    id: row["id"], supporterID: row["supporter_id"], clientID: row["client_id"],
                    assignmentID: row["assignment_id"], text: row["text"],
                    sentAt: Self.date(row["sent_at"]))
            }
        }
    }

    // MARK: Session reviews

    public func addReview(_ review: SessionReview, assignments: [Assignment]) async throws {
        try StoreChecks.review(review, assignments: assignments)
        let json = try StoreCoding.encode(review)
        let encoded = try assignments.map { ($0, try StoreCoding.encode($0)) }
        try await write { db in
            try Self.requireClient(db, review.clientID)
            guard try !Self.exists(db, "session_review", id: review.id) else {
                throw StoreError.duplicate("review", review.id)
            }
            try db.execute(
                sql:
                    "INSERT INTO session_review (id, client_id, held_at, json) VALUES (?, ?, ?, ?)",
                arguments: [review.id, review.clientID, review.heldAt.timeIntervalSince1970, json])
            for (assignment, json) in encoded { try self.upsert(assignment, json: json, db) }
            try self.audit(
                db, "review.add", kind: "review", id: review.id, clientID: review.clientID)
        }
    }

    public func reviews(clientID: String) async throws -> [SessionReview] {
        try await read { db in
            try Self.requireClient(db, clientID)
            return try String.fetchAll(
                db,
                sql: "SELECT json FROM session_review WHERE client_id = ? ORDER BY held_at, id",
                arguments: [clientID]
            ).map { try StoreCoding.decode(SessionReview.self, from: $0, what: "review") }
        }
    }
}
