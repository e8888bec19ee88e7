#if Postgres
    import CarryoverStore
    import Foundation
    import PostgresNIO

    extension PostgresStore: ClinicDirectory {
        public func signedInAccount() async throws -> Account? {
            guard let account else { return nil }
            return try await accounts(where: account).first
        }

        public func accounts() async throws -> [Account] {
            try await accounts(where: nil)
        }

        private func accounts(where id: String?) async throws -> [Account] {
            try await transaction { db in
                let rows = try await db.query(
                    """
                    SELECT a.id, a.display_name, a.role, a.created_at, a.disabled_at,
                        coalesce((SELECT string_agg(s.supervisee, ',' ORDER BY s.supervisee)
                                  FROM supervision s WHERE s.supervisor = a.id), '')
                    FROM account a WHERE \(id)::text IS NULL OR a.id = \(id) ORDER BY a.id
                    """, logger: self.logger)
                var accounts: [Account] = []
                for try await (id, name, role, created, disabled, supervisees) in rows.decode(
                    (String, String, String, Double, Double?, String).self)
                {
                    accounts.append(
                        Account(
                            id: id, displayName: name,
                            role: Account.Role(rawValue: role) ?? .therapist,
                            createdAt: Date(timeIntervalSince1970: created),
                            disabledAt: disabled.map { Date(timeIntervalSince1970: $0) },
                            supervisees: supervisees.split(separator: ",").map(String.init)))
                }
                return accounts
            }
        }

        public func addAccount(
            id: String, displayName: String, role: Account.Role, password: String
        ) async throws {
            let verifier = SCRAMVerifier.make(password: password)
            try await call(
                "SELECT account_add(\(id), \(displayName), \(role.rawValue), \(verifier), \(principal.name))"
            )
        }

        public func setRole(of id: String, to role: Account.Role) async throws {
            try await call("SELECT account_set_role(\(id), \(role.rawValue), \(principal.name))")
        }

        public func setDisabled(_ id: String, _ disabled: Bool) async throws {
            try await call("SELECT account_set_disabled(\(id), \(disabled), \(principal.name))")
        }

        public func setPassword(of id: String, to password: String) async throws {
            let verifier = SCRAMVerifier.make(password: password)
            try await call("SELECT account_set_password(\(id), \(verifier), \(principal.name))")
        }

        public func setSupervision(supervisor: String, supervisee: String, active: Bool)
            async throws
        {
            try await call(
                "SELECT supervision_set(\(supervisor), \(supervisee), \(active), \(principal.name))"
            )
        }

        public func caseload() async throws -> [CaseloadHolding] {
            try await transaction { db in
                let rows = try await db.query(
                    "SELECT client_id, therapist, since FROM caseload ORDER BY client_id",
                    logger: self.logger)
                var holdings: [CaseloadHolding] = []
                for try await (client, therapist, since) in rows.decode(
                    (String, String, Double).self)
                {
                    holdings.append(
                        CaseloadHolding(
                            clientID: client, therapist: therapist,
                            since: Date(timeIntervalSince1970: since)))
                }
                return holdings
            }
        }

        public func assignCaseload(clientID: String, to therapist: String, reason: String)
            async throws -> String?
        {
            try StoreChecks.id(clientID, "client")
            return try await transaction { db in
                try await self.all(
                    db,
                    "SELECT caseload_assign(\(clientID), \(therapist), \(reason), \(self.principal.name))",
                    as: String?.self
                ).first ?? nil
            }
        }

        public func caseloadChanges(clientID: String?) async throws -> [CaseloadChange] {
            try await transaction { db in
                let rows = try await db.query(
                    """
                    SELECT seq, client_id, at, actor, from_therapist, to_therapist, reason
                    FROM caseload_change WHERE \(clientID)::text IS NULL OR client_id = \(clientID)
                    ORDER BY seq
                    """, logger: self.logger)
                var changes: [CaseloadChange] = []
                for try await row in rows.decode(
                    (Int, String, Double, String, String?, String, String).self)
                {
                    changes.append(
                        CaseloadChange(
                            seq: row.0, clientID: row.1, at: Date(timeIntervalSince1970: row.2),
                            actor: row.3, from: row.4, to: row.5, reason: row.6))
                }
                return changes
            }
        }

        /// Runs one of the clinic's functions in a transaction of its own. Its
        /// row is read to the end: a function's error arrives after the row's
        /// description, and COMMIT of a failed transaction only rolls it back.
        private func call(_ query: PostgresQuery) async throws {
            try await transaction { db in
                for try await _ in try await db.query(query, logger: self.logger) {}
            }
        }
    }
#endif
