#if Postgres
    import CarryoverStore
    import PostgresNIO

    extension PostgresStore {
        /// Opens and closes one connection, so a wrong password or a refused
        /// connection is reported at once, and finds who it signs in as: the
        /// schema's owner (or a new schema's maker: `nil`), or a clinic account.
        static func signedInAccount(_ url: PostgresURL, schema: String) async throws -> String? {
            let identity: (user: String, owner: Bool, usage: Bool)
            do {
                let connection = try await PostgresConnection.connect(
                    configuration: url.connectionConfiguration(), id: 0, logger: quietLogger)
                do {
                    identity = try await whoSignedIn(connection, schema: schema)
                } catch {
                    try? await connection.close()
                    throw error
                }
                try await connection.close()
            } catch {
                throw PostgresErrors.map(error)
            }
            if identity.owner { return nil }
            guard identity.usage else {
                throw ClinicErrors.noAccount(identity.user, schema: schema)
            }
            return identity.user
        }

        private static func whoSignedIn(_ connection: PostgresConnection, schema: String)
            async throws -> (user: String, owner: Bool, usage: Bool)
        {
            let rows = try await connection.query(
                """
                SELECT session_user::text,
                    n.oid IS NULL OR pg_has_role(session_user, n.nspowner, 'MEMBER'),
                    n.oid IS NOT NULL AND has_schema_privilege(session_user, n.oid, 'USAGE')
                FROM (SELECT 1) AS one LEFT JOIN pg_namespace n ON n.nspname = \(schema)
                """, logger: quietLogger)
            for try await row in rows.decode((String, Bool, Bool).self) {
                return (row.0, row.1, row.2)
            }
            throw StoreError(.io, "The database did not say who signed in; try again.")
        }

        /// `notFound`, or `permissionDenied` for an account that reads the
        /// row (`visible` finds it) but may not lock it for a change.
        func missing(_ db: PostgresConnection, _ kind: String, _ id: String, visible: PostgresQuery)
            async throws -> StoreError
        {
            if account != nil, try await exists(db, visible) {
                return ClinicErrors.readOnly(kind, id)
            }
            return StoreError.notFound(kind, id)
        }
    }

    /// The clinic's errors that the store raises itself.
    enum ClinicErrors {
        static func noAccount(_ user: String, schema: String) -> StoreError {
            StoreError(
                .permissionDenied,
                "The database user '\(user)' has no carryover account in practice '\(schema)'; "
                    + "ask the clinic's admin to add one ('carryover account add').")
        }

        static func needsMigration(_ versions: [String]) -> StoreError {
            StoreError(
                .permissionDenied,
                "The practice's database needs an update (\(versions.joined(separator: ", "))) "
                    + "that only its owner may make; ask whoever keeps the owner's credentials to "
                    + "run any carryover command with them once.")
        }

        /// A row this account may read but not change (a supervisee's client).
        static func readOnly(_ kind: String, _ id: String) -> StoreError {
            StoreError(
                .permissionDenied,
                "You may read \(kind) '\(id)' but not change it: it is on a supervisee's "
                    + "caseload, and only its therapist changes it; nothing was written.")
        }
    }
#endif
