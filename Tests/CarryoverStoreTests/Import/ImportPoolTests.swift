import CarryoverCore
import CarryoverTestSupport
import Foundation
import Synchronization
import Testing

@testable import CarryoverStore

/// An import on a pool of workers stores, reports and commits exactly what
/// one worker does: lines are checked on any worker, taken in file order.
@Suite struct ImportPoolTests {
    private let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder(prefix: "carryover-store") }

    /// Which worker checked how many lines, and whether a worker was ever
    /// entered twice at once (its state is its own: that must never happen).
    final class Calls: Sendable {
        let perWorker = Mutex<[Int: Int]>([:])
        let inside = Mutex<Set<Int>>([])
        let overlapped = Mutex(false)
        let pooled: Bool

        init(pooled: Bool = true) { self.pooled = pooled }

        func enter(_ worker: Int) {
            perWorker.withLock { $0[worker, default: 0] += 1 }
            // Worker 0 waits for another to take a line (20 s at most), so
            // the pool is used however late the scheduler starts the others.
            let deadline = Date().addingTimeInterval(20)
            while pooled, worker == 0, perWorker.withLock({ $0.count }) < 2, Date() < deadline {
                Thread.sleep(forTimeInterval: 0.005)
            }
            inside.withLock { if !$0.insert(worker).inserted { overlapped.withLock { $0 = true } } }
        }

        func leave(_ worker: Int) { _ = inside.withLock { $0.remove(worker) } }
    }

    /// Worker `worker`'s validator: the mood fields' check, a score and a
    /// risk flag above 8 computed by "the plugin"; with `busy`, the line
    /// that gives a `day` fails for the machine's sake (a busy store).
    static func validator(_ worker: Int, _ calls: Calls, busy: Bool = false)
        -> EntryLineValidator
    {
        var validator = EntryImporterTests.validator
        let check = validator.check
        validator.check = { assignment, fields in
            calls.enter(worker)
            defer { calls.leave(worker) }
            return try check(assignment, fields)
        }
        validator.score = { _, fields in
            if busy, fields["day"] != nil { throw ImportStopTests.busy }
            return ["mood": (fields["mood"]?.number ?? 0) * 10]
        }
        validator.flags = { _, fields in
            (fields["mood"]?.number ?? 0) > 8
                ? [PluginFlag(level: .risk, code: "high", message: "a high mood")] : []
        }
        return validator
    }

    /// 240 lines without scores, each performed at its own minute: moods
    /// 0-10, every 13th line a bad one (mood 12: 17 lines), every 17th a
    /// repeat of the line before (14: 13 stored once, line 170 repeats bad
    /// line 169), lines 55 and 56 with one given id (56 is rejected), line
    /// 112 with a `day`. Worked out by hand: 19 rejected, 13 already stored,
    /// 38 stored with mood 9 or 10.
    func mixedFile() throws -> String {
        var lines: [String] = []
        for number in 1...240 {
            if number % 17 == 0, let previous = lines.last {
                lines.append(previous)
                continue
            }
            let mood = number % 13 == 0 ? 12 : number % 11
            let minute = String(format: "%02d:%02d", number / 60, number % 60)
            let id = number == 55 || number == 56 ? #""id":"given","# : ""
            let day = number == 112 ? #","day":"2026-02-28""# : ""
            lines.append(
                """
                {\(id)"assignment":"a-1","performedAt":"2026-03-01T\(minute):00+01:00",\
                "fields":{"mood":\(mood)\(day)}}
                """)
        }
        return try scratch.write("entries.jsonl", lines.joined(separator: "\n") + "\n").path
    }

    func importer(_ store: any PracticeStore, workers: Int, _ calls: Calls, busy: Bool = false)
        -> EntryImporter
    {
        var importer = EntryImporter(
            store: store,
            validators: (0..<workers).map { Self.validator($0, calls, busy: busy) },
            batchSize: 25, clock: EntryImporterTests.clock)
        importer.minimumLinesPerWorker = 1
        return importer
    }

    @Test(arguments: StoreFactory.available)
    func aPoolStoresWhatOneWorkerStores(_ factory: StoreFactory) async throws {
        let path = try mixedFile()
        let (alone, _) = try await Fixture.seeded(factory)
        let (pooled, _) = try await Fixture.seeded(factory)
        let three = Calls()
        let expected = try await importer(alone, workers: 1, Calls(pooled: false)).run(path: path)
        let report = try await importer(pooled, workers: 3, three).run(path: path)

        #expect(report == expected)
        #expect(report.rejectedCount == 19)
        #expect(report.rejections.map(\.line) == report.rejections.map(\.line).sorted())
        #expect(report.rejections.contains { $0.line == 56 && $0.reason.contains("'given'") })
        #expect(report.alreadyStored == 13)
        #expect(report.imported == 240 - 19 - 13)
        let storedPooled = try await pooled.entries(EntryQuery())
        #expect(try await storedPooled == alone.entries(EntryQuery()))
        #expect(storedPooled.filter { $0.flags?.first?.code == "high" }.count == 38)
        #expect(
            storedPooled.allSatisfy {
                $0.scores["mood"] == $0.fields["mood"]?.number.map { $0 * 10 }
            })
        #expect(
            try await pooled.importProgress(fileHash: report.fileHash)
                == alone.importProgress(fileHash: report.fileHash))
        // Workers took lines side by side, none ever entered twice at once.
        #expect(three.perWorker.withLock { $0.count } >= 2)
        #expect(!three.overlapped.withLock { $0 })
    }

    /// A stop half-way (a busy store on line 112, in the batch of lines
    /// 101-125) keeps the whole batches before it, as one worker does; the
    /// re-run resumes where one worker's would and ends with what it stores.
    @Test(arguments: StoreFactory.available)
    func aStoppedPoolKeepsTheWholeBatchesAndResumes(_ factory: StoreFactory) async throws {
        let path = try mixedFile()
        let hash = try FileDigest.sha256(path: path)
        let (alone, _) = try await Fixture.seeded(factory)
        let (pooled, _) = try await Fixture.seeded(factory)
        for (store, workers) in [(alone, 1), (pooled, 3)] {
            await #expect(throws: StoreError.self) {
                try await importer(store, workers: workers, Calls(pooled: workers > 1), busy: true)
                    .run(path: path)
            }
            // Lines 1-100 stored but 8 rejected (13, 26, ..., 91 and 56) and
            // 5 repeats; the mark stops before line 13, the first rejected.
            #expect(try await store.entries(EntryQuery()).count == 87)
            #expect(try await store.importProgress(fileHash: hash)?.lastLine == 12)
        }
        #expect(try await pooled.entries(EntryQuery()) == alone.entries(EntryQuery()))
        let resumed = try await importer(pooled, workers: 3, Calls()).run(path: path)
        let expected = try await importer(alone, workers: 1, Calls(pooled: false)).run(path: path)
        #expect(resumed.resumedAfterLine == 12)
        #expect(resumed == expected)
        #expect(try await pooled.entries(EntryQuery()) == alone.entries(EntryQuery()))
    }
}
