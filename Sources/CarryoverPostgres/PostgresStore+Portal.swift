#if Postgres
    import CarryoverCore
    import CarryoverStore
    import Foundation
    import PostgresNIO

    extension PostgresStore {
        // MARK: Sessions

        public func saveSession(_ session: PortalSession) async throws {
            let now = clock.now().timeIntervalSince1970
            let fallback = now + PortalRules.defaultSessionSeconds
            let expires = session.expiresAt?.timeIntervalSince1970
            try await transaction { db in
                try await db.query(
                    "DELETE FROM portal_session WHERE expires_at <= \(now)", logger: self.logger)
                try await db.query(
                    """
                    INSERT INTO portal_session (key_hash, client_id, expires_at, data, supporter_id)
                    VALUES (\(session.keyHash), \(session.clientID),
                        coalesce(\(expires)::float8, \(fallback)), \(session.data),
                        \(session.supporterID))
                    ON CONFLICT (key_hash) DO UPDATE SET data = excluded.data,
                        expires_at = coalesce(\(expires)::float8, portal_session.expires_at)
                    WHERE portal_session.client_id = excluded.client_id
                        AND portal_session.supporter_id IS NOT DISTINCT FROM excluded.supporter_id
                    """, logger: self.logger)
            }
        }

        public func session(keyHash: String, at: Date) async throws -> PortalSession? {
            try await transaction { db in
                let rows = try await db.query(
                    """
                    SELECT client_id, expires_at, data, supporter_id FROM portal_session
                    WHERE key_hash = \(keyHash) AND expires_at > \(at.timeIntervalSince1970)
                    """, logger: self.logger)
                for try await (client, expires, data, supporter) in rows.decode(
                    (String, Double, String, String?).self)
                {
                    return PortalSession(
                        keyHash: keyHash, clientID: client,
                        expiresAt: Date(timeIntervalSince1970: expires), data: data,
                        supporterID: supporter)
                }
                return nil
            }
        }

        public func removeSession(keyHash: String) async throws {
            try await transaction { db in
                try await db.query(
                    "DELETE FROM portal_session WHERE key_hash = \(keyHash)", logger: self.logger)
            }
        }

        public func endSessions(clientID: String, supporterID: String?) async throws -> Int {
            try await transaction { db in
                try await self.requireClient(db, clientID)
                let ended = try await self.all(
                    db,
                    """
                    DELETE FROM portal_session WHERE client_id = \(clientID)
                        AND supporter_id IS NOT DISTINCT FROM \(supporterID)::text RETURNING 1
                    """, as: Int.self)
                try await self.audit(
                    db, "session.end", kind: supporterID == nil ? "client" : "supporter",
                    id: supporterID ?? clientID, clientID: clientID)
                return ended.count
            }
        }

        // MARK: Failed attempts

        public func recordFailedAttempt(addressHash: String, at: Date, policy: AttemptPolicy)
            async throws -> Date?
        {
            try await transaction { db in
                // One counter per address, changed by one transaction at a time.
                try await db.query(
                    "SELECT pg_advisory_xact_lock(hashtext(\(addressHash)))", logger: self.logger)
                var previous: AttemptCount?
                let rows = try await db.query(
                    """
                    SELECT failures, window_start, locked_until FROM portal_attempt
                    WHERE address_hash = \(addressHash)
                    """, logger: self.logger)
                for try await (failures, start, locked) in rows.decode((Int, Double, Double?).self)
                {
                    previous = AttemptCount(
                        failures: failures, windowStart: Date(timeIntervalSince1970: start),
                        lockedUntil: locked.map(Date.init(timeIntervalSince1970:)))
                }
                let next = PortalRules.failure(after: previous, at: at, policy: policy)
                try await db.query(
                    """
                    INSERT INTO portal_attempt (address_hash, failures, window_start, locked_until)
                    VALUES (\(addressHash), \(next.failures), \(next.windowStart.timeIntervalSince1970),
                        \(next.lockedUntil?.timeIntervalSince1970))
                    ON CONFLICT (address_hash) DO UPDATE SET failures = excluded.failures,
                        window_start = excluded.window_start, locked_until = excluded.locked_until
                    """, logger: self.logger)
                return next.lockedUntil.flatMap { $0 > at ? $0 : nil }
            }
        }

        public func lockout(addressHash: String, at: Date) async throws -> Date? {
            try await transaction { db in
                try await self.all(
                    db,
                    """
                    SELECT locked_until FROM portal_attempt WHERE address_hash = \(addressHash)
                        AND locked_until > \(at.timeIntervalSince1970)
                    """, as: Double.self
                ).first.map(Date.init(timeIntervalSince1970:))
            }
        }

        // MARK: Calendar feeds

        public func setCalendarToken(clientID: String, tokenHash: String, at: Date) async throws {
            try await transaction { db in
                try await self.requireClient(db, clientID)
                let existed = try await self.exists(
                    db, "SELECT 1 FROM portal_calendar WHERE client_id = \(clientID)")
                try await db.query(
                    """
                    INSERT INTO portal_calendar (client_id, token_hash, created_at)
                    VALUES (\(clientID), \(tokenHash), \(at.timeIntervalSince1970))
                    ON CONFLICT (client_id) DO UPDATE SET token_hash = excluded.token_hash,
                        created_at = excluded.created_at
                    """, logger: self.logger)
                try await self.audit(
                    db, existed ? "calendar.rotate" : "calendar.create", kind: "calendar",
                    id: clientID, clientID: clientID)
            }
        }

        public func revokeCalendarToken(clientID: String) async throws -> Bool {
            try await transaction { db in
                try await self.requireClient(db, clientID)
                let removed = try await self.all(
                    db, "DELETE FROM portal_calendar WHERE client_id = \(clientID) RETURNING 1",
                    as: Int.self)
                guard !removed.isEmpty else { return false }
                try await self.audit(
                    db, "calendar.revoke", kind: "calendar", id: clientID, clientID: clientID)
                return true
            }
        }

        public func calendarClient(tokenHash: String) async throws -> String? {
            try await transaction { db in
                try await self.all(
                    db, "SELECT client_id FROM portal_calendar WHERE token_hash = \(tokenHash)",
                    as: String.self
                ).first
            }
        }

        // MARK: Activity and submissions

        public func notePortalOpened(clientID: String, at: Date) async throws {
            try await transaction { db in
                try await db.query(
                    """
                    INSERT INTO portal_activity (client_id, last_opened_at)
                    VALUES (\(clientID), \(at.timeIntervalSince1970))
                    ON CONFLICT (client_id) DO UPDATE SET last_opened_at = excluded.last_opened_at
                    """, logger: self.logger)
            }
        }

        public func portalLastOpened(clientID: String) async throws -> Date? {
            try await transaction { db in
                try await self.all(
                    db,
                    "SELECT last_opened_at FROM portal_activity WHERE client_id = \(clientID)",
                    as: Double.self
                ).first.map(Date.init(timeIntervalSince1970:))
            }
        }

        public func entryID(idempotencyKey: String, clientID: String) async throws -> String? {
            try await transaction { db in
                try await self.all(
                    db,
                    """
                    SELECT entry_id FROM portal_submission
                    WHERE idempotency_key = \(idempotencyKey) AND client_id = \(clientID)
                    """, as: String.self
                ).first
            }
        }

        /// Records that a portal form's key stored this entry, inside the
        /// entry's transaction (which holds the assignment's row lock); a key
        /// stored before refuses the whole transaction.
        func claim(_ key: String, for entry: Entry, _ db: PostgresConnection) async throws {
            let inserted = try await all(
                db,
                """
                INSERT INTO portal_submission (idempotency_key, client_id, entry_id)
                VALUES (\(key), \(entry.clientID), \(entry.id))
                ON CONFLICT (idempotency_key) DO NOTHING RETURNING 1
                """, as: Int.self)
            guard !inserted.isEmpty else { throw StoreError.submittedBefore() }
        }
    }
#endif
