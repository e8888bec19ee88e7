import CarryoverCore
import Foundation

@testable import CarryoverPractice

/// Four weeks of a Berlin client with everything a report has to show, built
/// through ``Practice`` with a fixed clock; the report is read on Monday
/// 2026-11-30 at 09:00 (08:00 UTC).
///
/// From Monday 2 November 2026 (09:00 Berlin):
/// - c-017-1 Mood log, daily at 21:00, token economy (Movie night 5, Day trip 12):
///   logged at 20:30 every day to Nov 28 but Nov 5, 11, 12, 18 and 24 (Nov 29
///   missed, Nov 30 still open); the movie night
///   redeemed on Nov 20 and delivered on Nov 21.
/// - c-017-2 Mood log, daily at 08:00 (mornings): logged Nov 3 and 4 at 07:30,
///   abandoned on Nov 9 at 09:00.
/// - c-017-3 PHQ-9, weekly on mon at 09:00: totals 18 (item 9 at 1), 14, 11, 8
///   on Nov 2, 9, 16, 23, and 6 on Nov 30 at 08:30.
/// - c-017-4 Exposure ladder (3 steps, 2 sessions in a row), daily at 18:00:
///   step 1 met Nov 2 and 3 (mastered Nov 3), step 2 not met Nov 4 (safety
///   behaviour), met Nov 5 and 6 (mastered Nov 6), step 3 not met Nov 8, met Nov 10.
/// - c-017-5 Speech practice (/r/, 80% in 3 sessions in a row), weekly on mon
///   wed fri at 17:00: isolation 70, 85, 90, 80% on Nov 2, 4, 6, 9 (mastered
///   Nov 9); syllable 60, 75, 80, 85% on Nov 11, 13, 16, 18, then 70, 80, 85%
///   on Nov 23, 25, 27 (Nov 20 missed).
/// - c-017-6 Thought record, every 2 days at 20:00, vouchers: logged Nov 2, 4,
///   6, 10, 12 at 19:00 (Nov 8 missed).
/// - c-017-7 Three good things, daily at 22:00, prize bowl: Nov 2, 3, 4, 6 at 21:00.
/// - c-017-8 Symptom log, daily at 19:00, VR 2 with a sticker: Nov 2-7 at 18:30.
/// - c-017-9 Mood log starting 2 days after the ladder (c-017-4) is completed.
/// Goals: "Fewer anxious evenings" (phases "Notice and record" Nov 2-15 with
/// tasks for c-017-1 and c-017-6, "Face the fear" Nov 16-Dec 13 with c-017-4)
/// and "Clearer speech" (one phase, c-017-5).
struct RichClientScenario {
    static let client = "c-017"
    static let now = instant("2026-11-30T08:00:00Z")
    static let start = LocalDate("2026-11-02")!
    static let end = LocalDate("2026-11-30")!

    let fixture: PracticeFixture
    /// The practice at ``now``.
    let practice: Practice

    static let ladderParams: Value = [
        "steps": [
            ["situation": "Look at a photo of a dog", "expected_suds": 20],
            ["situation": "Stand across the street from a dog", "expected_suds": 50],
            ["situation": "Pet a small dog", "expected_suds": 80],
        ],
        "sessions": 2,
    ]

    static func phq9(_ items: [Int]) -> Value {
        .object(
            Dictionary(
                uniqueKeysWithValues: items.enumerated().map {
                    ("item\($0 + 1)", Value.int(Int64($1)))
                }))
    }

    static func ladder(_ step: Int, peak: Int, after: Int, safety: [String] = []) -> Value {
        [
            "step": .int(Int64(step)), "suds_before": .int(Int64(min(peak, 40))),
            "suds_peak": .int(Int64(peak)), "suds_after": .int(Int64(after)), "minutes": 20,
            "safety_behaviours": .array(safety.map(Value.string)),
        ]
    }

    static func speech(_ level: String, correct: Int) -> Value {
        ["level": .string(level), "trials": 20, "correct": .int(Int64(correct))]
    }

    static let gratitude: Value = [
        "good_things": [
            ["what": "Coffee with Sam", "why": "we made time for it"],
            ["what": "Finished the report", "why": "I started early in the day"],
            ["what": "A walk in the sun", "why": "I left the phone at home"],
        ]
    ]

    static func make() async throws -> RichClientScenario {
        let fixture = try PracticeFixture(now: instant("2026-11-02T08:00:00Z"))
        let p = fixture.practice
        _ = try await p.addClient(
            id: client, displayName: "Client Seventeen", timeZone: "Europe/Berlin")
        let task = { (id: String, title: String) in GoalTask(id: id, title: title) }
        _ = try await p.saveGoal(
            Goal(
                id: "c-017-g1", clientID: client, title: "Fewer anxious evenings",
                specific: "write a thought record when anxiety rises above 50",
                measure: "3 thought records a week", achievable: "10 minutes after dinner",
                relevant: "panic treatment plan", timeBound: LocalDate("2026-12-20"),
                phases: [
                    GoalPhase(
                        id: "c-017-g1-p1", title: "Notice and record", start: start,
                        end: LocalDate("2026-11-15")!,
                        tasks: [
                            task("c-017-g1-p1-t1", "Log mood every evening"),
                            task("c-017-g1-p1-t2", "Thought records"),
                        ]),
                    GoalPhase(
                        id: "c-017-g1-p2", title: "Face the fear", start: LocalDate("2026-11-16")!,
                        end: LocalDate("2026-12-13")!,
                        tasks: [task("c-017-g1-p2-t1", "Climb the dog ladder")]),
                ]))
        _ = try await p.saveGoal(
            Goal(
                id: "c-017-g2", clientID: client, title: "Clearer speech",
                timeBound: LocalDate("2027-01-31"),
                phases: [
                    GoalPhase(
                        id: "c-017-g2-p1", title: "The /r/ sound", start: start,
                        end: LocalDate("2026-12-31")!,
                        tasks: [task("c-017-g2-p1-t1", "Practise /r/ three times a week")])
                ]))
        func assign(
            _ type: String, _ schedule: String, rule: String = "done", reinforce: String = "none",
            params: Value = .object([:]), rewards: [Reward] = [], task: String? = nil,
            after: String? = nil
        ) async throws {
            _ = try await p.assign(
                AssignmentRequest(
                    clientID: client, homeworkType: type, params: params, schedule: schedule,
                    completion: rule, reinforcement: reinforce, rewards: rewards, taskID: task,
                    startsAfter: after))
        }
        try await assign(
            "org.carryover.mood-log", "daily at 21:00", rule: "5 of 7 days",
            reinforce: "token economy",
            rewards: [
                Reward(id: "movie", name: "Movie night", price: 5),
                Reward(id: "trip", name: "Day trip", price: 12),
            ], task: "c-017-g1-p1-t1")
        try await assign("org.carryover.mood-log", "daily at 08:00")
        try await assign("org.carryover.phq9", "weekly on mon at 09:00")
        try await assign(
            "org.carryover.exposure-ladder", "daily at 18:00", params: ladderParams,
            task: "c-017-g1-p2-t1")
        try await assign(
            "org.carryover.speech-practice", "weekly on mon wed fri at 17:00",
            params: ["targets": ["r"]], task: "c-017-g2-p1-t1")
        try await assign(
            "org.carryover.thought-record", "every 2 days at 20:00", reinforce: "vouchers",
            task: "c-017-g1-p1-t2")
        try await assign("org.carryover.gratitude", "daily at 22:00", reinforce: "prize bowl")
        try await assign(
            "org.carryover.symptom-log", "daily at 19:00", reinforce: "VR 2 with a sticker")
        try await assign(
            "org.carryover.mood-log", "daily at 21:00 starting 2 days after the previous step",
            after: "c-017-4")

        func log(_ id: String, _ time: String, _ fields: Value) async throws {
            _ = try await fixture.at(instant(time)).log(assignmentID: "c-017-\(id)", fields: fields)
        }
        // 20:30 Berlin is 19:30 UTC all November (CET).
        let moods = [
            6, 5, 4, 0, 5, 6, 7, 6, 5, 0, 0, 4, 3, 5, 6, 7, 0, 6, 7, 7, 6, 5, 0, 6, 7, 8, 7,
        ]
        for (offset, mood) in moods.enumerated() where mood > 0 {
            let day = start.adding(days: offset)
            var fields: Value = ["mood": .int(Int64(mood))]
            if offset % 3 == 0 { fields = ["mood": .int(Int64(mood)), "sleep_hours": 7.5] }
            try await log("1", "\(day)T19:30:00Z", fields)
        }
        try await log("2", "2026-11-03T06:30:00Z", ["mood": 4])
        try await log("2", "2026-11-04T06:30:00Z", ["mood": 5])
        _ = try await fixture.at(instant("2026-11-09T08:00:00Z")).setStatus(
            "c-017-2", to: .abandoned, reason: "one mood log a day is enough")
        for (day, items) in [
            ("2026-11-02", [2, 2, 2, 2, 2, 2, 2, 3, 1]),
            ("2026-11-09", [2, 2, 2, 1, 2, 1, 2, 2, 0]),
            ("2026-11-16", [1, 2, 1, 1, 2, 1, 1, 2, 0]),
            ("2026-11-23", [1, 1, 1, 1, 1, 1, 1, 1, 0]),
        ] {
            try await log("3", "\(day)T07:30:00Z", phq9(items))
        }
        try await log("3", "2026-11-30T07:30:00Z", phq9([1, 1, 1, 1, 1, 1, 0, 0, 0]))
        for (day, fields) in [
            ("02", ladder(1, peak: 60, after: 20)), ("03", ladder(1, peak: 50, after: 20)),
            ("04", ladder(2, peak: 70, after: 50, safety: ["held a friend's arm"])),
            ("05", ladder(2, peak: 65, after: 25)), ("06", ladder(2, peak: 55, after: 20)),
            ("08", ladder(3, peak: 85, after: 70)), ("10", ladder(3, peak: 75, after: 30)),
        ] {
            try await log("4", "2026-11-\(day)T16:30:00Z", fields)
        }
        for (day, level, correct) in [
            ("02", "isolation", 14), ("04", "isolation", 17), ("06", "isolation", 18),
            ("09", "isolation", 16), ("11", "syllable", 12), ("13", "syllable", 15),
            ("16", "syllable", 16), ("18", "syllable", 17), ("23", "syllable", 14),
            ("25", "syllable", 16), ("27", "syllable", 17),
        ] {
            try await log("5", "2026-11-\(day)T15:30:00Z", speech(level, correct: correct))
        }
        for day in ["02", "04", "06", "10", "12"] {
            try await log("6", "2026-11-\(day)T18:00:00Z", WorkflowTests.entry)
        }
        for day in ["02", "03", "04", "06"] {
            try await log("7", "2026-11-\(day)T20:00:00Z", gratitude)
        }
        for (index, day) in ["02", "03", "04", "05", "06", "07"].enumerated() {
            try await log(
                "8", "2026-11-\(day)T17:30:00Z",
                [
                    "symptom": "racing heart", "intensity": .int(Int64(6 - index % 3)),
                    "duration": 20,
                ])
        }
        _ = try await fixture.at(instant("2026-11-20T20:00:00Z")).redeem(
            assignmentID: "c-017-1", rewardID: "movie")
        let redeemed = try await fixture.at(instant("2026-11-20T20:00:00Z")).rewards(
            assignmentID: "c-017-1")
        _ = try await fixture.at(instant("2026-11-21T10:00:00Z")).deliver(
            assignmentID: "c-017-1", line: redeemed.ledger.last!.number)
        return RichClientScenario(fixture: fixture, practice: try fixture.at(now))
    }
}
