import Foundation
import Testing

/// `assignment show|modify|pause|resume|complete|abandon`.
@Suite struct AssignmentCommandTests {
    @Test func showPrintsTheAssignmentAndItsHistory() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        let text = try fixture.ok(["assignment", "show", "c-017-1"]).stdout
        #expect(text.hasPrefix("c-017-1: org.carryover.thought-record "))
        #expect(text.contains("[active]"))
        #expect(text.contains("  params:        {}\n"))
        let json = try fixture.ok(["assignment", "show", "c-017-1", "--json"]).object()
        #expect(json["id"] as? String == "c-017-1")
        #expect(json["status"] as? String == "active")
    }

    @Test func pauseRefusesEntriesUntilResumed() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        let paused = try fixture.ok(["assignment", "pause", "c-017-1", "--reason", "holiday week"])
        #expect(paused.stdout == "c-017-1 is now paused\n")
        try fixture.fails(
            ["log", "c-017-1", "--file", thoughtRecordExample], status: Exit.refused,
            saying: "c-017-1", now: "2026-11-30T18:30:00Z")
        #expect(try fixture.history().isEmpty)
        let resumed = try fixture.ok(["assignment", "resume", "c-017-1", "--reason", "back"])
        #expect(resumed.stdout == "c-017-1 is now active\n")
        try fixture.ok(
            ["log", "c-017-1", "--file", thoughtRecordExample], now: "2026-11-30T18:30:00Z")
        #expect(try fixture.history().count == 1)
        let history = try #require(
            try fixture.ok(["assignment", "show", "c-017-1", "--json"]).object()["history"]
                as? [[String: Any]])
        #expect(history.map { $0["reason"] as? String }.suffix(2) == ["holiday week", "back"])
        for change in history {
            #expect(Set(change.keys).isSuperset(of: ["at", "what", "reason"]))
        }
    }

    @Test func modifyKeepsTheReason() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        let result = try fixture.ok([
            "assignment", "modify", "c-017-1", "--schedule", "every 2 days at 20:00 for 3 weeks",
            "--reason", "missed 4 evenings in a row; smaller step",
        ])
        #expect(result.stdout.hasPrefix("Modified c-017-1: "))
        let text = try fixture.ok(["assignment", "show", "c-017-1"]).stdout
        #expect(text.contains("(missed 4 evenings in a row; smaller step)"))
    }

    @Test func modifyWithABadScheduleChangesNothing() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        let before = try fixture.ok(["assignment", "show", "c-017-1", "--json"]).stdout
        try fixture.fails(
            ["assignment", "modify", "c-017-1", "--schedule", "every blue moon", "--reason", "x"],
            status: Exit.invalidInput, saying: "every blue moon")
        #expect(try fixture.ok(["assignment", "show", "c-017-1", "--json"]).stdout == before)
    }

    @Test func aCompletedAssignmentCannotBeResumed() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        try fixture.ok(["assignment", "complete", "c-017-1", "--reason", "goal met"])
        try fixture.fails(
            ["assignment", "resume", "c-017-1", "--reason", "again"], status: Exit.refused,
            saying: "completed")
        let abandoned = try fixture.run(["assignment", "abandon", "c-017-1", "--reason", "x"])
        #expect(abandoned.status == Exit.refused)
    }

    @Test func abandonIsFinal() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        let result = try fixture.ok(["assignment", "abandon", "c-017-1", "--reason", "moved away"])
        #expect(result.stdout == "c-017-1 is now abandoned\n")
        try fixture.fails(
            ["log", "c-017-1", "--file", thoughtRecordExample], status: Exit.refused,
            saying: "c-017-1")
    }

    @Test func anUnknownAssignmentIsNotFound() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        for arguments in [
            ["assignment", "show", "c-017-9"], ["assignment", "pause", "c-017-9", "--reason", "x"],
            ["assignment", "modify", "c-017-9", "--rule", "done", "--reason", "x"],
        ] {
            try fixture.fails(
                arguments, status: Exit.notFound, saying: "no assignment 'c-017-9'",
                "carryover status")
        }
    }

    @Test func aChangeWithoutAReasonIsAUsageError() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        let result = try fixture.run(["assignment", "pause", "c-017-1"])
        #expect(result.status == Exit.usage)
        #expect(result.stderr.contains("--reason"))
    }
}
