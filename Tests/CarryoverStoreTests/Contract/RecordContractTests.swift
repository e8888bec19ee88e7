import CarryoverCore
import CarryoverStore
import Foundation
import Testing

/// The contract every store passes for the clinical record: engine writes
/// read inside their transaction, corrections that keep the original, risk
/// flags that stay until acknowledged, discharges, the audit journal's filters.
@Suite struct RecordContractTests {
    static let risk = PluginFlag(level: .risk, code: "phq9-item9", message: "Item 9 answered 2")
    static let attention = PluginFlag(level: .attention, code: "low", message: "Low mood")

    @Test(arguments: StoreFactory.available)
    func anEngineWriteSeesTheStoredStateAndAThrowWritesNothing(_ factory: StoreFactory)
        async throws
    {
        let (store, assignment) = try await Fixture.seeded(factory)
        struct Refused: Error {}
        for step in 1...3 {
            let (seen, events) = try await store.writeEngine(assignmentID: "a-1", entryID: nil) {
                snapshot in
                let count = snapshot.state?["count"]?.number ?? 0
                return (
                    EngineWrite(
                        entry: Fixture.entry("e-\(step)", assignment: assignment),
                        engineState: ["count": .double(count + 1)],
                        events: [NewLedgerEvent(at: Fixture.t0, kind: "ledger", payload: 1)]),
                    count
                )
            }
            #expect(seen == Double(step - 1))
            #expect(events.map(\.entryID) == ["e-\(step)"])
        }
        let journal = try await store.auditJournal(AuditQuery())
        await #expect(throws: Refused.self) {
            _ = try await store.writeEngine(assignmentID: "a-1", entryID: nil) {
                _ -> (EngineWrite, Void) in
                throw Refused()
            }
        }
        #expect(try await store.engineState(assignmentID: "a-1")?["count"]?.number == 3)
        #expect(try await store.entries(EntryQuery()).count == 3)
        #expect(try await store.auditJournal(AuditQuery()) == journal)
    }

    @Test(arguments: StoreFactory.available)
    func anEntryKeepsItsSourceRecorderAndFlags(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Fixture.seeded(factory)
        var entry = Fixture.entry("e-1", assignment: assignment)
        entry.source = .client
        entry.flags = [Self.attention, Self.risk]
        try await store.record(EntryRecording(entry: entry))
        let stored = try await store.entry(id: "e-1")
        #expect(stored == entry)
        #expect(stored.recordedBy == "dr-test" && stored.source == .client)
        // Only the risk flag waits for acknowledgement.
        let flags = try await store.flags(FlagQuery(clientID: "c-1"))
        #expect(flags.map(\.code) == ["phq9-item9"])
        #expect(flags.first?.isOpen == true && flags.first?.entryID == "e-1")
        #expect(flags.first?.performedAt == entry.performedAt)
    }

    @Test(arguments: StoreFactory.available)
    func anAmendmentKeepsTheOriginalAndAVoidStaysInHistory(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Fixture.seeded(factory)
        var logged = Fixture.entry("e-1", assignment: assignment, scores: ["mood": 7])
        logged.flags = []
        let entry = logged
        try await store.record(
            EntryRecording(
                entry: entry,
                events: [NewLedgerEvent(at: Fixture.t0, kind: "ledger", payload: ["amount": 1])]))
        let amend = EntryCorrection(
            entryID: "e-1", action: .amend, revision: 0, reason: "typo: mood was 2",
            at: Fixture.t0.addingTimeInterval(60), fields: ["mood": 2], scores: ["mood": 2],
            flags: [Self.risk])
        _ = try await store.writeEngine(assignmentID: "a-1", entryID: "e-1") { snapshot in
            #expect(snapshot.entry?.fields == entry.fields)
            #expect(snapshot.entryEvents.map(\.kind) == ["ledger"])
            return (EngineWrite(correction: amend), ())
        }
        let amended = try await store.entry(id: "e-1")
        #expect(amended.fields == ["mood": 2] && amended.scores == ["mood": 2])
        #expect(amended.revision == 1 && !amended.voided)
        #expect(try await store.flags(FlagQuery()).map(\.code) == ["phq9-item9"])
        // A correction made from a stale revision is refused.
        await expectStoreError(.conflict) {
            _ = try await store.writeEngine(assignmentID: "a-1", entryID: "e-1") { _ in
                (EngineWrite(correction: amend), ())
            }
        }
        let void = EntryCorrection(
            entryID: "e-1", action: .void, revision: 1, reason: "logged for the wrong client",
            at: Fixture.t0.addingTimeInterval(120))
        _ = try await store.writeEngine(assignmentID: "a-1", entryID: "e-1") { _ in
            (EngineWrite(correction: void), ())
        }
        #expect(try await store.entries(EntryQuery()).isEmpty)
        #expect(try await store.entries(EntryQuery(includeVoided: true)).map(\.voided) == [true])
        let revisions = try await store.entryRevisions(entryID: "e-1")
        #expect(revisions.map(\.action) == [.amend, .void])
        #expect(revisions.map(\.number) == [1, 2])
        #expect(revisions[0].previousFields == entry.fields)
        #expect(revisions[0].previousScores == ["mood": 7])
        #expect(revisions[1].previousFields == ["mood": 2])
        #expect(revisions.allSatisfy { $0.actor == "dr-test" })
        // A voided entry cannot be corrected again, and the flag it raised stays open.
        await expectStoreError(.conflict) {
            _ = try await store.writeEngine(assignmentID: "a-1", entryID: "e-1") { _ in
                (EngineWrite(correction: void), ())
            }
        }
        #expect(try await store.flags(FlagQuery(openOnly: true)).count == 1)
        let actions = try await store.auditJournal(AuditQuery(action: "entry")).map(\.action)
        #expect(actions == ["entry.record", "entry.amend", "entry.void"])
    }

    @Test(arguments: StoreFactory.available)
    func entriesChangeOnlyByCorrectionsAndAreNeverDeleted(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Fixture.seeded(factory)
        try await store.record(EntryRecording(entry: Fixture.entry("e-1", assignment: assignment)))
        let attempts = [
            "UPDATE entry SET fields = '{\"mood\":1}'", "DELETE FROM entry",
            "UPDATE entry SET revision = 1",
        ]
        for sql in attempts {
            await #expect(throws: (any Error).self, "\(sql)") {
                try await factory.execute(store, sql)
            }
        }
        #expect(
            try await store.entry(id: "e-1").fields
                == Fixture.entry("e-1", assignment: assignment).fields)
    }

    @Test(arguments: StoreFactory.available)
    func aRiskFlagStaysOpenUntilAcknowledgedOnce(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Fixture.seeded(factory)
        var risky = Fixture.entry("e-1", assignment: assignment)
        risky.flags = [Self.risk]
        var calm = Fixture.entry("e-2", assignment: assignment, at: 86_400)
        calm.flags = []
        try await store.record(EntryRecording(entry: risky))
        try await store.record(EntryRecording(entry: calm))
        let open = try await store.flags(FlagQuery(clientID: "c-1", openOnly: true))
        #expect(open.map(\.entryID) == ["e-1"])
        // The period that holds the risky entry shows it; one after it does not.
        #expect(
            try await store.flags(FlagQuery(from: Fixture.t0, until: Fixture.t0 + 1)).count == 1)
        #expect(try await store.flags(FlagQuery(from: Fixture.t0 + 1)).isEmpty)

        await expectStoreError(.invalidInput) {
            _ = try await store.acknowledgeFlags(ids: [open[0].id], note: " ")
        }
        await expectStoreError(.notFound) {
            _ = try await store.acknowledgeFlags(ids: [open[0].id, 999], note: "called")
        }
        #expect(try await store.flags(FlagQuery(openOnly: true)).count == 1)
        let acknowledged = try await store.acknowledgeFlags(
            ids: [open[0].id], note: "called; safety plan reviewed")
        #expect(acknowledged.first?.acknowledgement?.by == "dr-test")
        #expect(acknowledged.first?.acknowledgement?.at == Fixture.t0)
        #expect(try await store.flags(FlagQuery(openOnly: true)).isEmpty)
        #expect(
            try await store.flags(FlagQuery()).first?.acknowledgement?.note
                == "called; safety plan reviewed")
        await expectStoreError(.conflict) {
            _ = try await store.acknowledgeFlags(ids: [open[0].id], note: "again")
        }
        let audit = try await store.auditJournal(AuditQuery(action: "flag.ack"))
        #expect(audit.map(\.objectID) == [String(open[0].id)])
        #expect(audit.first?.principal == "dr-test")
    }

    @Test(arguments: StoreFactory.available)
    func aDischargeEndsAssignmentsInOneTransaction(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Fixture.seeded(factory)
        var ended = assignment
        ended.status = .completed
        var client = Fixture.client()
        client.dischargedAt = Fixture.t0
        client.dischargeReason = "treatment completed"
        try await store.updateClient(client, assignments: [ended])
        #expect(try await store.client(id: "c-1") == client)
        #expect(try await store.assignment(id: "a-1").status == .completed)
        let actions = try await store.auditJournal(AuditQuery(clientID: "c-1")).map(\.action)
        #expect(actions.suffix(2) == ["assignment.update", "client.discharge"])

        try await store.addClient(Fixture.client("c-2"))
        var other = Fixture.assignment("a-2", client: "c-2")
        try await store.saveAssignment(other)
        other.status = .abandoned
        await expectStoreError(.conflict) {
            try await store.updateClient(client, assignments: [other])
        }
        #expect(try await store.assignment(id: "a-2").status == .active)
    }

    @Test(arguments: StoreFactory.available)
    func theAuditJournalFiltersByActionActorAndTime(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Fixture.seeded(factory)
        try await store.record(EntryRecording(entry: Fixture.entry("e-1", assignment: assignment)))
        let all = try await store.auditJournal(AuditQuery())
        #expect(all.map(\.action) == ["client.add", "assignment.add", "entry.record"])
        #expect(try await store.auditJournal(AuditQuery(action: "entry")).count == 1)
        #expect(try await store.auditJournal(AuditQuery(action: "entry.record")).count == 1)
        #expect(try await store.auditJournal(AuditQuery(action: "entr")).isEmpty)
        #expect(try await store.auditJournal(AuditQuery(principal: "dr-test")).count == 3)
        #expect(try await store.auditJournal(AuditQuery(principal: "someone")).isEmpty)
        #expect(try await store.auditJournal(AuditQuery(since: Fixture.t0)).count == 3)
        #expect(try await store.auditJournal(AuditQuery(until: Fixture.t0)).isEmpty)
    }
}
