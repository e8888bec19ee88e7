#if Postgres
    import CarryoverCore
    import CarryoverStore
    import Foundation
    import PostgresNIO

    /// The client portal's invite links (the rest of its tables: PostgresStore+Portal).
    extension PostgresStore {
        // MARK: Invites

        public func addInvite(_ invite: PortalInvite) async throws {
            try StoreChecks.id(invite.id, "invite")
            try await transaction { db in
                try await self.requireClient(db, invite.clientID)
                try await db.query(
                    """
                    INSERT INTO portal_invite
                        (id, client_id, token_hash, created_at, expires_at, supporter_id)
                    VALUES (\(invite.id), \(invite.clientID), \(invite.tokenHash),
                        \(invite.createdAt.timeIntervalSince1970),
                        \(invite.expiresAt.timeIntervalSince1970), \(invite.supporterID))
                    """, logger: self.logger)
                try await self.audit(
                    db, "invite.create", kind: "invite", id: invite.id, clientID: invite.clientID)
            }
        }

        public func invites(clientID: String) async throws -> [PortalInvite] {
            try await transaction { db in
                try await self.requireClient(db, clientID)
                return try await self.invites(
                    db,
                    """
                    SELECT id, client_id, token_hash, created_at, expires_at, used_at, revoked_at,
                        supporter_id
                    FROM portal_invite WHERE client_id = \(clientID) ORDER BY created_at DESC, id
                    """)
            }
        }

        public func invite(tokenHash: String) async throws -> PortalInvite? {
            try await transaction { db in
                try await self.invites(
                    db,
                    """
                    SELECT id, client_id, token_hash, created_at, expires_at, used_at, revoked_at,
                        supporter_id
                    FROM portal_invite WHERE token_hash = \(tokenHash)
                    """
                ).first
            }
        }

        private func invites(_ db: PostgresConnection, _ query: PostgresQuery) async throws
            -> [PortalInvite]
        {
            var result: [PortalInvite] = []
            let rows = try await db.query(query, logger: logger)
            for try await row in rows.decode(
                (String, String, String, Double, Double, Double?, Double?, String?).self)
            {
                result.append(
                    PortalInvite(
                        id: row.0, clientID: row.1, tokenHash: row.2,
                        createdAt: Date(timeIntervalSince1970: row.3),
                        expiresAt: Date(timeIntervalSince1970: row.4),
                        usedAt: row.5.map(Date.init(timeIntervalSince1970:)),
                        revokedAt: row.6.map(Date.init(timeIntervalSince1970:)),
                        supporterID: row.7))
            }
            return result
        }

        public func redeemInvite(tokenHash: String, at: Date) async throws -> InviteRedemption {
            try await transaction { db in
                // FOR UPDATE: of two concurrent uses, the second waits and sees it used.
                guard
                    let invite = try await self.invites(
                        db,
                        """
                        SELECT id, client_id, token_hash, created_at, expires_at, used_at, revoked_at,
                        supporter_id
                        FROM portal_invite WHERE token_hash = \(tokenHash) FOR UPDATE
                        """
                    ).first
                else { return .unknown }
                if let refusal = PortalRules.refusal(invite, at: at) { return refusal }
                try await db.query(
                    """
                    UPDATE portal_invite SET used_at = \(at.timeIntervalSince1970)
                    WHERE id = \(invite.id)
                    """, logger: self.logger)
                try await self.audit(
                    db, "invite.redeem", kind: "invite", id: invite.id, clientID: invite.clientID,
                    principal: Entry.portalRecorder)
                return .redeemed(clientID: invite.clientID, supporterID: invite.supporterID)
            }
        }

        public func revokeInvites(clientID: String, supporterID: String?, at: Date) async throws
            -> Int
        {
            try await transaction { db in
                try await self.requireClient(db, clientID)
                let now = at.timeIntervalSince1970
                let revoked = try await self.all(
                    db,
                    """
                    UPDATE portal_invite SET revoked_at = \(now)
                    WHERE client_id = \(clientID) AND used_at IS NULL AND revoked_at IS NULL
                        AND expires_at > \(now)
                        AND supporter_id IS NOT DISTINCT FROM \(supporterID)::text
                    RETURNING id
                    """, as: String.self)
                for id in revoked.sorted() {
                    try await self.audit(
                        db, "invite.revoke", kind: "invite", id: id, clientID: clientID)
                }
                return revoked.count
            }
        }
    }
#endif
