#if Postgres
    import Foundation
    import PostgresNIO

    @testable import CarryoverPostgres

    extension ClinicFixture {
        /// A row of `client` in each of the portal's tables (migration
        /// `v6-portal`; the failed attempts, which belong to no client, get one address).
        func seedPortal(clients: [String]) async throws {
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
