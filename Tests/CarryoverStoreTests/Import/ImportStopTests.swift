import CarryoverCore
import CarryoverTestSupport
import Foundation
import Testing

@testable import CarryoverStore

/// A validator that fails for the machine's sake (a busy store or pack)
/// stops the import: the line is not rejected as if it were wrong.
@Suite struct ImportStopTests {
    /// This test's files, removed when the test ends.
    private let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder(prefix: "carryover-store") }

    /// Three lines without scores, so each is scored by the validator.
    func unscoredFile() throws -> String {
        let lines = (1...3).map { mood in
            """
            {"assignment":"a-1","performedAt":"2026-03-01T0\(mood):00:00+01:00",\
            "fields":{"mood":\(mood)}}
            """
        }
        return try scratch.write("entries.jsonl", lines.joined(separator: "\n") + "\n").path
    }

    static let busy = StoreError(.locked, "busy; run the command again")

    @Test(arguments: StoreFactory.available)
    func aBusyScoreStopsTheImportAfterTheWholeBatches(_ factory: StoreFactory) async throws {
        let (store, _) = try await Fixture.seeded(factory)
        let validator = EntryLineValidator(score: { _, fields in
            let mood = fields["mood"]?.number ?? 0
            if mood == 3 { throw Self.busy }
            return ["mood": mood]
        })
        let importer = EntryImporter(
            store: store, validator: validator, batchSize: 2, clock: EntryImporterTests.clock)
        let error = try await #require(throws: StoreError.self) {
            try await importer.run(path: try self.unscoredFile())
        }
        #expect(error.code == .locked)
        // The first batch is stored; the third line waits for the next run.
        #expect(try await store.entries(EntryQuery()).count == 2)
    }

    @Test(arguments: StoreFactory.available)
    func aBusyCheckStopsTheImport(_ factory: StoreFactory) async throws {
        let (store, _) = try await Fixture.seeded(factory)
        let validator = EntryLineValidator(check: { _, _ in throw Self.busy })
        let importer = EntryImporter(
            store: store, validator: validator, clock: EntryImporterTests.clock)
        await #expect(throws: StoreError.self) {
            try await importer.run(path: try self.unscoredFile())
        }
        #expect(try await store.entries(EntryQuery()).isEmpty)
    }

    @Test(arguments: StoreFactory.available)
    func aScoreThatFailsOnTheLineStillRejectsOnlyTheLine(_ factory: StoreFactory) async throws {
        let (store, _) = try await Fixture.seeded(factory)
        let validator = EntryLineValidator(score: { _, fields in
            let mood = fields["mood"]?.number ?? 0
            if mood == 3 { throw CoreError(.invalidEntry, "mood 3 cannot be scored") }
            return ["mood": mood]
        })
        let report = try await EntryImporter(
            store: store, validator: validator, clock: EntryImporterTests.clock
        ).run(path: try self.unscoredFile())
        #expect(report.imported == 2)
        #expect(report.rejections.map(\.reason) == ["the homework type could not score it"])
    }
}
