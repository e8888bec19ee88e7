import Foundation
import Testing

/// `goal add|phase|task|list`: SMART goals broken into phases and tasks.
@Suite struct GoalCommandTests {
    static let smartGoal = [
        "goal", "add", "c-017", "--title", "Fewer anxious evenings", "--specific",
        "write a thought record when anxiety rises above 50", "--measure",
        "5 thought records a week", "--achievable", "10 minutes after dinner", "--relevant",
        "panic treatment plan", "--by", "2027-02-28",
    ]

    @Test func aFullGoalPassesTheSMARTCheck() throws {
        let fixture = try CLIFixture.withClient()
        let result = try fixture.ok(Self.smartGoal)
        #expect(result.stdout.hasPrefix("Added goal c-017-g1: Fewer anxious evenings\n"))
        #expect(result.stdout.contains("SMART: all five letters are there."))
    }

    @Test func aVagueGoalNamesTheMissingLetters() throws {
        let fixture = try CLIFixture.withClient()
        let goal = try fixture.ok(
            ["goal", "add", "c-017", "--title", "Feel better", "--measure", "more", "--json"]
        ).object()
        let findings = try #require(goal["findings"] as? [[String: Any]])
        // Specific and achievable, relevant, time bound missing; the measure has no number.
        #expect(findings.map { $0["letter"] as? String } == ["S", "M", "A", "R", "T"])
        #expect(
            findings.map { $0["problem"] as? String }
                == ["missing", "weak", "missing", "missing", "missing"])
        let stored = try #require(goal["goal"] as? [String: Any])
        #expect(stored["id"] as? String == "c-017-g1")
        #expect(stored["clientID"] as? String == "c-017")
    }

    @Test func phasesAndTasksAreListed() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        try fixture.ok(Self.smartGoal)
        let phase = try fixture.ok([
            "goal", "phase", "c-017-g1", "--title", "Notice and record", "--from", "2026-12-01",
            "--to", "2026-12-21",
        ])
        #expect(phase.stdout.contains("Added phase c-017-g1-p1: Notice and record"))
        let task = try fixture.ok([
            "goal", "task", "c-017-g1", "--phase", "c-017-g1-p1", "--title", "Thought records",
            "--assignment", "c-017-1",
        ])
        #expect(task.stdout == "Added task c-017-g1-p1-t1: Thought records\n")
        let list = try fixture.ok(["goal", "list", "c-017"])
        #expect(list.stdout.contains("c-017-g1: Fewer anxious evenings (by 2027-02-28)"))
        #expect(list.stdout.contains("    c-017-g1-p1-t1: Thought records -> c-017-1"))
        let goals = try fixture.ok(["goal", "list", "c-017", "--json"]).objects()
        let goal = try #require(goals.first?["goal"] as? [String: Any])
        let phases = try #require(goal["phases"] as? [[String: Any]])
        let tasks = try #require(phases.first?["tasks"] as? [[String: Any]])
        #expect(tasks.first?["assignmentID"] as? String == "c-017-1")
        #expect((goals.first?["findings"] as? [Any])?.isEmpty == true)
    }

    @Test func anUnknownClientGetsASuggestion() throws {
        let fixture = try CLIFixture.withClient()
        try fixture.fails(
            ["goal", "add", "c-071", "--title", "x"], status: Exit.notFound,
            saying: "no client 'c-071'", "Did you mean 'c-017'?")
    }

    @Test func anUnknownPhaseGetsASuggestion() throws {
        let fixture = try CLIFixture.withClient()
        try fixture.ok(Self.smartGoal)
        try fixture.ok([
            "goal", "phase", "c-017-g1", "--title", "One", "--from", "2026-12-01", "--to",
            "2026-12-21",
        ])
        try fixture.fails(
            ["goal", "task", "c-017-g1", "--phase", "c-017-g1-p2", "--title", "x"],
            status: Exit.notFound, saying: "no phase 'c-017-g1-p2'", "Did you mean 'c-017-g1-p1'?")
    }

    @Test func aBadDateSaysTheFormat() throws {
        let fixture = try CLIFixture.withClient()
        try fixture.fails(
            ["goal", "add", "c-017", "--title", "x", "--by", "28.02.2027"],
            status: Exit.invalidInput, saying: "'28.02.2027' is not a date", "YYYY-MM-DD")
    }

    @Test func anUnknownGoalIsNotFound() throws {
        let fixture = try CLIFixture.withClient()
        try fixture.fails(
            [
                "goal", "phase", "c-017-g9", "--title", "x", "--from", "2026-12-01", "--to",
                "2026-12-02",
            ], status: Exit.notFound, saying: "c-017-g9")
    }
}
