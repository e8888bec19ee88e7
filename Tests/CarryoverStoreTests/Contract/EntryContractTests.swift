import CarryoverCore
import CarryoverStore
import Foundation
import Testing

/// The contract every store passes: entries, engine state, ledger, audit.
@Suite struct EntryContractTests {
    static func recording(_ entry: Entry, state: Value, events: [String]) -> EntryRecording {
        EntryRecording(
            entry: entry, engineState: state,
            events: events.map {
                NewLedgerEvent(at: entry.performedAt, kind: $0, payload: ["tokens": 2])
            })
    }

    @Test(arguments: StoreFactory.available)
    func recordWritesEntryStateAndLedger(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Fixture.seeded(factory)
        let first = Fixture.entry("e-1", assignment: assignment, scores: ["mood": 7, "sleep": 6.5])
        let stored = try await store.record(
            Self.recording(first, state: ["streak": 1], events: ["tokens.earned", "draw"]))
        #expect(stored.map(\.seq) == [1, 2])
        #expect(try await store.entries(EntryQuery(assignmentID: "a-1")) == [first])
        #expect(try await store.engineState(assignmentID: "a-1") == ["streak": 1])

        let second = Fixture.entry("e-2", assignment: assignment, at: 3_600)
        let more = try await store.record(
            Self.recording(second, state: ["streak": 2], events: ["tokens.earned"]))
        #expect(more.map(\.seq) == [3])
        let ledger = try await store.ledger(assignmentID: "a-1")
        #expect(ledger.map(\.kind) == ["tokens.earned", "draw", "tokens.earned"])
        #expect(ledger.last?.payload == ["tokens": 2])
        #expect(ledger.last?.at == second.performedAt)
        #expect(try await store.engineState(assignmentID: "a-1") == ["streak": 2])
    }

    /// Eleven scores: the SQLite store writes them 8 rows to an insert, so
    /// this is one insert of 8 and one of 3; every score comes back.
    @Test(arguments: StoreFactory.available)
    func everyScoreOfAnEntryWithManyIsStored(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Fixture.seeded(factory)
        var scores: [String: Double] = [:]
        for number in 1...11 { scores["s\(number)"] = Double(number) / 4 }
        let entry = Fixture.entry("e-1", assignment: assignment, scores: scores)
        _ = try await store.record(EntryRecording(entry: entry))
        let stored = try await store.entries(EntryQuery(assignmentID: "a-1"))
        #expect(stored == [entry])
        #expect(stored.first?.scores.count == 11)
        #expect(stored.first?.scores["s11"] == 2.75)
    }

    @Test(arguments: StoreFactory.available)
    func stateIsNilBeforeTheFirstEntryAndKeptWhenNotGiven(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Fixture.seeded(factory)
        #expect(try await store.engineState(assignmentID: "a-1") == nil)
        _ = try await store.record(
            Self.recording(Fixture.entry("e-1", assignment: assignment), state: [1], events: []))
        _ = try await store.record(
            EntryRecording(entry: Fixture.entry("e-2", assignment: assignment)))
        #expect(try await store.engineState(assignmentID: "a-1") == [1])
        await expectStoreError(.notFound) { _ = try await store.engineState(assignmentID: "a-9") }
    }

    /// One read for a status: every state of the client's assignments, no other client's.
    @Test(arguments: StoreFactory.available)
    func engineStatesOfAClientAreItsAssignmentsOnly(_ factory: StoreFactory) async throws {
        let (store, first) = try await Fixture.seeded(factory)
        try await store.saveAssignment(Fixture.assignment("a-2"))
        try await store.saveAssignment(Fixture.assignment("a-3"))
        try await store.addClient(Fixture.client("c-2"))
        let other = Fixture.assignment("a-9", client: "c-2")
        try await store.saveAssignment(other)
        #expect(try await store.engineStates(clientID: "c-1").isEmpty)
        _ = try await store.record(
            Self.recording(Fixture.entry("e-1", assignment: first), state: [1], events: []))
        _ = try await store.record(
            Self.recording(
                Fixture.entry("e-2", assignment: Fixture.assignment("a-3")), state: ["v": 3],
                events: []))
        _ = try await store.record(
            Self.recording(Fixture.entry("e-9", assignment: other), state: [9], events: []))
        // a-2 has no entry yet, so no state.
        #expect(try await store.engineStates(clientID: "c-1") == ["a-1": [1], "a-3": ["v": 3]])
        #expect(try await store.engineStates(clientID: "c-2") == ["a-9": [9]])
        #expect(try await store.engineStates(clientID: "c-404").isEmpty)
    }

    /// A status's one read gives what the five reads give, and only this client's.
    @Test(arguments: StoreFactory.available)
    func progressReadIsTheClientsFiveReadsAtOnce(_ factory: StoreFactory) async throws {
        let (store, first) = try await Fixture.seeded(factory)
        let second = Fixture.assignment("a-2")
        try await store.saveAssignment(second)
        try await store.addClient(Fixture.client("c-2"))
        let other = Fixture.assignment("a-9", client: "c-2")
        try await store.saveAssignment(other)
        // Two entries at the same moment come back by id, whatever order they were stored in.
        for (id, assignment) in [("e-3", second), ("e-2", first), ("e-1", first)] {
            _ = try await store.record(
                Self.recording(
                    Fixture.entry(id, assignment: assignment, scores: ["mood": 7, "sleep": 6]),
                    state: ["on": .string(assignment.id)], events: []))
        }
        _ = try await store.record(
            Self.recording(Fixture.entry("e-9", assignment: other), state: [9], events: []))

        let read = try await store.progressRead(clientID: "c-1", includeFields: false)
        #expect(read.client == Fixture.client())
        #expect(read.assignments == (try await store.assignments(clientID: "c-1", status: nil)))
        #expect(read.assignments.map(\.id) == ["a-1", "a-2"])
        #expect(read.entries.map(\.id) == ["e-1", "e-2", "e-3"])
        #expect(read.entries == (try await store.entries(EntryQuery(clientID: "c-1", includeFields: false))))
        #expect(read.entries.allSatisfy { $0.fields == .null && $0.scores == ["mood": 7, "sleep": 6] })
        #expect(read.states == ["a-1": ["on": "a-1"], "a-2": ["on": "a-2"]])
        #expect(read.openFlags.isEmpty)
        let withFields = try await store.progressRead(clientID: "c-1", includeFields: true)
        #expect(withFields.entries.map(\.fields) == Array(repeating: ["mood": 7, "note": "felt calmer"], count: 3))
        await expectStoreError(.notFound) {
            _ = try await store.progressRead(clientID: "c-404", includeFields: false)
        }
    }

    @Test(arguments: StoreFactory.available)
    func aRefusedRecordingWritesNothing(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Fixture.seeded(factory)
        try await store.addClient(Fixture.client("c-2"))
        _ = try await store.record(
            Self.recording(
                Fixture.entry("e-1", assignment: assignment), state: ["v": 1], events: ["x"]))
        let journal = try await store.auditJournal(AuditQuery())

        // Same id again, another client, an unknown assignment, a type mismatch.
        var foreign = Fixture.entry(
            "e-2", assignment: assignment, fields: ["note": "private words"])
        foreign.clientID = "c-2"
        var unknown = Fixture.entry("e-3", assignment: assignment)
        unknown.assignmentID = "a-9"
        var wrongType = Fixture.entry("e-4", assignment: assignment)
        wrongType.homeworkType = "org.example.other"
        let cases: [(Entry, StoreError.Code)] = [
            (Fixture.entry("e-1", assignment: assignment, at: 5), .duplicate),
            (foreign, .conflict), (unknown, .notFound), (wrongType, .conflict),
        ]
        for (entry, code) in cases {
            let error = await expectStoreError(code) {
                _ = try await store.record(Self.recording(entry, state: ["v": 99], events: ["y"]))
            }
            #expect(error?.message.contains("private words") == false)
        }
        #expect(try await store.entries(EntryQuery()).map(\.id) == ["e-1"])
        #expect(try await store.engineState(assignmentID: "a-1") == ["v": 1])
        #expect(try await store.ledger(assignmentID: "a-1").map(\.kind) == ["x"])
        #expect(try await store.auditJournal(AuditQuery()) == journal)
    }

    @Test(arguments: StoreFactory.available)
    func entriesByClientAssignmentAndHalfOpenTimeRange(_ factory: StoreFactory) async throws {
        let (store, a1) = try await Fixture.seeded(factory)
        try await store.addClient(Fixture.client("c-2"))
        let a2 = Fixture.assignment("a-2", client: "c-2")
        try await store.saveAssignment(a2)
        for hour in 0..<4 {
            let offset = TimeInterval(hour * 3_600)
            _ = try await store.record(
                EntryRecording(entry: Fixture.entry("x\(hour)", assignment: a1, at: offset)))
            _ = try await store.record(
                EntryRecording(entry: Fixture.entry("y\(hour)", assignment: a2, at: offset)))
        }
        #expect(
            try await store.entries(EntryQuery(clientID: "c-1")).map(\.id) == [
                "x0", "x1", "x2", "x3",
            ])
        #expect(
            try await store.entries(EntryQuery(assignmentID: "a-2")).map(\.id) == [
                "y0", "y1", "y2", "y3",
            ])
        // [01:00, 03:00) holds the entries at 01:00 and 02:00, not the one at 03:00.
        let range = EntryQuery(
            clientID: "c-1", from: Fixture.t0.addingTimeInterval(3_600),
            until: Fixture.t0.addingTimeInterval(3 * 3_600))
        #expect(try await store.entries(range).map(\.id) == ["x1", "x2"])
        #expect(try await store.entries(EntryQuery(assignmentID: "a-1", clientID: "c-2")).isEmpty)
    }

    @Test(arguments: StoreFactory.available)
    func auditJournalRecordsWhoDidWhatInOrder(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Fixture.seeded(factory)
        _ = try await store.record(
            EntryRecording(entry: Fixture.entry("e-1", assignment: assignment)))
        try await store.updateClient(Fixture.client("c-1", name: "Renamed"))
        let journal = try await store.auditJournal(AuditQuery())
        #expect(
            journal.map(\.action) == [
                "client.add", "assignment.add", "entry.record", "client.update",
            ])
        #expect(journal.map(\.seq) == [1, 2, 3, 4])
        #expect(journal.allSatisfy { $0.principal == "dr-test" && $0.at == Fixture.t0 })
        #expect(journal[2].objectKind == "entry" && journal[2].objectID == "e-1")
        #expect(journal.allSatisfy { $0.clientID == "c-1" })
        let lastTwo = try await store.auditJournal(AuditQuery(limit: 2))
        #expect(lastTwo.map(\.seq) == [3, 4])
        #expect(try await store.auditJournal(AuditQuery(objectID: "e-1")).map(\.seq) == [3])
        #expect(try await store.auditJournal(AuditQuery(clientID: "c-2")).isEmpty)
    }

    @Test(arguments: StoreFactory.available)
    func importBatchesCommitWithTheirProgress(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Fixture.seeded(factory)
        #expect(try await store.importProgress(fileHash: "h") == nil)
        func line(_ id: String, _ line: Int, mood: Int = 7) -> ImportedEntry {
            ImportedEntry(
                entry: Fixture.entry(
                    id, assignment: assignment, fields: ["mood": .int(Int64(mood))]),
                line: line, keyedByContent: false)
        }
        // Lines 1-2: line 1 stored, line 2 rejected by the importer.
        let first = ImportBatch(
            fileHash: "h", lines: 1...2, entries: [line("i-1", 1)], rejectedLines: [2])
        let result = try await store.commitImportBatch(first)
        #expect(
            result
                == ImportBatchResult(
                    progress: ImportProgress(fileHash: "h", lastLine: 1, imported: 1),
                    alreadyStored: []))
        // A re-run from line 2: line 2 now stored, i-1 again is recognised,
        // and an id stored with other content is a conflict that stops the mark.
        let second = ImportBatch(
            fileHash: "h", lines: 2...5,
            entries: [line("i-2", 2), line("i-1", 3), line("i-1", 4, mood: 3), line("i-3", 5)])
        let again = try await store.commitImportBatch(second)
        #expect(again.alreadyStored == [1] && again.conflicting == [2] && again.committed)
        #expect(again.progress == ImportProgress(fileHash: "h", lastLine: 3, imported: 3))
        await expectStoreError(.conflict) { _ = try await store.commitImportBatch(first) }
        // Past a line not stored, later batches store but do not move the mark.
        let later = ImportBatch(fileHash: "h", lines: 6...6, entries: [line("i-4", 6)])
        #expect(try await store.commitImportBatch(later).progress.lastLine == 3)
        #expect(
            try await store.entries(EntryQuery()).map(\.id).sorted() == [
                "i-1", "i-2", "i-3", "i-4",
            ])
        let actions = try await store.auditJournal(AuditQuery()).map(\.action)
        #expect(actions.filter { $0 == "entry.import" }.count == 4)
    }

    @Test(arguments: StoreFactory.available)
    func linesImportedBeforeContentKeysAreRecognised(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Fixture.seeded(factory)
        // Stored under an id of the old scheme: imp-<16 hex of the file hash>-<line>.
        let old = "imp-0123456789abcdef-1"
        _ = try await store.record(
            EntryRecording(entry: Fixture.entry(old, assignment: assignment)))
        let same = ImportedEntry(
            entry: Fixture.entry("imp-content", assignment: assignment), line: 1,
            keyedByContent: true)
        var other = same
        other.entry.id = "imp-other"
        other.entry.performedAt = Fixture.t0.addingTimeInterval(60)
        other.line = 2
        let result = try await store.commitImportBatch(
            ImportBatch(fileHash: "k", lines: 1...2, entries: [same, other]))
        #expect(result.alreadyStored == [0] && result.conflicting.isEmpty)
        #expect(try await store.entries(EntryQuery()).map(\.id) == [old, "imp-other"])
    }

    @Test(arguments: StoreFactory.available)
    func anAllOrNothingBatchInConflictStoresNothing(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Fixture.seeded(factory)
        _ = try await store.record(
            EntryRecording(entry: Fixture.entry("taken", assignment: assignment)))
        let journal = try await store.auditJournal(AuditQuery())
        let good = ImportedEntry(
            entry: Fixture.entry("new-1", assignment: assignment, at: 60), line: 1,
            keyedByContent: false)
        let clash = ImportedEntry(
            entry: Fixture.entry("taken", assignment: assignment, at: 120), line: 2,
            keyedByContent: false)
        let result = try await store.commitImportBatch(
            ImportBatch(fileHash: "s", lines: 1...2, entries: [good, clash], allOrNothing: true))
        #expect(!result.committed && result.conflicting == [1])
        #expect(try await store.entries(EntryQuery()).map(\.id) == ["taken"])
        #expect(try await store.auditJournal(AuditQuery()) == journal)
        #expect(try await store.importProgress(fileHash: "s") == nil)
    }
}
