#if Postgres
    import Foundation
    import PostgresNIO

    @testable import CarryoverPostgres

    /// What one SQL statement did: rows returned, or the SQLSTATE it failed with.
    enum SQLOutcome: Equatable, CustomStringConvertible {
        case rows(Int)
        case failed(String)

        var description: String {
            switch self {
            case .rows(let count): "\(count) rows"
            case .failed(let state): "SQLSTATE \(state)"
            }
        }

        /// Refused for lack of privilege, or by a row-level security policy.
        var isDenied: Bool { self == .failed("42501") }
    }

    extension PostgresConnection {
        /// Runs one statement in its own transaction; never throws for an SQL error.
        func attempt(_ sql: String) async -> SQLOutcome {
            do {
                var count = 0
                for try await _ in try await query(
                    PostgresQuery(unsafeSQL: sql), logger: PostgresStore.quietLogger)
                {
                    count += 1
                }
                return .rows(count)
            } catch let error as PSQLError {
                return .failed(error.serverInfo?[.sqlState] ?? "no-state")
            } catch {
                return .failed("\(type(of: error))")
            }
        }

        /// The rows a query returns, each as text; an SQL error says its
        /// SQLSTATE, message and statement.
        func texts(_ sql: String) async throws -> [String] {
            do {
                var texts: [String] = []
                for try await text in try await query(
                    PostgresQuery(unsafeSQL: sql), logger: PostgresStore.quietLogger
                ).decode(String?.self) {
                    texts.append(text ?? "NULL")
                }
                return texts
            } catch let error as PSQLError {
                throw SQLFailure(
                    state: error.serverInfo?[.sqlState] ?? "-",
                    message: error.serverInfo?[.message] ?? "\(error.code)", sql: sql)
            }
        }

        /// Each row of `table` this connection sees whose text contains `marker`, sorted.
        func rows(of table: String, containing marker: String) async throws -> [String] {
            try await texts(
                "SELECT \(table)::text FROM \(table) WHERE \(table)::text LIKE '%\(marker)%' ORDER BY 1"
            )
        }
    }

    /// An SQL error with what the server said (test output only).
    struct SQLFailure: Error, CustomStringConvertible {
        let state: String
        let message: String
        let sql: String

        var description: String { "SQLSTATE \(state): \(message) in: \(sql)" }
    }

    /// The SQL an account tries against Ana's client: writes to every table,
    /// and ways around the policies.
    enum Attacks {
        /// One INSERT per table that would attach a row to Ana's client (or to
        /// the clinic's structure); a table missing here fails the test.
        static func insert(into table: String, ana: String, flagID: Int) -> String? {
            switch table {
            case "client":
                "INSERT INTO client (id, display_name, time_zone) VALUES ('c-ana', 'x', 'UTC')"
            case "assignment":
                """
                INSERT INTO assignment (id, client_id, homework_type, status, created_at, json)
                VALUES ('c-ana-2', 'c-ana', 't', 'active', 0, '{}')
                """
            case "document":
                "INSERT INTO document (kind, id, client_id, json) VALUES ('goal', 'c-ana-g2', 'c-ana', '{}')"
            case "entry":
                """
                INSERT INTO entry (id, assignment_id, client_id, homework_type, homework_version,
                    performed_at, logged_at, fields)
                VALUES ('c-ana-e9', 'c-ana-1', 'c-ana', 't', '1', 0, 0, '{}')
                """
            case "entry_score": "INSERT INTO entry_score VALUES ('c-ana-e1', 'forged', 1)"
            case "entry_revision":
                """
                INSERT INTO entry_revision (entry_id, number, action, at, actor, reason, fields, scores)
                VALUES ('c-ana-e1', 9, 'amend', 0, 'x', 'x', '{}', '{}')
                """
            case "flag":
                """
                INSERT INTO flag (entry_id, assignment_id, client_id, level, code, message,
                    performed_at, raised_at)
                VALUES ('c-ana-e1', 'c-ana-1', 'c-ana', 'risk', 'forged', 'x', 0, 0)
                """
            case "flag_ack":
                "INSERT INTO flag_ack (flag_id, at, actor, note) VALUES (\(flagID), 0, 'x', 'x')"
            case "assignment_state":
                """
                INSERT INTO assignment_state VALUES ('c-ana-1', '{}')
                ON CONFLICT (assignment_id) DO UPDATE SET json = '{}'
                """
            case "ledger":
                "INSERT INTO ledger (assignment_id, seq, at, kind, json) VALUES ('c-ana-1', 99, 0, 'ledger', '1')"
            case "audit":
                """
                INSERT INTO audit (at, principal, action, object_kind, object_id, client_id)
                VALUES (0, 'x', 'client.update', 'client', 'c-ana', 'c-ana')
                """
            case "import_progress":
                """
                INSERT INTO import_progress (file_hash, last_line, imported, account)
                VALUES ('c-ana-file', 99, 99, '\(ana)')
                """
            case "caseload": "INSERT INTO caseload VALUES ('c-ana', session_user, 0)"
            case "caseload_change":
                "INSERT INTO caseload_change (client_id, at, actor, to_therapist, reason) VALUES ('c-ana', 0, 'x', session_user, 'x')"
            case "account": "INSERT INTO account VALUES ('evil', 'x', 'admin', 0, NULL)"
            case "supervision": "INSERT INTO supervision VALUES (session_user, '\(ana)', 0)"
            case "schema_version": "INSERT INTO schema_version VALUES ('v99')"
            case "portal_invite":
                "INSERT INTO portal_invite VALUES ('c-ana-inv2', 'c-ana', 'c-ana-token2', 0, 9e9, NULL, NULL)"
            case "portal_session":
                "INSERT INTO portal_session VALUES ('c-ana-key2', 'c-ana', 9e9, '{}')"
            case "portal_attempt": "INSERT INTO portal_attempt VALUES ('c-ana-address', 0, 0, NULL)"
            case "portal_calendar":
                "INSERT INTO portal_calendar VALUES ('c-ana', 'c-ana-feed2', 0) ON CONFLICT (client_id) DO UPDATE SET token_hash = 'x'"
            case "portal_activity":
                "INSERT INTO portal_activity VALUES ('c-ana', 1) ON CONFLICT (client_id) DO UPDATE SET last_opened_at = 1"
            case "portal_submission":
                "INSERT INTO portal_submission VALUES ('c-ana-idem2', 'c-ana', 'c-ana-i1')"
            default: nil
            }
        }

        /// An UPDATE and a DELETE of Ana's rows of `table`, and a TRUNCATE.
        static func changes(of table: String, column: String) -> [String] {
            [
                "UPDATE \(table) SET \(column) = \(column) WHERE \(table)::text LIKE '%c-ana%' RETURNING 1",
                "DELETE FROM \(table) WHERE \(table)::text LIKE '%c-ana%' RETURNING 1",
                "TRUNCATE \(table)",
            ]
        }

        /// The admin's functions, which refuse anyone but an admin (and the owner).
        static func adminFunctions(ana: String) -> [String] {
            [
                "SELECT account_add('evil-one', 'x', 'admin', 'secret-password', 'x')",
                "SELECT account_set_role(session_user::text, 'admin', 'x')",
                "SELECT account_set_password('\(ana)', 'secret-password', 'x')",
                "SELECT supervision_set(session_user::text, '\(ana)', true, 'x')",
                "SELECT caseload_assign('c-ana', session_user::text, 'x', 'x')",
            ]
        }

        /// Ways around the policies for anyone: other identities, the grants,
        /// the policies themselves, a new table or function.
        static func escalations(schema: String, ana: String) -> [String] {
            [
                "SET ROLE \"\(ana)\"",
                "SET SESSION AUTHORIZATION \"\(ana)\"",
                "UPDATE account SET role = 'admin' WHERE id = session_user",
                "SELECT grant_staff('\(ana)')",
                "ALTER TABLE client DISABLE ROW LEVEL SECURITY",
                "DROP POLICY client_read ON client",
                "CREATE TABLE \(schema).mine (id TEXT)",
                "CREATE OR REPLACE FUNCTION \(schema).readable_clients() RETURNS SETOF text LANGUAGE sql AS $$ SELECT 'c-ana' $$",
            ]
        }
    }
#endif
