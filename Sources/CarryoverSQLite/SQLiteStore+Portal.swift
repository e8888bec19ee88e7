import CarryoverCore
import CarryoverStore
import Foundation
import GRDB

extension SQLiteStore {
    // MARK: Invites

    public func addInvite(_ invite: PortalInvite) async throws {
        try StoreChecks.id(invite.id, "invite")
        try await write { db in
            try Self.requireClient(db, invite.clientID)
            try db.execute(
                sql: """
                    INSERT INTO portal_invite
                        (id, client_id, token_hash, created_at, expires_at, supporter_id)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    invite.id, invite.clientID, invite.tokenHash,
                    invite.createdAt.timeIntervalSince1970, invite.expiresAt.timeIntervalSince1970,
                    invite.supporterID,
                ])
            try self.audit(
                db, "invite.create", kind: "invite", id: invite.id, clientID: invite.clientID)
        }
    }

    public func invites(clientID: String) async throws -> [PortalInvite] {
        try await read { db in
            try Self.requireClient(db, clientID)
            return try Row.fetchAll(
                db,
                sql: "SELECT * FROM portal_invite WHERE client_id = ? ORDER BY created_at DESC, id",
                arguments: [clientID]
            ).map(Self.invite)
        }
    }

    public func invite(tokenHash: String) async throws -> PortalInvite? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM portal_invite WHERE token_hash = ?", arguments: [tokenHash]
            ).map(Self.invite)
        }
    }

    static func invite(_ row: Row) -> PortalInvite {
        PortalInvite(
            id: row["id"], clientID: row["client_id"], tokenHash: row["token_hash"],
            createdAt: date(row["created_at"]), expiresAt: date(row["expires_at"]),
            usedAt: (row["used_at"] as Double?).map(date),
            revokedAt: (row["revoked_at"] as Double?).map(date), supporterID: row["supporter_id"])
    }

    public func redeemInvite(tokenHash: String, at: Date) async throws -> InviteRedemption {
        try await write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM portal_invite WHERE token_hash = ?",
                    arguments: [tokenHash])
            else { return .unknown }
            let invite = Self.invite(row)
            if let refusal = PortalRules.refusal(invite, at: at) { return refusal }
            try db.execute(
                sql: "UPDATE portal_invite SET used_at = ? WHERE id = ? AND used_at IS NULL",
                arguments: [at.timeIntervalSince1970, invite.id])
            try self.audit(
                db, "invite.redeem", kind: "invite", id: invite.id, clientID: invite.clientID,
                principal: Entry.portalRecorder)
            return .redeemed(clientID: invite.clientID, supporterID: invite.supporterID)
        }
    }

    public func revokeInvites(clientID: String, supporterID: String?, at: Date) async throws -> Int
    {
        try await write { db in
            try Self.requireClient(db, clientID)
            let open = try String.fetchAll(
                db,
                sql: """
                    SELECT id FROM portal_invite WHERE client_id = ?1 AND used_at IS NULL
                        AND revoked_at IS NULL AND expires_at > ?2
                        AND supporter_id IS ?3 ORDER BY id
                    """, arguments: [clientID, at.timeIntervalSince1970, supporterID])
            for id in open {
                try db.execute(
                    sql: "UPDATE portal_invite SET revoked_at = ? WHERE id = ?",
                    arguments: [at.timeIntervalSince1970, id])
                try self.audit(db, "invite.revoke", kind: "invite", id: id, clientID: clientID)
            }
            return open.count
        }
    }

    // MARK: Sessions

    public func saveSession(_ session: PortalSession) async throws {
        let now = clock.now().timeIntervalSince1970
        try await write { db in
            // Expired sessions go whenever one is saved, so the table stays small.
            try db.execute(
                sql: "DELETE FROM portal_session WHERE expires_at <= ?", arguments: [now])
            try db.execute(
                sql: """
                    INSERT INTO portal_session (key_hash, client_id, expires_at, data, supporter_id)
                    VALUES (?1, ?2, coalesce(?3, ?5), ?4, ?6)
                    ON CONFLICT (key_hash) DO UPDATE SET data = excluded.data,
                        expires_at = coalesce(?3, portal_session.expires_at)
                    WHERE portal_session.client_id = excluded.client_id
                        AND portal_session.supporter_id IS excluded.supporter_id
                    """,
                arguments: [
                    session.keyHash, session.clientID, session.expiresAt?.timeIntervalSince1970,
                    session.data, now + PortalRules.defaultSessionSeconds, session.supporterID,
                ])
        }
    }

    public func session(keyHash: String, at: Date) async throws -> PortalSession? {
        try await read { db in
            try Row.fetchOne(
                db.cachedStatement(
                    sql: "SELECT * FROM portal_session WHERE key_hash = ? AND expires_at > ?"),
                arguments: [keyHash, at.timeIntervalSince1970]
            ).map {
                PortalSession(
                    keyHash: $0["key_hash"], clientID: $0["client_id"],
                    expiresAt: Self.date($0["expires_at"]), data: $0["data"],
                    supporterID: $0["supporter_id"])
            }
        }
    }

    public func removeSession(keyHash: String) async throws {
        try await write { db in
            try db.execute(
                sql: "DELETE FROM portal_session WHERE key_hash = ?", arguments: [keyHash])
        }
    }

    public func endSessions(clientID: String, supporterID: String?) async throws -> Int {
        try await write { db in
            try Self.requireClient(db, clientID)
            try db.execute(
                sql: "DELETE FROM portal_session WHERE client_id = ? AND supporter_id IS ?",
                arguments: [clientID, supporterID])
            let ended = db.changesCount
            try self.audit(
                db, "session.end", kind: supporterID == nil ? "client" : "supporter",
                id: supporterID ?? clientID, clientID: clientID)
            return ended
        }
    }

    // MARK: Failed attempts

    public func recordFailedAttempt(addressHash: String, at: Date, policy: AttemptPolicy)
        async throws -> Date?
    {
        try await write { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM portal_attempt WHERE address_hash = ?",
                arguments: [addressHash])
            let next = PortalRules.failure(
                after: row.map {
                    AttemptCount(
                        failures: $0["failures"], windowStart: Self.date($0["window_start"]),
                        lockedUntil: ($0["locked_until"] as Double?).map(Self.date))
                }, at: at, policy: policy)
            try db.execute(
                sql: """
                    INSERT INTO portal_attempt (address_hash, failures, window_start, locked_until)
                    VALUES (?, ?, ?, ?)
                    ON CONFLICT (address_hash) DO UPDATE SET failures = excluded.failures,
                        window_start = excluded.window_start, locked_until = excluded.locked_until
                    """,
                arguments: [
                    addressHash, next.failures, next.windowStart.timeIntervalSince1970,
                    next.lockedUntil?.timeIntervalSince1970,
                ])
            return next.lockedUntil.flatMap { $0 > at ? $0 : nil }
        }
    }

    public func lockout(addressHash: String, at: Date) async throws -> Date? {
        try await read { db in
            try Double.fetchOne(
                db,
                sql:
                    "SELECT locked_until FROM portal_attempt WHERE address_hash = ? AND locked_until > ?",
                arguments: [addressHash, at.timeIntervalSince1970]
            ).map(Self.date)
        }
    }

    // MARK: Calendar feeds

    public func setCalendarToken(clientID: String, tokenHash: String, at: Date) async throws {
        try await write { db in
            try Self.requireClient(db, clientID)
            let existed = try Self.exists(db, "portal_calendar", key: "client_id", clientID)
            try db.execute(
                sql: """
                    INSERT INTO portal_calendar (client_id, token_hash, created_at) VALUES (?, ?, ?)
                    ON CONFLICT (client_id) DO UPDATE SET token_hash = excluded.token_hash,
                        created_at = excluded.created_at
                    """, arguments: [clientID, tokenHash, at.timeIntervalSince1970])
            try self.audit(
                db, existed ? "calendar.rotate" : "calendar.create", kind: "calendar",
                id: clientID, clientID: clientID)
        }
    }

    public func revokeCalendarToken(clientID: String) async throws -> Bool {
        try await write { db in
            try Self.requireClient(db, clientID)
            try db.execute(
                sql: "DELETE FROM portal_calendar WHERE client_id = ?", arguments: [clientID])
            guard db.changesCount > 0 else { return false }
            try self.audit(
                db, "calendar.revoke", kind: "calendar", id: clientID, clientID: clientID)
            return true
        }
    }

    public func calendarClient(tokenHash: String) async throws -> String? {
        try await read { db in
            try String.fetchOne(
                db, sql: "SELECT client_id FROM portal_calendar WHERE token_hash = ?",
                arguments: [tokenHash])
        }
    }

    // MARK: Activity and submissions

    public func notePortalOpened(clientID: String, at: Date) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO portal_activity (client_id, last_opened_at) VALUES (?, ?)
                    ON CONFLICT (client_id) DO UPDATE SET last_opened_at = excluded.last_opened_at
                    """, arguments: [clientID, at.timeIntervalSince1970])
        }
    }

    public func portalLastOpened(clientID: String) async throws -> Date? {
        try await read { db in
            try Double.fetchOne(
                db, sql: "SELECT last_opened_at FROM portal_activity WHERE client_id = ?",
                arguments: [clientID]
            ).map(Self.date)
        }
    }

    public func entryID(idempotencyKey: String, clientID: String) async throws -> String? {
        try await read { db in
            try String.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT entry_id FROM portal_submission
                        WHERE idempotency_key = ? AND client_id = ?
                        """),
                arguments: [idempotencyKey, clientID])
        }
    }

    /// Records that a portal form's key stored this entry, inside the entry's
    /// transaction; a key stored before refuses the whole transaction.
    static func claim(_ key: String, for entry: Entry, _ db: Database) throws {
        guard try !exists(db, "portal_submission", key: "idempotency_key", key) else {
            throw StoreError.submittedBefore()
        }
        try db.cachedStatement(
            sql:
                "INSERT INTO portal_submission (idempotency_key, client_id, entry_id) VALUES (?, ?, ?)"
        ).execute(arguments: [key, entry.clientID, entry.id])
    }

    static func exists(_ db: Database, _ table: String, key: String, _ value: String) throws -> Bool
    {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE \(key) = ?)"),
            arguments: [value]) ?? false
    }
}
