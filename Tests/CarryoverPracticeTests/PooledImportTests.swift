import CarryoverCore
import CarryoverStore
import Foundation
import Testing

@testable import CarryoverPractice

/// An import on two workers, each with its own copy of the plugin, stores
/// what one worker stores: the same entries, scores, flags and rejections.
@Suite struct PooledImportTests {
    /// 300 weekly-PHQ-9 lines, one every half hour from 2026-11-30 09:00Z:
    /// item 9 runs 0-3 (a risk from 1 on), every 50th line is bad (item 9
    /// is 7), every 30th repeats the line before (so 150 and 300 repeat
    /// good lines: 4 bad, 10 repeats).
    static func lines(_ assignmentID: String) -> [String] {
        var lines: [String] = []
        let start = instant("2026-11-30T09:00:00Z")
        for number in 1...300 {
            if number % 30 == 0, let previous = lines.last {
                lines.append(previous)
                continue
            }
            let at = ISO8601DateFormatter().string(
                from: start.addingTimeInterval(Double(number) * 1_800))
            let fields = RiskFlagTests.phq9(item9: number % 50 == 0 ? 7 : number % 4)
            lines.append(
                #"{"assignment":"\#(assignmentID)","performedAt":"\#(at)","fields":\#(fields.canonicalJSON())}"#
            )
        }
        return lines
    }

    /// A practice with the weekly PHQ-9, the file imported on `workers`.
    static func imported(workers: Int) async throws -> (Practice, ImportReport, PracticeFixture) {
        let (fixture, assignment) = try await RiskFlagTests.weeklyPHQ9()
        let file = fixture.folder.appendingPathComponent("phq9.jsonl")
        try Data((lines(assignment.id).joined(separator: "\n") + "\n").utf8).write(to: file)
        let practice = try fixture.at(instant("2026-12-08T08:00:00Z"))
        let report = try await practice.importEntries(
            path: file.path, strict: false, batchSize: 200, workers: workers)
        return (practice, report, fixture)
    }

    @Test func twoWorkersStoreWhatOneStores() async throws {
        let (alone, expected, first) = try await Self.imported(workers: 1)
        let (pooled, report, second) = try await Self.imported(workers: 2)
        defer { _ = (first, second) }

        #expect(report == expected)
        #expect(report.rejections.map(\.line) == [50, 100, 200, 250])
        #expect(report.alreadyStored == 10)
        #expect(report.imported == 300 - 4 - 10)
        let stored = try await pooled.store.entries(.init(clientID: "c-017"))
        #expect(try await stored == alone.store.entries(.init(clientID: "c-017")))
        // PHQ-9 total: eight items at 1 plus item 9; a risk whenever item 9 is above 0.
        let item9 = stored.map { (entry: Entry) -> Double in entry.fields["item9"]?.number ?? 0 }
        #expect(stored.map { (entry: Entry) in entry.scores["total"] } == item9.map { 8 + $0 })
        let risky = stored.map { (entry: Entry) -> Bool in
            entry.flags?.contains { $0.code == "phq9-item9" } == true
        }
        #expect(risky == item9.map { $0 > 0 })
        #expect(
            try await pooled.flags(clientID: "c-017").map(\.entryID)
                == alone.flags(clientID: "c-017").map(\.entryID))
        // The plugin loaded at most once per worker (a worker that the
        // scheduler starts late may find no line left), each hook once per line.
        #expect(alone.usage.snapshot["load"] == 1)
        #expect((1...2).contains(pooled.usage.snapshot["load"] ?? 0))
        #expect(pooled.usage.snapshot["hook.score"] == alone.usage.snapshot["hook.score"])
    }
}
