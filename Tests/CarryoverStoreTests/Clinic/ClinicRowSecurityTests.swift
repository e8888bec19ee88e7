#if Postgres
    import CarryoverCore
    import Foundation
    import PostgresNIO
    import Testing

    @testable import CarryoverPostgres
    @testable import CarryoverStore

    /// Issue 18: row-level security tried by raw SQL, signed in as each role
    /// with its own credentials: every table, every kind of statement, and
    /// the ways around the policies. Ana's rows, as the owner sees them, are
    /// the same before and after every attempt.
    @Suite struct ClinicRowSecurityTests {
        static var server: Bool { ClinicFixture.ownerURL != nil }

        @Test(.enabled(if: server))
        func everyTableHasRowSecurityAndAPolicy() async throws {
            let clinic = try await ClinicFixture.make()
            try await clinic.seedPortal(clients: [])
            let rows = try await clinic.owner.client.query(
                """
                SELECT c.relname::text, c.relrowsecurity,
                    (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)::int
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = \(clinic.schema) AND c.relkind = 'r' ORDER BY 1
                """)
            let staff = Set(ClinicSchema.staffPrivileges.flatMap(\.tables))
            var tables: [String] = []
            for try await (table, secured, policies) in rows.decode((String, Bool, Int).self) {
                tables.append(table)
                #expect(secured, "\(table) has no row-level security")
                #expect(!staff.contains(table) || policies > 0, "\(table): staff use it, no policy")
            }
            // A table staff may not use at all has no grant: the staff's role reads nothing.
            let ana = try await clinic.sql(clinic.ana)
            for table in tables where !staff.contains(table) {
                #expect(await ana.attempt("SELECT 1 FROM \(table) LIMIT 1").isDenied, "\(table)")
            }
            try await ana.close()
            #expect(tables.count >= 23)
            #expect(staff.isSubset(of: tables))
        }

        @Test(.enabled(if: server))
        func anotherTherapistReadsAndChangesNothingOfAnasClient() async throws {
            let clinic = try await Self.seeded()
            let seen = try await Self.visible(clinic, as: clinic.ben, marker: "c-ana")
            for (table, rows) in seen { #expect(rows.isEmpty, "Ben sees Ana's \(table): \(rows)") }
            // Ben's own client is all there: the policies filter, they do not just deny.
            let own = try await Self.visible(clinic, as: clinic.ben, marker: "c-ben")
            for (table, rows) in try await Self.visible(clinic, as: nil, marker: "c-ben")
            where !rows.isEmpty {
                #expect(own[table] == rows, "Ben's own \(table)")
            }
            try await Self.expectWritesFail(clinic, as: clinic.ben)
        }

        @Test(.enabled(if: server))
        func aSupervisorReadsTheSuperviseesClientAndChangesNothing() async throws {
            let clinic = try await Self.seeded()
            let owner = try await Self.visible(clinic, as: nil, marker: "c-ana")
            let sam = try await Self.visible(clinic, as: clinic.sam, marker: "c-ana")
            for (table, rows) in owner where table != "import_progress" {
                #expect(sam[table] == rows, "Sam reads Ana's \(table)")
            }
            #expect(owner["entry"]?.count == 3 && owner["flag_ack"]?.count == 1)
            // An import's progress is its importer's own.
            #expect(sam["import_progress"] == [])
            // Ben is not Sam's supervisee.
            for (table, rows) in try await Self.visible(clinic, as: clinic.sam, marker: "c-ben") {
                #expect(rows.isEmpty, "Sam sees Ben's \(table)")
            }
            try await Self.expectWritesFail(clinic, as: clinic.sam)
        }

        @Test(.enabled(if: server))
        func anAdminSeesWhoHoldsWhomButNoRecord() async throws {
            let clinic = try await Self.seeded()
            let owner = try await Self.visible(clinic, as: nil, marker: "c-ana")
            let admin = try await Self.visible(clinic, as: clinic.admin, marker: "c-ana")
            for (table, rows) in admin {
                switch table {
                case "caseload", "caseload_change":
                    #expect(rows == owner[table] && !rows.isEmpty, "\(table)")
                case "audit":
                    #expect(rows.count == 1 && rows[0].contains("caseload.assign"), "\(rows)")
                default: #expect(rows.isEmpty, "the admin reads Ana's \(table): \(rows)")
                }
            }
            try await Self.expectWritesFail(clinic, as: clinic.admin, admin: true)
        }

        @Test(.enabled(if: server))
        func aTableWithoutAGrantIsRefusedWhole() async throws {
            let clinic = try await Self.seeded()
            // A later migration's table, without grants or policies yet.
            try await clinic.ownerSQL(
                "CREATE TABLE \(clinic.schema).later (client_id TEXT REFERENCES \(clinic.schema).client(id))"
            )
            try await clinic.ownerSQL("INSERT INTO \(clinic.schema).later VALUES ('c-ana')")
            for account in [clinic.ana, clinic.sam, clinic.admin] {
                let connection = try await clinic.sql(account)
                #expect(await connection.attempt("SELECT * FROM later").isDenied, "\(account)")
                try await connection.close()
            }
        }

        @Test(.enabled(if: server))
        func theDatabaseNamesTheSignedInAccountWhateverTheProgramSends() async throws {
            let clinic = try await Self.seeded()
            let ben = try await clinic.sql(clinic.ben)
            defer { Task { try? await ben.close() } }
            let inserted = await ben.attempt(
                """
                INSERT INTO audit (at, principal, action, object_kind, object_id, client_id)
                VALUES (0, '\(clinic.ana)', 'client.update', 'client', 'c-ben', 'c-ben') RETURNING 1
                """)
            #expect(inserted == .rows(1))
            let entry = await ben.attempt(
                """
                INSERT INTO entry (id, assignment_id, client_id, homework_type, homework_version,
                    performed_at, logged_at, fields, recorded_by)
                VALUES ('c-ben-e9', 'c-ben-1', 'c-ben', 't', '1', 0, 0, '{}', '\(clinic.ana)')
                RETURNING 1
                """)
            #expect(entry == .rows(1))
            let principals = try await clinic.owner.auditJournal(AuditQuery(clientID: "c-ben"))
                .map(\.principal)
            #expect(Set(principals) == [clinic.ben])
            #expect(try await clinic.owner.entry(id: "c-ben-e9").recordedBy == clinic.ben)
            // Who recorded an entry never changes, not even by a correction
            // (which the same statement without the new name is).
            let revision = await ben.attempt(
                """
                INSERT INTO entry_revision (entry_id, number, action, at, actor, reason, fields, scores)
                VALUES ('c-ben-e9', 1, 'amend', 0, 'x', 'typo', '{}', '{}') RETURNING 1
                """)
            #expect(revision == .rows(1))
            let renamed = await ben.attempt(
                """
                UPDATE entry SET recorded_by = '\(clinic.ana)', revision = 1
                WHERE id = 'c-ben-e9' RETURNING 1
                """)
            #expect(renamed == .failed("P0001"))
            let corrected = await ben.attempt(
                "UPDATE entry SET fields = '{}', revision = 1 WHERE id = 'c-ben-e9' RETURNING 1")
            #expect(corrected == .rows(1))
        }

        // MARK: Helpers

        /// A clinic with Ana's and Ben's clients, the portal's tables included.
        static func seeded() async throws -> ClinicFixture {
            let clinic = try await ClinicFixture.make()
            try await clinic.seedAna()
            try await clinic.seedBen()
            try await clinic.seedPortal(clients: ["c-ana", "c-ben"])
            return clinic
        }

        /// Each table's rows containing `marker` that `account` sees (`nil`: the owner).
        static func visible(_ clinic: ClinicFixture, as account: String?, marker: String)
            async throws -> [String: [String]]
        {
            let connection = try await clinic.sql(account)
            defer { Task { try? await connection.close() } }
            var seen: [String: [String]] = [:]
            for table in try await clinic.tables() {
                do {
                    seen[table] = try await connection.rows(of: table, containing: marker)
                } catch let failure as SQLFailure where failure.state == "42501" {
                    seen[table] = []  // a table without a grant (ClinicSchema.ownerOnly)
                }
            }
            return seen
        }

        /// Every write to Ana's rows, and every way around the policies,
        /// fails or changes no row; Ana's rows stay as they were.
        static func expectWritesFail(
            _ clinic: ClinicFixture, as account: String, admin: Bool = false
        )
            async throws
        {
            let before = try await visible(clinic, as: nil, marker: "c-ana")
            let flagID = try #require(
                try await clinic.owner.flags(FlagQuery(clientID: "c-ana", openOnly: true)).first?.id
            )
            let connection = try await clinic.sql(account)
            defer { Task { try? await connection.close() } }
            for table in try await clinic.tables() {
                let insert = try #require(
                    Attacks.insert(into: table, ana: clinic.ana, flagID: flagID),
                    "no INSERT attempt for table \(table): add one to Attacks, and the table's policies"
                )
                let inserted = await connection.attempt(insert)
                #expect(
                    inserted.isDenied || (table == "client" && inserted == .failed("23505")),
                    "\(account) INSERT INTO \(table): \(inserted)")
                let column = try await firstColumn(clinic, table)
                for statement in Attacks.changes(of: table, column: column) {
                    let outcome = await connection.attempt(statement)
                    #expect(
                        outcome == .rows(0) || outcome.isDenied,
                        "\(account): \(statement): \(outcome)")
                }
            }
            // An admin runs the admin's functions (and may move a client to
            // themselves, journalled: Docs/clinic.md); nobody gets further.
            let escalations =
                Attacks.escalations(schema: clinic.schema, ana: clinic.ana)
                + (admin ? [] : Attacks.adminFunctions(ana: clinic.ana))
            for statement in escalations {
                let outcome = await connection.attempt(statement)
                if case .rows = outcome { Issue.record("\(account): \(statement) went through") }
            }
            // A temporary table cannot stand in for the caseload.
            _ = await connection.attempt(
                "CREATE TEMP TABLE caseload (client_id TEXT, therapist TEXT)")
            _ = await connection.attempt(
                "INSERT INTO pg_temp.caseload VALUES ('c-ana', session_user)")
            _ = await connection.attempt("GRANT SELECT ON pg_temp.caseload TO PUBLIC")
            _ = await connection.attempt("SET search_path TO pg_temp, \(clinic.schema)")
            #expect(
                try await connection.texts(
                    "SELECT id FROM \(clinic.schema).client WHERE id = 'c-ana'")
                    == (account == clinic.sam ? ["c-ana"] : []))
            #expect(try await visible(clinic, as: nil, marker: "c-ana") == before)
        }

        /// The table's first column that is not an identity (which cannot be set).
        static func firstColumn(_ clinic: ClinicFixture, _ table: String) async throws -> String {
            let rows = try await clinic.owner.client.query(
                """
                SELECT column_name::text FROM information_schema.columns
                WHERE table_schema = \(clinic.schema) AND table_name = \(table) AND is_identity = 'NO'
                ORDER BY ordinal_position LIMIT 1
                """)
            for try await name in rows.decode(String.self) { return name }
            throw StoreError(.notFound, "no column in \(table)")
        }
    }
#endif
