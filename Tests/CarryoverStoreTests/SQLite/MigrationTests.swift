import CarryoverCore
import CarryoverTestSupport
import Foundation
import GRDB
import Testing

@testable import CarryoverSQLite
@testable import CarryoverStore

/// A practice written by schema v1 opens under the current schema with its data.
@Suite struct MigrationTests {
    /// This test's files, removed when the test ends.
    private let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder(prefix: "carryover-store") }

    @Test func practiceFromV1MigratesWithItsData() async throws {
        let path = try scratch.subfolder("store").path.appending("v1.sqlite")
        let assignment = Fixture.assignment()
        do {
            // A v1 file as GRDB's DatabaseMigrator wrote it: WAL, the v1 tables,
            // grdb_migrations naming v1, application id 0.
            let v1 = try DatabaseQueue(path: path)
            try await v1.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                try db.execute(
                    sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                try db.execute(sql: SQLiteSchema.migrations[0].sql)
                try db.execute(
                    sql: "INSERT INTO grdb_migrations VALUES (?)",
                    arguments: [SQLiteSchema.versions[0]])
            }
            let json = try StoreCoding.encode(assignment)
            try await v1.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO client VALUES ('c-1', 'Alex Example', 'Europe/Berlin');
                        INSERT INTO assignment VALUES ('a-1', 'c-1', 'org.example.mood', 'active', 1772323200, ?);
                        INSERT INTO entry VALUES ('e-1', 'a-1', 'c-1', 'org.example.mood', '1.0.0',
                            1772323200, 1772323260, '{"mood":7}');
                        INSERT INTO entry_score VALUES ('e-1', 'mood', 7);
                        INSERT INTO audit (at, principal, action, object_kind, object_id, client_id)
                            VALUES (1772323200, 'dr-old', 'entry.record', 'entry', 'e-1', 'c-1');
                        """, arguments: [json])
            }
            #expect(
                try await v1.read { try SQLiteSchema.pending($0) } == [
                    "v2-documents-state-ledger-imports", "v3-application-id",
                    "v4-import-progress-stored-prefix", "v5-flags-corrections-sources", "v6-portal",
                    "v7-supporters-reviews", "v8-entry-order-indexes",
                ])
            try v1.close()
        }

        let store = try SQLiteStore(
            path: path, principal: Principal(name: "dr-new"), clock: Fixture.clock)
        let (pending, applicationID) = try await store.database.read { db in
            (try SQLiteSchema.pending(db), try Int32.fetchOne(db, sql: "PRAGMA application_id"))
        }
        #expect(pending.isEmpty && applicationID == SQLiteSchema.applicationID)
        #expect(try await store.client(id: "c-1") == Fixture.client())
        #expect(try await store.assignment(id: "a-1") == assignment)
        let entries = try await store.entries(EntryQuery(clientID: "c-1"))
        #expect(entries.map(\.fields) == [["mood": 7]] && entries.map(\.scores) == [["mood": 7]])
        // v3 reads who recorded an older entry from the journal; its flags were never known.
        #expect(entries.map(\.recordedBy) == ["dr-old"] && entries.map(\.source) == [.therapist])
        #expect(entries.map(\.flags) == [nil] && entries.map(\.revision) == [0])
        // v2's tables work on the migrated file, and the v1 audit rows stay first.
        _ = try await store.record(
            EntryRecording(
                entry: Fixture.entry("e-2", assignment: assignment), engineState: ["streak": 2],
                events: [NewLedgerEvent(at: Fixture.t0, kind: "tokens.earned", payload: 1)]))
        #expect(try await store.ledger(assignmentID: "a-1").map(\.seq) == [1])
        let journal = try await store.auditJournal(AuditQuery())
        #expect(journal.map(\.principal) == ["dr-old", "dr-new"])
    }
}
