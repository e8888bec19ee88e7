import CarryoverCore
import CarryoverModalities
import Testing

@testable import CarryoverLua

func builtIn(_ folder: String) throws -> HomeworkType {
    let modality = try #require(ModalityCatalogue.all.first { $0.folder == folder })
    return try HomeworkType(source: modality.mainSource, file: modality.main)
}

/// Hook calls from Swift, with numbers worked out by hand.
@Suite struct HomeworkTypeTests {
    let thoughtRecord: Value = [
        "situation": "Friend did not answer", "automatic_thought": "She is angry with me",
        "emotions": [["name": "anxious", "intensity": 80], ["name": "sad", "intensity": 60]],
        "thought_belief": 90, "evidence_for": ["She usually answers fast"],
        "evidence_against": ["She is busy this week"], "distortions": ["mind_reading"],
        "balanced_thought": "She is probably busy", "balanced_belief": 70,
        "thought_belief_after": 40,
        "emotions_after": [
            ["name": "anxious", "intensity": 40], ["name": "sad", "intensity": 50],
        ],
    ]

    @Test func scoresAThoughtRecord() throws {
        let type = try builtIn("thought-record")
        // emotion_change ((40 - 80) + (50 - 60)) / 2 = -25; belief_shift 40 - 90 = -50.
        #expect(
            try type.score(entry: thoughtRecord, params: .null, scope: "client-1") == [
                "emotion_change": -25, "belief_shift": -50, "evidence_for": 1,
                "evidence_against": 1, "distortions": 1,
            ])
    }

    @Test func fieldChecksComeFirstThenTheHook() throws {
        let type = try builtIn("thought-record")
        var broken = thoughtRecord.object!
        broken["thought_belief"] = 120
        broken["distortions"] = ["catastrophizing"]
        #expect(
            try type.validate(entry: .object(broken), params: .null, scope: "c").map(\.description)
                == [
                    // In the order the fields are declared.
                    "thought_belief: must be at most 100",
                    "distortions[1]: must be one of 'all_or_nothing', 'overgeneralization', "
                        + "'mental_filter', 'disqualifying_the_positive', 'mind_reading', "
                        + "'fortune_telling', 'magnification_minimization', 'emotional_reasoning', "
                        + "'should_statements', 'labeling', 'personalization'",
                ])
        var unmatched = thoughtRecord.object!
        unmatched["emotions_after"] = [["name": "anxious", "intensity": 40]]
        #expect(
            try type.validate(
                entry: .object(unmatched), params: ["min_evidence_against": 2], scope: "c")
                == [
                    ValidationProblem(field: "emotions[2]", message: "rate 'sad' again at the end"),
                    ValidationProblem(
                        field: "evidence_against",
                        message: "list at least 2 piece(s) of evidence against the thought"),
                ])
    }

    @Test func phq9Item9RaisesARiskFlag() throws {
        let type = try builtIn("phq9")
        var answers: [String: Value] = [:]
        for item in 1...9 { answers["item\(item)"] = 0 }
        answers["item9"] = 1
        #expect(
            try type.flags(entry: .object(answers), params: .null, scope: "c").map(\.code) == [
                "phq9-item9"
            ])
        #expect(
            try type.flags(entry: .object(answers), params: .null, scope: "c").first?.level == .risk
        )
        // Total 1 (item 9 alone) is in the 0-4 "minimal" band (Kroenke et al. 2001).
        #expect(try type.score(entry: .object(answers), params: .null, scope: "c") == ["total": 1])
        #expect(type.declaration.metadata["loinc"]?["total"] == "44261-6")
    }

    @Test func advanceCarriesTheLadderStateThroughSwift() throws {
        let type = try builtIn("exposure-ladder")
        let params: Value = [
            "steps": [
                ["situation": "Photo of a dog", "expected_suds": 20],
                ["situation": "Pet a dog", "expected_suds": 70],
            ]
        ]
        // Drop (60 - 20) / 60 = 66.7 % >= 50 % meets the default criterion, twice in a row.
        let session: Value = [
            "step": 1, "suds_before": 40, "suds_peak": 60, "suds_after": 20, "minutes": 25,
        ]
        var state: Value = .null
        for _ in 1...2 {
            state = try type.advance(state: state, entry: session, params: params, scope: "c")
        }
        #expect(state == ["step": 2, "streak": 0, "mastered": [1], "complete": false])
        #expect(type.validateParams(params) == [])
        #expect(type.validateParams(.null).map(\.description) == ["steps: is required"])
    }

    @Test func migratesAnOldSafetyPlan() throws {
        let type = try builtIn("safety-plan")
        let old: Value = ["warning_signs": ["x"], "reason_for_living": "My dog"]
        #expect(
            try type.migrate(entry: old, from: "1.0.2", scope: "c")
                == ["warning_signs": ["x"], "reasons_for_living": ["My dog"]])
    }

    @Test func summarizesMoodHistory() throws {
        let type = try builtIn("mood-log")
        // mean (2 + 6 + 7) / 3 = 5
        #expect(
            try type.summarize(
                history: [["mood": 2], ["mood": 6], ["mood": 7]], params: .null, scope: "c")
                == ["days": 3, "mean": 5.0, "lowest": 2, "highest": 7])
    }

    @Test func oneClientsDataNeverReachesAnothersCall() throws {
        // The plugin tries to remember the last note it saw in an upvalue.
        let type = try HomeworkType(
            source: """
                local last = "nothing"
                homework {
                  id = "org.example.leak", version = "1.0.0", title = "Leak", instructions = "-",
                  fields = { field.text("note") },
                  feedback = function(entry)
                    local seen = last
                    last = entry.note
                    return seen
                  end,
                }
                """, file: "leak.lua")
        #expect(
            try type.feedback(entry: ["note": "a-secret"], params: .null, scope: "a") == "nothing")
        // Same client: the plugin may keep its own state.
        #expect(
            try type.feedback(entry: ["note": "a-more"], params: .null, scope: "a") == "a-secret")
        // Another client: a fresh state, nothing of client a.
        #expect(try type.feedback(entry: ["note": "b"], params: .null, scope: "b") == "nothing")
    }

    @Test func hooksCannotChangeTheDefaultsOfLaterCalls() throws {
        let type = try HomeworkType(
            source: """
                homework {
                  id = "org.example.defaults", version = "1.0.0", title = "D", instructions = "-",
                  fields = { field.text("word") },
                  params = { field.list("words", { item = field.text(), default = { "a" } }) },
                  feedback = function(entry, params)
                    table.insert(params.words, entry.word)
                    return table.concat(params.words, ",")
                  end,
                }
                """, file: "defaults.lua")
        #expect(try type.feedback(entry: ["word": "b"], params: .null, scope: "c") == "a,b")
        #expect(try type.feedback(entry: ["word": "c"], params: .null, scope: "c") == "a,c")
    }

    @Test func undeclaredScoreIsAClearError() throws {
        let type = try HomeworkType(
            source: """
                homework {
                  id = "org.example.bad", version = "1.0.0", title = "Bad", instructions = "-",
                  fields = { field.number("n") }, scores = { "n" },
                  score = function(entry) return { n = entry.n, extra = 1 } end,
                }
                """, file: "bad.lua")
        let error = sandboxError { _ = try type.score(entry: ["n": 1], params: .null, scope: "c") }
        #expect(error?.message == "score hook of org.example.bad: 'extra' is not a declared score")
    }
}
