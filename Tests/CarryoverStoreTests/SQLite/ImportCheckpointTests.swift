import CarryoverCore
import Foundation
import GRDB
import Testing

@testable import CarryoverSQLite
@testable import CarryoverStore

/// An import batch commits with a long WAL checkpoint interval; the
/// connection is back at SQLite's afterwards, so later reads do not stay
/// behind a WAL of up to 32 MiB.
@Suite struct ImportCheckpointTests {
    @Test func aBatchLeavesTheConnectionAtSQLitesCheckpointInterval() async throws {
        let (stored, assignment) = try await Fixture.seeded(.sqlite)
        let store = try #require(stored as? SQLiteStore)
        func interval() async throws -> Int? {
            try await store.database.read { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") }
        }
        #expect(try await interval() == SQLiteStore.checkpointPages)
        let batch = ImportBatch(
            fileHash: "h", lines: 1...1,
            entries: [
                ImportedEntry(
                    entry: Fixture.entry("i-1", assignment: assignment), line: 1,
                    keyedByContent: false)
            ])
        #expect(try await store.commitImportBatch(batch).progress.imported == 1)
        #expect(try await interval() == SQLiteStore.checkpointPages)
    }
}
