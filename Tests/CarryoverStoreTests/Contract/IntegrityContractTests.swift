import CarryoverCore
import CarryoverStore
import Foundation
import Testing

/// The contract every store passes: append-only records, all-or-nothing
/// recordings, concurrent writers.
@Suite struct IntegrityContractTests {
    static func seededWithOneRecording(_ factory: StoreFactory) async throws -> (
        any PracticeStore, Assignment
    ) {
        let (store, assignment) = try await Fixture.seeded(factory)
        _ = try await store.record(
            EntryRecording(
                entry: Fixture.entry("e-1", assignment: assignment),
                events: [NewLedgerEvent(at: Fixture.t0, kind: "tokens.earned", payload: 5)]))
        return (store, assignment)
    }

    @Test(arguments: StoreFactory.available)
    func auditAndLedgerRefuseUpdateAndDelete(_ factory: StoreFactory) async throws {
        let (store, _) = try await Self.seededWithOneRecording(factory)
        let journal = try await store.auditJournal(AuditQuery())
        let attempts = [
            "UPDATE audit SET principal = 'someone else'", "DELETE FROM audit",
            "UPDATE ledger SET kind = 'tokens.redeemed'", "DELETE FROM ledger",
        ]
        for sql in attempts {
            await #expect(throws: (any Error).self, "\(sql)") {
                try await factory.execute(store, sql)
            }
        }
        #expect(try await store.auditJournal(AuditQuery()) == journal)
        #expect(try await store.ledger(assignmentID: "a-1").map(\.kind) == ["tokens.earned"])
    }

    @Test(arguments: StoreFactory.available)
    func aFailureLateInARecordingWritesNothing(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Self.seededWithOneRecording(factory)
        let journal = try await store.auditJournal(AuditQuery())
        // The ledger insert comes after the entry, its scores and the state.
        try await factory.execute(store, factory.failLedgerInserts)
        let recording = EntryRecording(
            entry: Fixture.entry("e-2", assignment: assignment, scores: ["mood": 3]),
            engineState: ["v": 2], events: [NewLedgerEvent(at: Fixture.t0, kind: "x", payload: nil)]
        )
        await expectStoreError(.conflict) { _ = try await store.record(recording) }
        #expect(try await store.entries(EntryQuery()).map(\.id) == ["e-1"])
        #expect(try await store.engineState(assignmentID: "a-1") == nil)
        #expect(try await store.auditJournal(AuditQuery()) == journal)
    }

    @Test(arguments: StoreFactory.available)
    func concurrentRecordingsKeepEveryEntryAndAGapFreeLedger(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Fixture.seeded(factory)
        // No engine state: its upsert would order the writers by itself and
        // hide a ledger numbered without the assignment's lock.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for index in 0..<25 {
                        let entry = Fixture.entry("w\(writer)-\(index)", assignment: assignment)
                        _ = try await store.record(
                            EntryRecording(
                                entry: entry,
                                events: [NewLedgerEvent(at: Fixture.t0, kind: "k", payload: nil)]))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.entries(EntryQuery()).count == 200)
        #expect(try await store.ledger(assignmentID: "a-1").map(\.seq) == Array(1...200))
    }
}

extension IntegrityContractTests {
    /// Issue 13 §3 and 15: a read-only store reads everything and writes
    /// nothing; and a write that returns is durable (SQLite synchronous FULL,
    /// PostgreSQL synchronous_commit on) on the live connection.
    @Test(arguments: StoreFactory.available)
    func aReadOnlyStoreReadsAndRefusesWrites(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Self.seededWithOneRecording(factory)
        let journal = try await store.auditJournal(AuditQuery())
        let reader = try await factory.reopen(store, .readOnly)
        #expect(try await reader.clients() == [Fixture.client()])
        #expect(try await reader.entries(EntryQuery()).map(\.id) == ["e-1"])
        #expect(try await reader.auditJournal(AuditQuery()) == journal)
        await expectStoreError(.readOnly) { try await reader.addClient(Fixture.client("c-2")) }
        await expectStoreError(.readOnly) {
            _ = try await reader.record(
                EntryRecording(entry: Fixture.entry("e-2", assignment: assignment, at: 60)))
        }
        #expect(try await store.clients().count == 1)
        #expect(try await store.auditJournal(AuditQuery()) == journal)
    }

    @Test(arguments: StoreFactory.available)
    func writesAreDurableWhenTheyReturn(_ factory: StoreFactory) async throws {
        let (store, _) = try await Fixture.seeded(factory)
        #expect(try await factory.durability(store) == (factory.name == "SQLite" ? "2" : "on"))
    }
}
