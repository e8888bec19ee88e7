import Foundation
import Testing

/// `log`: flags, a JSON file, standard input; problems field by field.
@Suite struct LogCommandTests {
    /// Monday 2026-11-30, 19:30 in Berlin (UTC+1): before the 20:00 due.
    static let mondayEvening = "2026-11-30T18:30:00Z"

    @Test func aFileEntryIsLoggedWithFeedbackAtOnce() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        let text = try fixture.ok(
            ["log", "c-017-1", "--file", thoughtRecordExample], now: Self.mondayEvening
        ).stdout
        // The first occurrence is Monday's, due 20:00 Berlin time.
        #expect(text.hasPrefix("✓ Logged for Mon 2026-11-30 20:00\n"))
        #expect(text.contains("  Next due: Tue 2026-12-01 20:00"))
        // What the client is told comes apart from the therapist's summary.
        let forClient = try #require(text.range(of: "For the client:\n"))
        #expect(text[forClient.upperBound...].contains("  ★ You earned 1 token."))
        #expect(text[forClient.upperBound...].contains("  Balance: 1 token"))
        #expect(!text[..<forClient.lowerBound].contains("You earned"))
        #expect(try fixture.history().count == 1)
    }

    @Test func standardInputIsAFileToo() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        let entry = try String(contentsOfFile: thoughtRecordExample, encoding: .utf8)
        let outcome = try fixture.ok(
            ["log", "c-017-1", "--file", "-", "--json"], input: entry, now: Self.mondayEvening
        ).object()
        #expect(outcome["entryID"] is String)
        #expect(outcome["occurrence"] as? Int == 0)
    }

    @Test func theJSONOutcomeHasTheDocumentedKeys() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        let outcome = try fixture.ok(
            ["log", "c-017-1", "--file", thoughtRecordExample, "--json"], now: Self.mondayEvening
        ).object()
        #expect(
            Set(outcome.keys).isSuperset(of: [
                "entryID", "assignmentID", "performedAt", "occurrence", "scores", "flags",
                "reinforcement", "completion",
            ]))
        #expect(outcome["assignmentID"] as? String == "c-017-1")
        #expect(outcome["performedAt"] as? String == Self.mondayEvening)
        #expect(outcome["nextDue"] as? String == "2026-12-01T19:00:00Z")
        #expect(outcome["balance"] as? String == "1 token")
    }

    @Test func setFlagsAreTheFieldsWithJSONValues() throws {
        let fixture = try CLIFixture.withMoodLog()
        let outcome = try fixture.ok(
            [
                "log", "c-017-1", "--set", "mood=6", "--set", "sleep_hours=7.5", "--set",
                "note=slept badly", "--json",
            ], now: Self.mondayEvening
        ).object()
        // mood_log.lua scores the mood and the hours slept as given.
        #expect(outcome["scores"] as? [String: Double] == ["mood": 6, "sleep_hours": 7.5])
        let entry = try #require(try fixture.history().first?["fields"] as? [String: Any])
        #expect(entry["note"] as? String == "slept badly")
    }

    @Test func anInvalidEntryListsEveryProblemAndWritesNothing() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        let entry = try fixture.file(
            "bad.json", #"{ "situation": "at work", "thought_belief": 140, "emotions": [] }"#)
        let result = try fixture.run(["log", "c-017-1", "--file", entry], now: Self.mondayEvening)
        #expect(result.status == Exit.invalidInput)
        let lines = result.errorLines
        #expect(lines.first?.hasPrefix("carryover: ") == true)
        let fields = lines.dropFirst()
        #expect(fields.count >= 3)
        #expect(fields.allSatisfy { $0.hasPrefix("  ") && $0.contains(": ") })
        for field in ["thought_belief", "emotions", "automatic_thought"] {
            #expect(fields.contains { $0.hasPrefix("  \(field)") }, "\(field) in \(lines)")
        }
        #expect(result.stdout.isEmpty)
        #expect(try fixture.history().isEmpty)
    }

    @Test func aBadJSONFileIsInvalidInputAndWritesNothing() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        let entry = try fixture.file("broken.json", #"{ "situation": "at work", "#)
        try fixture.fails(
            ["log", "c-017-1", "--file", entry], status: Exit.invalidInput,
            saying: "is not valid JSON")
        #expect(try fixture.history().isEmpty)
    }

    @Test func aMissingFileIsNotFound() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        try fixture.fails(
            ["log", "c-017-1", "--file", "entry.jsn"], status: Exit.notFound,
            saying: "cannot read entry.jsn")
    }

    @Test func noEntryOffATerminalSaysTheThreeWays() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        try fixture.fails(
            ["log", "c-017-1"], status: Exit.usage, saying: "--set", "--file", "terminal")
    }

    @Test func aSetWithoutEqualsIsAUsageError() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        try fixture.fails(
            ["log", "c-017-1", "--set", "mood"], status: Exit.usage, saying: "name=value")
    }

    @Test func aLateEntryCountsForTheDayGivenInTheClientsTime() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        let outcome = try fixture.ok(
            [
                "log", "c-017-1", "--file", thoughtRecordExample, "--at", "2026-12-01 19:30",
                "--json",
            ],
            now: "2026-12-02T09:00:00Z"
        ).object()
        // 19:30 in Berlin on 1 December is 18:30 UTC; Tuesday is occurrence 1.
        #expect(outcome["performedAt"] as? String == "2026-12-01T18:30:00Z")
        #expect(outcome["occurrence"] as? Int == 1)
    }

    @Test func aBadTimeSaysTheFormat() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        try fixture.fails(
            ["log", "c-017-1", "--file", thoughtRecordExample, "--at", "yesterday"],
            status: Exit.invalidInput, saying: "'yesterday' is not a time", "YYYY-MM-DD HH:MM")
        #expect(try fixture.history().isEmpty)
    }

    @Test func anUnknownAssignmentIsNotFound() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        try fixture.fails(
            ["log", "c-017-2", "--file", thoughtRecordExample], status: Exit.notFound,
            saying: "no assignment 'c-017-2'")
    }
}

extension LogCommandTests {
    @Test func anEntryAfterTheDueTimeSaysItCountsForNothing() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        // 19:10 UTC is 20:10 in Berlin: ten minutes after Monday's 20:00 due, no grace.
        let text = try fixture.ok(
            ["log", "c-017-1", "--file", thoughtRecordExample], now: "2026-11-30T19:10:00Z"
        ).stdout
        #expect(text.hasPrefix("✓ Logged\n  ! It counts for no scheduled time"))
        #expect(!text.contains("You earned"))
        let status = try fixture.ok(["status", "c-017", "--json"], now: "2026-12-01T08:00:00Z")
            .object()
        let assignment = try #require((status["assignments"] as? [[String: Any]])?.first)
        #expect(assignment["adherence"] as? [String: Int] == ["done": 0, "due": 1])
    }

    @Test func aGraceWindowTakesTheLateEntry() throws {
        let fixture = try CLIFixture.withClient()
        try fixture.ok([
            "assign", "c-017", "org.carryover.thought-record", "--schedule",
            "daily at 20:00 grace 2 hours",
        ])
        let outcome = try fixture.ok(
            ["log", "c-017-1", "--file", thoughtRecordExample, "--json"],
            now: "2026-11-30T19:10:00Z"
        ).object()
        #expect(outcome["occurrence"] as? Int == 0)
    }
}

extension LogCommandTests {
    /// The flags example of Docs/getting-started.md: lists and emotions as JSON values.
    @Test func aThoughtRecordFromFlags() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        let outcome = try fixture.ok(
            [
                "log", "c-017-1", "--set", "situation=Boss asked to see me on Friday", "--set",
                #"emotions=[{"name":"anxious","intensity":70}]"#, "--set",
                "automatic_thought=I am going to be fired", "--set", "thought_belief=80", "--set",
                #"evidence_for=["The meeting has no agenda"]"#, "--set",
                #"evidence_against=["My last review was good","She meets everyone this month"]"#,
                "--set", #"distortions=["fortune_telling"]"#, "--set",
                "balanced_thought=It is probably a routine check-in", "--set",
                "balanced_belief=65", "--set", "thought_belief_after=30", "--set",
                #"emotions_after=[{"name":"anxious","intensity":35}]"#, "--json",
            ], now: "2026-12-02T18:10:00Z"
        ).object()
        // Belief 80 -> 30 is -50; anxious 70 -> 35 is -35; two pieces of evidence against.
        #expect(
            outcome["scores"] as? [String: Double] == [
                "belief_shift": -50, "distortions": 1, "emotion_change": -35,
                "evidence_against": 2, "evidence_for": 1,
            ])
        #expect(outcome["occurrence"] as? Int == 2)
    }
}
