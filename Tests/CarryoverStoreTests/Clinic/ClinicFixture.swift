#if Postgres
    import CarryoverCore
    import Foundation
    import PostgresNIO
    import Testing

    @testable import CarryoverPostgres
    @testable import CarryoverStore

    /// A clinic on the test server (`CARRYOVER_TEST_POSTGRES_URL`, signed in as
    /// the owner): a schema of its own, an admin, therapists Ana and Ben, and
    /// Sam who supervises Ana. Account ids carry a random suffix, since
    /// database roles belong to the whole server.
    ///
    /// Ana's client `c-ana` has a row in every table that holds client data
    /// (``seedAna()``), Ben's client `c-ben` a few; every id, hash and note
    /// of Ana's client contains `c-ana`, so a row's text tells whose it is.
    struct ClinicFixture {
        static var ownerURL: String? {
            ProcessInfo.processInfo.environment["CARRYOVER_TEST_POSTGRES_URL"]
        }
        static let password = "correct-horse-battery-7"

        let ownerURL: String
        let schema: String
        let owner: PostgresStore
        let admin: String
        let ana: String
        let ben: String
        let sam: String

        /// The clinic with its accounts (made by the owner, then the admin).
        static func make() async throws -> ClinicFixture {
            let url = try #require(ownerURL)
            let suffix = UUID().uuidString.prefix(8).lowercased()
            let schema = "k_\(suffix)"
            let owner = try await PostgresStore.connect(
                url: url, schema: schema, principal: Principal(name: "clinic-owner"),
                clock: Fixture.clock, deadline: StoreFactory.postgresDeadline)
            let fixture = ClinicFixture(
                ownerURL: url, schema: schema, owner: owner, admin: "admin-\(suffix)",
                ana: "ana-\(suffix)", ben: "ben-\(suffix)", sam: "sam-\(suffix)")
            try await owner.addAccount(
                id: fixture.admin, displayName: "Admin", role: .admin, password: password)
            let admin = try await fixture.store(fixture.admin)
            try await admin.addAccount(
                id: fixture.ana, displayName: "Ana", role: .therapist, password: password)
            try await admin.addAccount(
                id: fixture.ben, displayName: "Ben", role: .therapist, password: password)
            try await admin.addAccount(
                id: fixture.sam, displayName: "Sam", role: .supervisor, password: password)
            try await admin.setSupervision(
                supervisor: fixture.sam, supervisee: fixture.ana, active: true)
            admin.close()
            return fixture
        }

        /// The owner's URL with another user and password.
        func url(_ account: String, password: String = ClinicFixture.password) -> String {
            var components = URLComponents(string: ownerURL)!
            components.user = account
            components.password = password
            return components.string!
        }

        /// A store signed in as `account` (asking, in vain, to act as someone else).
        func store(_ account: String, password: String = ClinicFixture.password) async throws
            -> PostgresStore
        {
            try await PostgresStore.connect(
                url: url(account, password: password), schema: schema,
                principal: Principal(name: "someone-else"), clock: Fixture.clock,
                deadline: StoreFactory.postgresDeadline)
        }

        /// A bare connection signed in as `account` (`nil`: the owner), its
        /// search path on the clinic's schema.
        func sql(_ account: String?) async throws -> PostgresConnection {
            let url = try PostgresURL(account.map { self.url($0) } ?? ownerURL)
            let connection = try await PostgresConnection.connect(
                configuration: url.connectionConfiguration(), id: 1,
                logger: PostgresStore.quietLogger)
            try await connection.query(
                PostgresQuery(unsafeSQL: "SET search_path TO \(schema)"),
                logger: PostgresStore.quietLogger)
            return connection
        }

        /// Runs SQL as the owner.
        func ownerSQL(_ sql: String) async throws {
            try await owner.client.query(PostgresQuery(unsafeSQL: sql))
        }

        /// Every table of the clinic's schema, by name.
        func tables() async throws -> [String] {
            var names: [String] = []
            let rows = try await owner.client.query(
                "SELECT tablename::text FROM pg_tables WHERE schemaname = \(schema) ORDER BY 1")
            for try await name in rows.decode(String.self) { names.append(name) }
            return names
        }

        /// Ana's client `c-ana` with a row in every client-data table: a goal,
        /// an assignment, two entries with scores and risk flags (one amended,
        /// its flag acknowledged), engine state, ledger lines and an import.
        func seedAna() async throws {
            let store = try await self.store(ana)
            defer { store.close() }
            try await seed(store, "c-ana")
            let assignment = Fixture.assignment("c-ana-1", client: "c-ana")
            let imported = Fixture.entry("c-ana-i1", assignment: assignment, at: 7200)
            _ = try await store.commitImportBatch(
                ImportBatch(
                    fileHash: "c-ana-file", lines: 1...1,
                    entries: [ImportedEntry(entry: imported, line: 1, keyedByContent: false)]))
            let amend = EntryCorrection(
                entryID: "c-ana-e1", action: .amend, revision: 0, reason: "typo (c-ana)",
                at: Fixture.t0.addingTimeInterval(120), fields: ["mood": 2], scores: ["mood": 2])
            _ = try await store.writeEngine(assignmentID: "c-ana-1", entryID: "c-ana-e1") { _ in
                (EngineWrite(correction: amend), ())
            }
            let open = try await store.flags(FlagQuery(clientID: "c-ana"))
            _ = try await store.acknowledgeFlags(ids: [open[0].id], note: "called c-ana")
        }

        /// Ben's client `c-ben` with an assignment and one entry.
        func seedBen() async throws {
            let store = try await self.store(ben)
            defer { store.close() }
            try await seed(store, "c-ben")
        }

        private func seed(_ store: PostgresStore, _ client: String) async throws {
            try await store.addClient(Fixture.client(client, name: "Name of \(client)"))
            try await store.save(
                TestGoal(id: "\(client)-goal", clientID: client, behaviour: "walk", phases: []))
            let assignment = Fixture.assignment("\(client)-1", client: client)
            try await store.saveAssignment(assignment)
            for number in 1...2 {
                var entry = Fixture.entry(
                    "\(client)-e\(number)", assignment: assignment, at: Double(number) * 60)
                entry.flags = [
                    PluginFlag(level: .risk, code: "phq9-item9", message: "Item 9 answered 2")
                ]
                try await store.record(
                    EntryRecording(
                        entry: entry, engineState: ["count": .double(Double(number))],
                        events: [NewLedgerEvent(at: Fixture.t0, kind: "ledger", payload: 1)]))
            }
        }
    }
#endif
