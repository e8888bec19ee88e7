import CarryoverCore
import CarryoverTestSupport
import Foundation
import GRDB
import Testing

@testable import CarryoverSQLite
@testable import CarryoverStore

/// Processes killed mid-import and processes writing side by side.
@Suite(.serialized) struct CrashTests {
    /// This test's files, removed when the test ends.
    private let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder(prefix: "carryover-store") }

    static let lines = 60_000
    static let batchSize = 100

    /// A practice with client c-1 and assignment a-1, and a file of valid lines.
    func practiceAndFile() async throws -> (path: String, file: String) {
        let folder = try scratch.subfolder("store").path
        let store = try SQLiteStore(path: folder.appending("practice.sqlite"), create: true)
        try await store.addClient(Fixture.client())
        try await store.saveAssignment(Fixture.assignment())
        let text = (1...Self.lines).map {
            "{\"assignment\":\"a-1\",\"performedAt\":\"2026-03-01T09:00:00Z\",\"fields\":{\"n\":\($0)}}"
        }.joined(separator: "\n")
        let file = folder.appending("entries.jsonl")
        try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: file))
        return (store.path, file)
    }

    /// Integrity, and the entries stored are exactly the lines of whole
    /// batches: lines 1...n, each once, n the committed progress.
    static func check(_ path: String, hash: String) async throws -> Int {
        let store = try SQLiteStore(path: path)
        let (integrity, ids, audited) = try await store.database.read { db in
            (
                try String.fetchAll(db, sql: "PRAGMA integrity_check"),
                try String.fetchAll(db, sql: "SELECT id FROM entry"),
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM audit WHERE action = 'entry.import'")
            )
        }
        let committed = try await store.importProgress(fileHash: hash)?.lastLine ?? 0
        #expect(integrity == ["ok"])
        #expect(committed % batchSize == 0 || committed == lines)
        #expect(audited == ids.count)
        // Each line's id comes from its content: assignment, 09:00Z (32,400 s
        // after Fixture.t0) and its fields.
        let expected = (0..<committed).map {
            EntryImporter.entryID(
                assignment: "a-1", performedAt: Fixture.t0.addingTimeInterval(32_400),
                fields: ["n": .int(Int64($0 + 1))])
        }
        #expect(ids.sorted() == expected.sorted())
        return ids.count
    }

    @Test func killedImportsLeaveWholeBatchesAndResumeToEveryLineOnce() async throws {
        let (path, file) = try await self.practiceAndFile()
        let hash = try FileDigest.sha256(path: file)
        var random = SeededRandom(seed: 20_261_129)
        var beforeTheEnd = 0
        for _ in 0..<20 {
            let probe = try Probe.start(["import", path, file, "\(Self.batchSize)"])
            let delay = 0.05 + 0.35 * random.nextUnitDouble()
            try await Task.sleep(nanoseconds: UInt64(delay * 1e9))
            kill(probe.processIdentifier, SIGKILL)
            _ = Probe.finish(probe)
            let count = try await Self.check(path, hash: hash)
            if count < Self.lines { beforeTheEnd += 1 }
        }
        print("20 imports killed with SIGKILL; \(beforeTheEnd) of them before the end")
        #expect(beforeTheEnd >= 10, "the kills should land mid-import")

        let probe = try Probe.start(["import", path, file, "\(Self.batchSize)"])
        let result = Probe.finish(probe)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try await Self.check(path, hash: hash) == Self.lines)
    }

    @Test func fourProcessesLoggingAtOnceLoseNothing() async throws {
        let (path, _) = try await self.practiceAndFile()
        let perProcess = 200
        let probes = try (0..<4).map {
            try Probe.start(["log", path, "a-1", "p\($0)", "\(perProcess)"])
        }
        for probe in probes {
            let result = Probe.finish(probe)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let store = try SQLiteStore(path: path)
        let ids = Set(try await store.entries(EntryQuery(assignmentID: "a-1")).map(\.id))
        let expected = Set((0..<4).flatMap { p in (0..<perProcess).map { "p\(p)-\($0)" } })
        #expect(ids == expected)
        // Every recording appended one ledger event: 800 of them, numbered 1...800.
        #expect(
            try await store.ledger(assignmentID: "a-1").map(\.seq) == Array(1...(4 * perProcess)))
    }
}
