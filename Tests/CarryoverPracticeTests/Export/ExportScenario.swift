import CarryoverCore
import Foundation

@testable import CarryoverPractice

/// A Berlin client's first week, built through ``Practice`` with a fixed
/// clock: a thought record daily at 20:00 for 3 weeks (across the end of
/// summer time on 2026-10-25) with a token economy, a weekly PHQ-9 that
/// falls from 18 to 9, and an exposure ladder daily at 18:00.
///
/// Thought records on Mon 19, Tue 20, Thu 22, Fri 23, Sat 24 (Wed 21 and
/// Sun 25 missed); ladder sessions on Mon 19 and Tue 20; PHQ-9 on Mon 19
/// and Mon 26. The report is read on Mon 2026-10-26 at 13:00 CET.
struct ExportScenario {
    static let clientID = "c-017"
    static let thoughtRecord = "c-017-1"
    static let phq9 = "c-017-2"
    static let ladder = "c-017-3"
    /// Monday 2026-10-26, 13:00 in Berlin (CET, UTC+1).
    static let now = instant("2026-10-26T12:00:00Z")

    let fixture: PracticeFixture
    /// The practice at ``now``.
    let practice: Practice

    /// The workflow tests' thought record, its situation with a comma and
    /// quotes so the CSV export has to quote it.
    static let thoughtRecordEntry: Value = .object(
        WorkflowTests.entry.object!.merging(["situation": "Friend did not answer, \"again\""]) {
            $1
        })

    /// The modality's example: peak 60 falling to 20 (a 66% drop) meets the
    /// "either" criterion, so two sessions master step 1.
    static let ladderEntry: Value = [
        "step": 1, "suds_before": 40, "suds_peak": 60, "suds_after": 20, "minutes": 25,
        "safety_behaviours": [], "notes": "Stayed until it eased",
    ]

    static let ladderParams: Value = [
        "steps": [
            ["situation": "Look at a photo of a dog", "expected_suds": 20],
            ["situation": "Stand across the street from a dog", "expected_suds": 50],
            ["situation": "Pet a small dog", "expected_suds": 80],
        ],
        "criterion": "either", "peak_threshold": 30, "drop_percent": 50, "sessions": 2,
    ]

    /// PHQ-9 fields `item1` ... `item9`, as the modality declares them.
    static func phq9Entry(_ items: [Int]) -> Value {
        .object(
            Dictionary(
                uniqueKeysWithValues: items.enumerated().map {
                    ("item\($0 + 1)", Value.int(Int64($1)))
                }))
    }

    static func make() async throws -> ExportScenario {
        // Monday 2026-10-19, 10:00 in Berlin (CEST, UTC+2).
        let fixture = try PracticeFixture(now: instant("2026-10-19T08:00:00Z"))
        let start = fixture.practice
        _ = try await start.addClient(
            id: clientID, displayName: "Client Seventeen", timeZone: "Europe/Berlin")
        _ = try await start.assign(
            AssignmentRequest(
                clientID: clientID, homeworkType: "org.carryover.thought-record",
                schedule: "daily at 20:00 for 3 weeks", completion: "5 of 7 days",
                reinforcement: "token economy",
                rewards: [Reward(id: "movie", name: "Movie night", price: 3)]))
        _ = try await start.assign(
            AssignmentRequest(
                clientID: clientID, homeworkType: "org.carryover.phq9",
                schedule: "weekly on mon at 09:00 for 4 weeks", completion: "done",
                reinforcement: "none"))
        _ = try await start.assign(
            AssignmentRequest(
                clientID: clientID, homeworkType: "org.carryover.exposure-ladder",
                params: ladderParams, schedule: "daily at 18:00 for 2 weeks", completion: "done",
                reinforcement: "none"))
        // 19:30 local: 17:30Z in summer time (to the 24th), 18:30Z after.
        for day in ["2026-10-19", "2026-10-20", "2026-10-22", "2026-10-23", "2026-10-24"] {
            _ = try await fixture.at(instant("\(day)T17:30:00Z"))
                .log(assignmentID: thoughtRecord, fields: thoughtRecordEntry)
        }
        for day in ["2026-10-19", "2026-10-20"] {
            _ = try await fixture.at(instant("\(day)T15:30:00Z"))
                .log(assignmentID: ladder, fields: ladderEntry)
        }
        _ = try await fixture.at(instant("2026-10-19T06:30:00Z"))
            .log(assignmentID: phq9, fields: phq9Entry(Array(repeating: 2, count: 9)))
        _ = try await fixture.at(instant("2026-10-26T07:30:00Z"))
            .log(assignmentID: phq9, fields: phq9Entry(Array(repeating: 1, count: 9)))
        let practice = try fixture.at(now)
        _ = try await practice.redeem(assignmentID: thoughtRecord, rewardID: "movie")
        return ExportScenario(fixture: fixture, practice: practice)
    }
}
