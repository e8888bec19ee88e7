import Foundation
import Testing

/// Psychoeducation from the CLI: a therapist logs paper attempts (flags or
/// prompts), and status shows every attempt's score and the one that passed.
@Suite struct ReadingCommandTests {
    static let assign = [
        "assign", "c-017", "org.carryover.psychoeducation", "--schedule", "daily at 20:00",
        "--rule", "sum of passed 1",
    ]
    /// 3 of 5 right (60%): questions 2 and 4 wrong.
    static let threeRight = [
        "--set", "tr_when=mood_changes", "--set", "tr_automatic=always_true",
        "--set", "tr_aim=practise_checking", "--set", "tr_evidence=for_only",
        "--set", "tr_hard=bring_it",
    ]
    static let allRight = [
        "--set", "tr_when=mood_changes", "--set", "tr_automatic=comes_quickly",
        "--set", "tr_aim=practise_checking", "--set", "tr_evidence=both_sides",
        "--set", "tr_hard=bring_it",
    ]

    @Test func failedAt60ThenPassedAt100ShowsBothAttemptsInStatus() throws {
        let fixture = try CLIFixture.withClient()
        try fixture.ok(Self.assign)
        let failed = try fixture.ok(
            ["log", "c-017-1"] + Self.threeRight, now: "2026-11-30T18:30:00Z"
        ).stdout
        #expect(failed.contains("  So far: 0 of 1 passed\n"))
        #expect(failed.contains("  You answered 3 of 5 questions right (60%).\n"))
        #expect(
            failed.contains(
                "  Question 2 (What is an automatic thought?): see “Why it helps” (#why-it-helps).\n"
            ))
        try fixture.ok(["log", "c-017-1"] + Self.allRight, now: "2026-11-30T18:45:00Z")
        let status = try fixture.ok(["status", "c-017"], now: "2026-11-30T19:00:00Z").stdout
        #expect(
            status.contains(
                "  Attempts: 2 attempts (60%, 100%), passed at attempt 2 (pass mark 80%)\n"),
            "\(status)")
        #expect(status.contains("So far: 1 of 1 passed - met"))
        let json = try fixture.ok(["status", "c-017", "--json"], now: "2026-11-30T19:00:00Z")
            .object()
        let assignment = try #require((json["assignments"] as? [[String: Any]])?.first)
        let attempts = try #require(assignment["attempts"] as? [String: Any])
        #expect(attempts["percents"] as? [Double] == [60, 100])
        #expect(attempts["firstPassed"] as? Int == 2)
        #expect(attempts["passMark"] as? Double == 80)
        let history = try fixture.history()
        #expect(
            history.compactMap { ($0["scores"] as? [String: Double])?["passed"] }.sorted() == [
                0, 1,
            ])
    }

    @Test func anotherReadingsAnswerIsRefusedAndNothingIsSaved() throws {
        let fixture = try CLIFixture.withClient()
        try fixture.ok(
            Self.assign + ["--param", "reading=sleep_hygiene", "--param", "pass_mark=60"])
        let result = try fixture.run(["log", "c-017-1"] + Self.allRight)
        #expect(result.status == Exit.invalidInput)
        // The five sleep questions unanswered, the five thought-record answers refused.
        #expect(result.stderr.contains("the entry has 10 problem(s); nothing was saved"))
        #expect(result.stderr.contains("sleep_rhythm: answer this question"))
        #expect(result.stderr.contains("tr_when: belongs to another reading; leave it out"))
        #expect(try fixture.history().isEmpty)
    }

    @Test func promptsAskOnlyTheAssignedReadingsQuestions() throws {
        let fixture = try CLIFixture.withClient()
        try fixture.ok(Self.assign + ["--param", "reading=sleep_hygiene"])
        // Choice numbers: 1, 2, 1 (wrong: "Makes it deeper"), 2, 2 = 4 of 5 right (80%).
        let answers = ["1", "2", "1", "2", "2"].map { $0 + "\n" }.joined()
        let result = try fixture.runInTerminal(
            ["log", "c-017-1"], answers: answers, now: "2026-11-30T18:30:00Z",
            environment: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("Reading: Sleep hygiene: habits that help you sleep."))
        #expect(!result.stdout.contains("thought record?"))
        #expect(result.stdout.contains("You answered 4 of 5 questions right (80%)."))
        #expect(result.stdout.contains("You reached the pass mark of 80%"))
    }
}
