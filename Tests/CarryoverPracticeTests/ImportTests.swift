import CarryoverCore
import Foundation
import Testing

@testable import CarryoverPractice

@Suite struct ImportTests {
    @Test func importedEntriesAreCheckedAndScoredByThePlugin() async throws {
        let fixture = try PracticeFixture(now: instant("2026-11-30T08:00:00Z"))
        let practice = fixture.practice
        _ = try await practice.addClient(id: "c-017", displayName: "C", timeZone: "Europe/Berlin")
        let assignment = try await practice.assign(
            AssignmentRequest(
                clientID: "c-017", homeworkType: "org.carryover.thought-record",
                schedule: "daily at 20:00 for 3 weeks"))
        let entry = WorkflowTests.entry.canonicalJSON()
        var bad = WorkflowTests.entry.object!
        bad["thought_belief"] = 140
        let lines = [
            #"{"assignment":"c-017-1","performedAt":"2026-11-30T18:30:00Z","fields":\#(entry)}"#,
            #"{"assignment":"c-017-1","performedAt":"2026-12-01T18:30:00Z","fields":\#(Value.object(bad).canonicalJSON())}"#,
            #"{"assignment":"c-017-1","performedAt":"2026-12-02T18:30:00Z","fields":\#(entry)}"#,
        ]
        let file = fixture.folder.appendingPathComponent("entries.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)

        // Imported on the 3rd: every line lies in the past (later ones are refused).
        let importing = try fixture.at(instant("2026-12-03T08:00:00Z"))
        let report = try await importing.importEntries(path: file.path, strict: false)
        #expect(report.imported == 2)
        #expect(report.rejections.map(\.line) == [2])
        #expect(report.rejections.first?.reason.contains("thought_belief") == true)

        // Scored by the plugin: the one emotion, anxious, 80 -> 40 is -40;
        // belief in the thought 90 -> 40 is -50.
        let stored = try await practice.store.entries(.init(assignmentID: assignment.id))
        #expect(stored.count == 2)
        #expect(stored.allSatisfy { $0.scores["emotion_change"] == -40 })
        #expect(stored.allSatisfy { $0.scores["belief_shift"] == -50 })

        // Running the same file again adds nothing.
        let again = try await importing.importEntries(path: file.path, strict: false)
        #expect(again.imported == 0)
        #expect(try await practice.store.entries(.init(assignmentID: assignment.id)).count == 2)
    }
}

extension ImportTests {
    /// An imported PHQ-9 with item 9 above 0 raises the same risk flag a logged one does.
    @Test func anImportedRiskIsKeptUntilAcknowledged() async throws {
        let (fixture, _) = try await RiskFlagTests.weeklyPHQ9()
        let practice = try fixture.at(instant("2026-12-08T08:00:00Z"))
        let risky = RiskFlagTests.phq9(item9: 3).canonicalJSON()
        let calm = RiskFlagTests.phq9(item9: 0).canonicalJSON()
        let lines = [
            #"{"assignment":"c-017-1","performedAt":"2026-12-07T17:00:00Z","fields":\#(risky)}"#,
            #"{"assignment":"c-017-1","performedAt":"2026-12-08T07:00:00Z","fields":\#(calm)}"#,
        ]
        let file = fixture.folder.appendingPathComponent("phq9.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        #expect(try await practice.importEntries(path: file.path, strict: false).imported == 2)
        let stored = try await practice.store.entries(.init(clientID: "c-017"))
        #expect(stored.map(\.source) == [.import, .import])
        #expect(stored.map { $0.flags?.map(\.code) } == [["phq9-item9"], []])
        let open = try await practice.flags(clientID: "c-017")
        #expect(open.map(\.performedAt) == [instant("2026-12-07T17:00:00Z")])
    }
}
