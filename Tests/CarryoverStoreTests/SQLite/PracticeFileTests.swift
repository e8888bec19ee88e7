import CarryoverCore
import CarryoverTestSupport
import Crypto
import Foundation
import GRDB
import Testing

@testable import CarryoverSQLite
@testable import CarryoverStore

/// What a practice file is, and what opening one may change: a practice is
/// marked by its application id; another program's file and a read-only
/// open are left byte for byte as they were.
@Suite struct PracticeFileTests {
    /// This test's files, removed when the test ends.
    private let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder(prefix: "carryover-store") }

    /// The file's bytes, its mode and the names beside it (-wal, -shm, ...).
    struct Snapshot: Equatable {
        var digest: String
        var mode: Int
        var folder: [String]

        init(_ path: String) throws {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            mode = try SQLiteFileTests.mode(path)
            folder = try FileManager.default.contentsOfDirectory(
                atPath: (path as NSString).deletingLastPathComponent
            ).sorted()
        }
    }

    /// Another program's SQLite file: a table of notes, mode 0644, in
    /// rollback-journal or WAL mode.
    func foreignFile(wal: Bool) async throws -> String {
        let path = try scratch.subfolder("store").path.appending("practice.sqlite")
        let other = try DatabaseQueue(path: path)
        try await other.writeWithoutTransaction { db in
            if wal { _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
            try db.execute(sql: "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('hi')")
        }
        try other.close()
        chmod(path, 0o644)
        return path
    }

    @Test func aNewPracticeCarriesTheApplicationID() async throws {
        let store = try SQLiteFileTests.newStore(try scratch.subfolder("store").path)
        let id = try await store.database.read {
            try Int32.fetchOne($0, sql: "PRAGMA application_id")
        }
        #expect(id == 0x4352_5259)  // "CRRY"
        // In the header itself (offset 68, big-endian), where the check reads it.
        let header = try Data(contentsOf: URL(fileURLWithPath: store.path)).prefix(100)
        #expect(Array(header[68..<72]) == Array("CRRY".utf8))
    }

    /// Issue 15: pointing carryover at another program's SQLite file migrated
    /// it (every table added) and made it 0600.
    @Test(arguments: [false, true])
    func anotherProgramsFileIsRefusedAndLeftAsItWas(wal: Bool) async throws {
        let path = try await self.foreignFile(wal: wal)
        let before = try Snapshot(path)
        for access in [StoreAccess.readWrite, .readOnly] {
            let error = await expectStoreError(.notAPractice) {
                _ = try SQLiteStore(path: path, access: access)
            }
            #expect(error?.message.contains("left as it was") == true)
        }
        await expectStoreError(.notAPractice) { _ = try SQLiteStore(path: path, create: true) }
        #expect(try Snapshot(path) == before)
        // An empty SQLite database (tables none, id 0) is not adopted either.
        let empty = try scratch.subfolder("store").path.appending("practice.sqlite")
        let emptyQueue = try DatabaseQueue(path: empty)
        try await emptyQueue.writeWithoutTransaction { try $0.execute(sql: "VACUUM") }
        try emptyQueue.close()
        let emptyBefore = try Snapshot(empty)
        await expectStoreError(.notAPractice) { _ = try SQLiteStore(path: empty) }
        #expect(try Snapshot(empty) == emptyBefore)
    }

    /// Issue 13 §3: `status` and `pack list` raised the header's change
    /// counter and schema cookie (GRDB's pool wrote a table to the WAL on
    /// every open). A read-only store changes no byte, and refuses writes.
    @Test func aReadOnlyStoreLeavesTheFileAsItWas() async throws {
        let folder = try scratch.subfolder("store").path
        let path: String
        do {
            let store = try SQLiteFileTests.newStore(folder)
            try await store.addClient(Fixture.client())
            let assignment = Fixture.assignment()
            try await store.saveAssignment(assignment)
            _ = try await store.record(
                EntryRecording(
                    entry: Fixture.entry("e-1", assignment: assignment), engineState: ["n": 1],
                    events: [NewLedgerEvent(at: Fixture.t0, kind: "tokens.earned", payload: 1)]))
            path = store.path
        }
        let before = try Snapshot(path)
        for _ in 0..<3 {
            let store = try SQLiteStore(path: path, access: .readOnly)
            _ = try await store.clients()
            _ = try await store.assignments(clientID: "c-1", status: nil)
            _ = try await store.entries(EntryQuery())
            _ = try await store.engineState(assignmentID: "a-1")
            _ = try await store.ledger(assignmentID: "a-1")
            _ = try await store.auditJournal(AuditQuery())
            _ = try await store.importProgress(fileHash: "h")
            await expectStoreError(.readOnly) { try await store.addClient(Fixture.client("c-2")) }
        }
        #expect(try Snapshot(path).digest == before.digest)
        #expect(try Snapshot(path).mode == before.mode)
    }

    /// A practice older than the application id is recognised by its tables,
    /// migrated once (even when opened read-only), then read without writes.
    @Test func anOlderPracticeIsMigratedOnceThenOpenedReadOnly() async throws {
        let path = try scratch.subfolder("store").path.appending("practice.sqlite")
        let old = try DatabaseQueue(path: path)
        try await old.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(
                sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for (name, sql) in SQLiteSchema.migrations.prefix(2) {
                try db.execute(sql: sql)
                try db.execute(sql: "INSERT INTO grdb_migrations VALUES (?)", arguments: [name])
            }
            // Progress of two files: one clean, one whose mark passed a rejected line.
            try db.execute(
                sql: """
                    INSERT INTO import_progress VALUES ('clean', 10, 10, 0);
                    INSERT INTO import_progress VALUES ('passed-a-rejection', 10, 9, 1);
                    """)
        }
        try old.close()
        let store = try SQLiteStore(path: path, access: .readOnly)
        #expect(try await store.importProgress(fileHash: "clean")?.lastLine == 10)
        #expect(try await store.importProgress(fileHash: "passed-a-rejection") == nil)
        let migrated = try Snapshot(path)
        _ = try await SQLiteStore(path: path, access: .readOnly).clients()
        #expect(try Snapshot(path).digest == migrated.digest)
        let id = try await store.database.read {
            try Int32.fetchOne($0, sql: "PRAGMA application_id")
        }
        #expect(id == SQLiteSchema.applicationID)
    }
}
