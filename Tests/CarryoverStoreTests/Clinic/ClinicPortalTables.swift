#if Postgres
    import Foundation
    import PostgresNIO

    @testable import CarryoverPostgres

    /// The portal's tables (main's migration `v6-portal`), for a branch whose
    /// migrations do not make them yet: a clinic gets them after
    /// `v7-clinic-accounts`, then the owner runs ``ClinicSchema/portal``,
    /// the migration's own statements for them. Where the migrations already
    /// made them, only the rows are added.
    extension ClinicFixture {
        /// main's `v6-portal` tables, as PostgreSQL has them (without the
        /// append-only trigger of `portal_submission`, which policies do not need).
        static let portalTableStatements = [
            """
            CREATE TABLE portal_invite (
                id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES client(id),
                token_hash TEXT NOT NULL UNIQUE, created_at DOUBLE PRECISION NOT NULL,
                expires_at DOUBLE PRECISION NOT NULL, used_at DOUBLE PRECISION,
                revoked_at DOUBLE PRECISION)
            """,
            """
            CREATE TABLE portal_session (
                key_hash TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES client(id),
                expires_at DOUBLE PRECISION NOT NULL, data TEXT NOT NULL)
            """,
            """
            CREATE TABLE portal_attempt (
                address_hash TEXT PRIMARY KEY, failures BIGINT NOT NULL,
                window_start DOUBLE PRECISION NOT NULL, locked_until DOUBLE PRECISION)
            """,
            """
            CREATE TABLE portal_calendar (
                client_id TEXT PRIMARY KEY REFERENCES client(id),
                token_hash TEXT NOT NULL UNIQUE, created_at DOUBLE PRECISION NOT NULL)
            """,
            """
            CREATE TABLE portal_activity (
                client_id TEXT PRIMARY KEY REFERENCES client(id),
                last_opened_at DOUBLE PRECISION NOT NULL)
            """,
            """
            CREATE TABLE portal_submission (
                idempotency_key TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES client(id),
                entry_id TEXT NOT NULL UNIQUE REFERENCES entry(id))
            """,
        ]

        /// The portal's tables with a row of `client` in each (the failed
        /// attempts, which belong to no client, get one address).
        func seedPortal(clients: [String]) async throws {
            if try await !tables().contains("portal_invite") {
                for statement in Self.portalTableStatements + ClinicSchema.portal {
                    try await ownerSQL(statement)
                }
            }
            try await ownerSQL("INSERT INTO portal_attempt VALUES ('address-1', 1, 0, NULL)")
            for client in clients {
                for statement in [
                    "INSERT INTO portal_invite VALUES ('\(client)-inv', '\(client)', '\(client)-token', 0, 9e9, NULL, NULL)",
                    "INSERT INTO portal_session VALUES ('\(client)-key', '\(client)', 9e9, '{}')",
                    "INSERT INTO portal_calendar VALUES ('\(client)', '\(client)-feed', 0)",
                    "INSERT INTO portal_activity VALUES ('\(client)', 0)",
                    "INSERT INTO portal_submission VALUES ('\(client)-idem', '\(client)', '\(client)-e2')",
                ] {
                    try await ownerSQL(statement)
                }
            }
        }
    }
#endif
