import CarryoverCore
import CarryoverPacks
import Foundation
import Testing

@testable import CarryoverPractice

/// A plugin's own progress in the therapist's words, beyond the exposure
/// ladder: speech practice's level (Modalities/speech-practice: 80% over
/// three sessions in a row by default) and a clinic plugin's `advance` state.
@Suite struct PluginProgressTests {
    static func speech(correct: Int) -> Value {
        ["level": "isolation", "trials": 20, "correct": .int(Int64(correct))]
    }

    @Test func speechPracticeShowsTheLevelAndAnnouncesMastery() async throws {
        let fixture = try PracticeFixture(now: instant("2026-11-30T08:00:00Z"))
        _ = try await fixture.practice.addClient(
            id: "c-017", displayName: "Client 17", timeZone: "Europe/Berlin")
        let assignment = try await fixture.practice.assign(
            AssignmentRequest(
                clientID: "c-017", homeworkType: "org.carryover.speech-practice",
                params: ["targets": ["r"]], schedule: "daily at 17:00"))
        // 14/20 = 70% (short of 80%), then 85%, 90%: two of the last three met.
        for (instantText, correct) in [
            ("2026-11-30T15:30:00Z", 14), ("2026-12-01T15:30:00Z", 17),
            ("2026-12-02T15:30:00Z", 18),
        ] {
            let logged = try await fixture.at(instant(instantText))
                .log(assignmentID: assignment.id, fields: Self.speech(correct: correct))
            #expect(logged.progressChange == nil)
        }
        let before = try await fixture.at(instant("2026-12-02T16:00:00Z")).progress(of: assignment)
        #expect(
            before.progressSummary
                == "level isolation: 2 of the last 3 sessions at 80% or better (needs 3 in a row)")
        // 16/20 = 80%: the last three (85, 90, 80) all meet it.
        let mastered = try await fixture.at(instant("2026-12-03T15:30:00Z"))
            .log(assignmentID: assignment.id, fields: Self.speech(correct: 16))
        #expect(mastered.progressChange == "Level 'isolation' mastered: next is 'syllable'.")
        let after = try await fixture.at(instant("2026-12-03T16:00:00Z")).progress(of: assignment)
        #expect(
            after.progressSummary
                == "level syllable: 0 of the last 0 sessions at 80% or better (needs 3 in a row); "
                + "mastered isolation")
    }

    @Test func aClinicPluginsAdvanceStateIsListedAndItsChangesAnnounced() async throws {
        let packs = try ClinicPackFixture()
        let fixture = try PracticeFixture(now: instant("2026-11-30T08:00:00Z"))
        try packs.trust(in: fixture.practice)
        try PackShelf(root: fixture.folder).install(from: packs.pack(version: "1.0.0"))
        _ = try await fixture.practice.addClient(
            id: "c-017", displayName: "Client 17", timeZone: "Europe/Berlin")
        let assignment = try await fixture.practice.assign(
            AssignmentRequest(
                clientID: "c-017", homeworkType: ClinicPackFixture.typeID,
                schedule: "daily at 20:00 for 3 weeks"))
        // One planned activity done against the default target of 3: no streak.
        let logged = try await fixture.at(instant("2026-11-30T18:30:00Z"))
            .log(assignmentID: assignment.id, fields: ClinicPackFixture.entry)
        #expect(
            logged.progressChange
                == "Progress: best_streak none -> 0, days none -> 1, streak none -> 0.")
        let progress = try await fixture.at(instant("2026-11-30T19:00:00Z")).progress(
            of: assignment)
        #expect(progress.progressSummary == "best_streak 0, days 1, streak 0")
    }
}
