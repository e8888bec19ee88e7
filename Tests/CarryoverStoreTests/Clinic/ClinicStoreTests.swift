#if Postgres
    import CarryoverCore
    import Foundation
    import PostgresNIO
    import Testing

    @testable import CarryoverPostgres
    @testable import CarryoverStore

    /// The store's API signed in as each role: what the engine's callers see
    /// (not found, permission denied), the accounts an admin manages, and the
    /// journal that names the signed-in account.
    @Suite struct ClinicStoreTests {
        static var server: Bool { ClinicFixture.ownerURL != nil }

        @Test(.enabled(if: server))
        func anotherTherapistFindsNothingAndWritesNothing() async throws {
            let clinic = try await ClinicRowSecurityTests.seeded()
            let ben = try await clinic.store(clinic.ben)
            defer { ben.close() }
            #expect(try await ben.clients().map(\.id) == ["c-ben"])
            // Every lookup of Ana's client says what a missing id says.
            await expectStoreError(.notFound) { _ = try await ben.client(id: "c-ana") }
            await expectStoreError(.notFound) { _ = try await ben.assignment(id: "c-ana-1") }
            await expectStoreError(.notFound) { _ = try await ben.entry(id: "c-ana-e1") }
            await expectStoreError(.notFound) {
                _ = try await ben.entryRevisions(entryID: "c-ana-e1")
            }
            await expectStoreError(.notFound) {
                _ = try await ben.engineState(assignmentID: "c-ana-1")
            }
            await expectStoreError(.notFound) {
                _ = try await ben.document(kind: "goal", id: "c-ana-goal")
            }
            #expect(try await ben.assignments(clientID: "c-ana", status: nil).isEmpty)
            #expect(
                try await ben.entries(EntryQuery(clientID: "c-ana", includeVoided: true)).isEmpty)
            #expect(try await ben.ledger(assignmentID: "c-ana-1").isEmpty)
            #expect(try await ben.flags(FlagQuery(clientID: "c-ana", openOnly: false)).isEmpty)
            #expect(try await ben.documents(kind: "goal", clientID: "c-ana").isEmpty)
            #expect(try await ben.auditJournal(AuditQuery(clientID: "c-ana")).isEmpty)
            #expect(try await ben.caseloadChanges(clientID: "c-ana").isEmpty)
            #expect(try await ben.importProgress(fileHash: "c-ana-file") == nil)
            let assignment = Fixture.assignment("c-ana-1", client: "c-ana")
            let flag = try #require(
                try await clinic.owner.flags(FlagQuery(clientID: "c-ana", openOnly: true)).first)
            await expectStoreError(.notFound) {
                try await ben.updateClient(Fixture.client("c-ana", name: "renamed"))
            }
            await expectStoreError(.notFound) { try await ben.saveAssignment(assignment) }
            await expectStoreError(.notFound) {
                try await ben.save(
                    TestGoal(id: "c-ana-goal", clientID: "c-ana", behaviour: "x", phases: []))
            }
            await expectStoreError(.notFound) {
                try await ben.record(
                    EntryRecording(entry: Fixture.entry("c-ana-e7", assignment: assignment)))
            }
            await expectStoreError(.notFound) {
                _ = try await ben.acknowledgeFlags(ids: [flag.id], note: "not mine")
            }
            await expectStoreError(.notFound) {
                _ = try await ben.commitImportBatch(
                    ImportBatch(
                        fileHash: "c-ana-other", lines: 1...1,
                        entries: [
                            ImportedEntry(
                                entry: Fixture.entry("c-ana-i9", assignment: assignment), line: 1,
                                keyedByContent: false)
                        ]))
            }
            // Adding a client whose id is taken cannot be told from any other duplicate.
            await expectStoreError(.duplicate) { try await ben.addClient(Fixture.client("c-ana")) }
            #expect(try await clinic.owner.entries(EntryQuery(clientID: "c-ana")).count == 3)
        }

        @Test(.enabled(if: server))
        func aSupervisorReadsAndIsRefusedEveryChange() async throws {
            let clinic = try await ClinicRowSecurityTests.seeded()
            let sam = try await clinic.store(clinic.sam)
            defer { sam.close() }
            #expect(try await sam.clients().map(\.id) == ["c-ana"])
            #expect(try await sam.entries(EntryQuery(clientID: "c-ana")).count == 3)
            #expect(try await sam.ledger(assignmentID: "c-ana-1").count == 2)
            #expect(try await sam.entryRevisions(entryID: "c-ana-e1").count == 1)
            #expect(try await !sam.auditJournal(AuditQuery(clientID: "c-ana")).isEmpty)
            let assignment = try await sam.assignment(id: "c-ana-1")
            let flag = try #require(
                try await sam.flags(FlagQuery(clientID: "c-ana", openOnly: true)).first)
            await expectStoreError(.permissionDenied) {
                try await sam.updateClient(Fixture.client("c-ana", name: "renamed"))
            }
            await expectStoreError(.permissionDenied) { try await sam.saveAssignment(assignment) }
            await expectStoreError(.permissionDenied) {
                try await sam.save(
                    TestGoal(id: "c-ana-goal", clientID: "c-ana", behaviour: "x", phases: []))
            }
            await expectStoreError(.permissionDenied) {
                try await sam.record(
                    EntryRecording(entry: Fixture.entry("c-ana-e7", assignment: assignment)))
            }
            await expectStoreError(.permissionDenied) {
                _ = try await sam.acknowledgeFlags(ids: [flag.id], note: "not mine to close")
            }
            #expect(
                try await clinic.owner.flags(FlagQuery(clientID: "c-ana", openOnly: true)).count
                    == 1)
        }

        @Test(.enabled(if: server))
        func anAdminManagesAccountsAndMovesAClientWithoutReadingIt() async throws {
            let clinic = try await ClinicRowSecurityTests.seeded()
            let admin = try await clinic.store(clinic.admin)
            defer { admin.close() }
            #expect(try await admin.clients().isEmpty)
            await expectStoreError(.notFound) { _ = try await admin.client(id: "c-ana") }
            #expect(try await admin.caseload().map(\.therapist) == [clinic.ana, clinic.ben])
            let accounts = try await admin.accounts()
            #expect(accounts.map(\.role) == [.admin, .therapist, .therapist, .supervisor])
            #expect(accounts.last?.supervisees == [clinic.ana])
            // Ana goes on leave: Ben takes her client, and only Ben reads it now.
            let previous = try await admin.assignCaseload(
                clientID: "c-ana", to: clinic.ben, reason: "Ana on leave")
            #expect(previous == clinic.ana)
            let ben = try await clinic.store(clinic.ben)
            defer { ben.close() }
            let ana = try await clinic.store(clinic.ana)
            defer { ana.close() }
            #expect(try await ben.entries(EntryQuery(clientID: "c-ana")).count == 3)
            #expect(try await ana.clients().isEmpty)
            let changes = try await ben.caseloadChanges(clientID: "c-ana")
            #expect(changes.map(\.from) == [nil, clinic.ana])
            #expect(changes.map(\.to) == [clinic.ana, clinic.ben])
            #expect(changes.map(\.actor) == [clinic.ana, clinic.admin])
            let moves = try await ben.auditJournal(
                AuditQuery(clientID: "c-ana", action: "caseload"))
            #expect(moves.map(\.action) == ["caseload.assign", "caseload.move"])
            #expect(moves.map(\.principal) == [clinic.ana, clinic.admin])
            await expectStoreError(.conflict) {
                _ = try await admin.assignCaseload(
                    clientID: "c-ana", to: clinic.ben, reason: "again")
            }
            await expectStoreError(.notFound) {
                _ = try await admin.assignCaseload(
                    clientID: "c-nobody", to: clinic.ben, reason: "x")
            }
            await expectStoreError(.conflict) {
                try await admin.setRole(of: clinic.admin, to: .therapist)
            }
            await expectStoreError(.invalidInput) {
                try await admin.setSupervision(
                    supervisor: clinic.ben, supervisee: clinic.ana, active: true)
            }
        }

        @Test(.enabled(if: server))
        func onlyAnAdminChangesAccounts() async throws {
            let clinic = try await ClinicFixture.make()
            for account in [clinic.ana, clinic.sam] {
                let store = try await clinic.store(account)
                await expectStoreError(.permissionDenied) {
                    try await store.addAccount(
                        id: "x-\(UUID().uuidString.prefix(6).lowercased())", displayName: "X",
                        role: .admin, password: ClinicFixture.password)
                }
                await expectStoreError(.permissionDenied) {
                    try await store.setRole(of: account, to: .admin)
                }
                await expectStoreError(.permissionDenied) {
                    try await store.setDisabled(clinic.ben, true)
                }
                await expectStoreError(.permissionDenied) {
                    try await store.setPassword(of: clinic.ben, to: "a-new-password-1")
                }
                await expectStoreError(.permissionDenied) {
                    try await store.setSupervision(
                        supervisor: clinic.sam, supervisee: clinic.ben, active: true)
                }
                store.close()
            }
            #expect(try await clinic.owner.accounts().count == 4)
        }

        /// Two admins adding accounts at once: each add grants on the same
        /// tables, which PostgreSQL refuses to do in two transactions at once
        /// ("tuple concurrently updated") unless the adds take turns.
        @Test(.enabled(if: server))
        func accountsAddedAtTheSameTimeAreAllAdded() async throws {
            let clinic = try await ClinicFixture.make()
            let suffix = UUID().uuidString.prefix(6).lowercased()
            let ids = (1...6).map { "t\($0)-\(suffix)" }
            let admins = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
                for _ in ids { group.addTask { try await clinic.store(clinic.admin) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            defer { admins.forEach { $0.close() } }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (admin, id) in zip(admins, ids) {
                    group.addTask {
                        try await admin.addAccount(
                            id: id, displayName: id, role: .therapist,
                            password: ClinicFixture.password)
                    }
                }
                try await group.waitForAll()
            }
            for id in ids {
                let store = try await clinic.store(id)
                #expect(try await store.signedInAccount()?.id == id)
                store.close()
            }
        }

        @Test(.enabled(if: server))
        func aDisabledAccountCannotSignInAndAPasswordChangeTakes() async throws {
            let clinic = try await ClinicFixture.make()
            let admin = try await clinic.store(clinic.admin)
            defer { admin.close() }
            try await admin.setDisabled(clinic.ben, true)
            await expectStoreError(.io) { _ = try await clinic.store(clinic.ben) }
            #expect(try await admin.accounts().first { $0.id == clinic.ben }?.isDisabled == true)
            try await admin.setDisabled(clinic.ben, false)
            // Ben sets his own password: the old one no longer signs in.
            let ben = try await clinic.store(clinic.ben)
            try await ben.setPassword(of: clinic.ben, to: "bens-own-password-9")
            ben.close()
            await expectStoreError(.io) { _ = try await clinic.store(clinic.ben) }
            let again = try await clinic.store(clinic.ben, password: "bens-own-password-9")
            #expect(try await again.signedInAccount()?.id == clinic.ben)
            // Ben sees that it happened, and who did it.
            let journal = try await again.auditJournal(AuditQuery(objectID: clinic.ben))
            #expect(
                journal.map(\.action) == [
                    "account.add", "account.disable", "account.enable", "account.password",
                ])
            #expect(
                journal.map(\.principal) == [clinic.admin, clinic.admin, clinic.admin, clinic.ben])
            again.close()
        }

        @Test(.enabled(if: server))
        func theJournalNamesTheSignedInAccountNotTheNameAsked() async throws {
            let clinic = try await ClinicFixture.make()
            let ana = try await clinic.store(clinic.ana)
            defer { ana.close() }
            #expect(ana.account == clinic.ana && ana.principal.name == clinic.ana)
            try await ana.addClient(Fixture.client("c-1"))
            let assignment = Fixture.assignment("a-1", client: "c-1")
            try await ana.saveAssignment(assignment)
            try await ana.record(
                EntryRecording(entry: Fixture.entry("e-1", assignment: assignment)))
            #expect(try await ana.entry(id: "e-1").recordedBy == clinic.ana)
            let journal = try await clinic.owner.auditJournal(AuditQuery(clientID: "c-1"))
            #expect(Set(journal.map(\.principal)) == [clinic.ana])
            #expect(journal.map(\.action).contains("caseload.assign"))
            // The owner is no account: it acts under the name it is given.
            #expect(clinic.owner.account == nil && clinic.owner.principal.name == "clinic-owner")
            #expect(try await clinic.owner.signedInAccount() == nil)
        }

        @Test(.enabled(if: server))
        func aRoleWithoutAnAccountAndAnAccountBeforeAMigrationAreRefused() async throws {
            let clinic = try await ClinicFixture.make()
            let stranger = "stranger-\(UUID().uuidString.prefix(8).lowercased())"
            try await clinic.ownerSQL(
                "CREATE ROLE \"\(stranger)\" LOGIN PASSWORD '\(ClinicFixture.password)'")
            let refused = await expectStoreError(.permissionDenied) {
                _ = try await clinic.store(stranger)
            }
            #expect(refused?.message.contains("no carryover account") == true)
            // Only the owner migrates; an account asks for it.
            try await clinic.ownerSQL(
                "DELETE FROM \(clinic.schema).schema_version WHERE version = 'v7-clinic-accounts'")
            let pending = await expectStoreError(.permissionDenied) {
                _ = try await clinic.store(clinic.ana)
            }
            #expect(pending?.message.contains("v7-clinic-accounts") == true)
        }
    }
#endif
