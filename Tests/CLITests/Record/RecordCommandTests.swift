import Foundation
import Testing

/// The record through the binary: risk flags that stay until acknowledged,
/// corrections, versions, discharges, goal edits, the acting person and the
/// audit journal (issue 13 sections 1 and 2).
@Suite struct RecordCommandTests {
    /// `--set` flags for a PHQ-9 with every item 1 and item 9 as given.
    static func phq9(item9: Int) -> [String] {
        (1...8).flatMap { ["--set", "item\($0)=1"] } + ["--set", "item9=\(item9)"]
    }

    @Test func aRiskStaysInStatusCaseloadAndReportUntilAcknowledged() throws {
        let cli = try CLIFixture.withClient()
        try cli.ok([
            "assign", "c-017", "org.carryover.phq9", "--schedule", "weekly on mon at 19:00",
        ])
        try cli.ok(["log", "c-017-1"] + Self.phq9(item9: 2), now: "2026-11-30T17:00:00Z")
        try cli.ok(["log", "c-017-1"] + Self.phq9(item9: 0), now: "2026-12-07T17:00:00Z")
        let later = "2026-12-08T08:00:00Z"
        // The calm PHQ-9 is the latest; the risk of the one before stays.
        #expect(try cli.ok(["status", "c-017"], now: later).stdout.contains("RISK"))
        let caseload = try cli.ok(["status", "--json"], now: later).objects()
        #expect(caseload.first?["riskFlags"] as? Int == 1)
        let week = try cli.ok(
            [
                "report", "c-017", "--from", "2026-12-07", "--to", "2026-12-08", "--out",
                cli.path("r.html"),
            ],
            now: later)
        _ = week
        #expect(try String(contentsOfFile: cli.path("r.html"), encoding: .utf8).contains("RISK"))

        let open = try cli.ok(["flags", "list", "--json"], now: later).objects()
        #expect(open.map { $0["code"] as? String } == ["phq9-item9"])
        let id = try #require(open.first?["id"] as? Int)
        try cli.fails(
            ["flags", "ack", String(id), "--note", ""], status: Exit.invalidInput, saying: "--note",
            now: later)
        try cli.ok(
            [
                "flags", "ack", String(id), "--note", "called; safety plan reviewed", "--as",
                "dr-ana",
            ],
            now: later)
        #expect(!(try cli.ok(["status", "c-017"], now: later).stdout.contains("RISK")))
        #expect(
            try cli.ok(["status", "--json"], now: later).objects().first?["riskFlags"] as? Int == 0)
        #expect(try cli.ok(["flags", "list", "--json"], now: later).objects().isEmpty)
        // The report of the week that holds the risky entry still shows it, acknowledged.
        try cli.ok(
            [
                "report", "c-017", "--from", "2026-11-30", "--to", "2026-12-06", "--out",
                cli.path("then.html"),
            ],
            now: later)
        let then = try String(contentsOfFile: cli.path("then.html"), encoding: .utf8)
        #expect(then.contains("RISK") && then.contains("by dr-ana: called; safety plan reviewed"))
        let journal = try cli.ok(["audit", "--action", "flag.ack", "--json"], now: later).objects()
        #expect(journal.map { $0["actor"] as? String } == ["dr-ana"])
        try cli.fails(
            ["flags", "ack", String(id), "--note", "again"], status: Exit.refused,
            saying: "already acknowledged", now: later)
    }

    @Test func aVoidedEntryStaysInHistoryAndItsTokenIsTakenBack() throws {
        let cli = try WeekReplayTests.replayedWeek()
        let sunday = WeekReplayTests.sundayMorning
        let entries = try cli.history()
        let tuesday = try #require(entries[1]["id"] as? String)
        let wednesday = try #require(entries[2]["id"] as? String)
        let voided = try cli.ok(
            ["entry", "void", tuesday, "--reason", "logged for the wrong client"], now: sunday)
        #expect(voided.stdout.contains("Balance: 4 tokens"))
        let rewards = try cli.ok(["rewards", "show", "c-017-1", "--json"], now: sunday).object()
        let kinds = (rewards["ledger"] as? [[String: Any]])?.map { $0["kind"] as? String }
        #expect(kinds == ["earn", "earn", "earn", "earn", "earn", "reverse"])
        #expect(rewards["balance"] as? Int == 4 && rewards["storedBalance"] as? Int == 4)
        // Status and exports follow; the entry and its original stay on record.
        let status = try cli.ok(["status", "c-017", "--json"], now: sunday).object()
        let assignment = try #require((status["assignments"] as? [[String: Any]])?.first)
        #expect(assignment["adherence"] as? [String: Int] == ["done": 4, "due": 6])
        #expect(try cli.history().count == 4)
        #expect(try cli.ok(["history", "c-017", "--all"], now: sunday).stdout.contains("[void]"))
        let csv = try cli.ok(["export", "csv", "c-017", "--out", "-"], now: sunday).stdout
        #expect(csv.contains(wednesday) && !csv.contains(tuesday))
        let shown = try cli.ok(["entry", "show", tuesday, "--json"], now: sunday).object()
        #expect((shown["entry"] as? [String: Any])?["voided"] as? Bool == true)
        #expect(
            (shown["revisions"] as? [[String: Any]])?.first?["reason"] as? String
                == "logged for the wrong client")
        try cli.fails(
            ["entry", "void", tuesday, "--reason", "again"], status: Exit.refused, saying: "void",
            now: sunday)

        // An amendment is scored again (belief_shift = 60 - 90 = -30) and keeps the original.
        let amended = try cli.ok(
            [
                "entry", "amend", wednesday, "--set", "thought_belief_after=60", "--reason",
                "misread the scale", "--json",
            ], now: sunday
        ).object()
        #expect(
            ((amended["entry"] as? [String: Any])?["scores"] as? [String: Double])?["belief_shift"]
                == -30)
        let before = (amended["revisions"] as? [[String: Any]])?.first?["previousScores"]
        #expect((before as? [String: Double])?["belief_shift"] == -50)
        let refused = try cli.run(
            ["entry", "amend", wednesday, "--set", "thought_belief_after=150", "--reason", "typo"],
            now: sunday)
        #expect(refused.status == Exit.invalidInput)
        #expect(refused.errorLines.first?.contains("nothing was saved") == true)
        #expect(refused.errorLines.dropFirst().first?.contains("thought_belief_after") == true)
        let actions = try cli.ok(["audit", "--action", "entry", "--json"], now: sunday).objects()
            .compactMap { $0["action"] as? String }
        #expect(actions.suffix(2) == ["entry.void", "entry.amend"])
    }

    @Test func aScheduleChangeKeepsTheWeekBeforeAndShowsItsVersions() throws {
        let cli = try WeekReplayTests.replayedWeek()
        let sunday = WeekReplayTests.sundayMorning
        try cli.ok(
            [
                "assignment", "modify", "c-017-1", "--schedule", "every 2 days at 20:00",
                "--reason",
                "smaller step",
            ], now: sunday)
        let status = try cli.ok(["status", "c-017"], now: sunday).stdout
        #expect(status.contains("Adherence: 5 of 6 scheduled times done"))
        let shown = try cli.ok(["assignment", "show", "c-017-1"], now: sunday).stdout
        #expect(shown.contains("version 1: 2026-11-30 to 2026-12-05"))
        #expect(shown.contains("version 2: from 2026-12-06 (current)"))
        // A version that would take Saturday's entry away from its terms is refused.
        try cli.fails(
            [
                "assignment", "modify", "c-017-1", "--rule", "3 in a row", "--from", "2026-12-01",
                "--reason", "back-dated",
            ], status: Exit.invalidInput, saying: "entries up to 2026-12-05", now: sunday)
    }

    @Test func theActingPersonAndSourceAreRecorded() throws {
        let cli = try CLIFixture.withMoodLog()
        try cli.ok(["log", "c-017-1", "--set", "mood=6", "--as", "dr-ana", "--source", "client"])
        let entry = try #require(try cli.history().first)
        #expect(entry["recordedBy"] as? String == "dr-ana")
        #expect(entry["source"] as? String == "client")
        let viaEnvironment = try cli.run(
            ["log", "c-017-1", "--set", "mood=5"], environment: ["CARRYOVER_ACTOR": "dr-ben"])
        #expect(viaEnvironment.status == 0)
        let journal = try cli.ok(["audit", "--client", "c-017", "--json"]).objects()
        #expect(journal.suffix(2).map { $0["actor"] as? String } == ["dr-ana", "dr-ben"])
        #expect(try cli.ok(["audit", "--actor", "dr-ben", "--json"]).objects().count == 1)
        try cli.fails(
            ["log", "c-017-1", "--set", "mood=5", "--as", ""], status: Exit.usage, saying: "--as")
        try cli.fails(
            ["log", "c-017-1", "--set", "mood=5", "--source", "import"], status: Exit.usage,
            saying: "--source")
        try cli.fails(
            ["audit", "--since", "2026-02-30"], status: Exit.invalidInput, saying: "date")
    }

    @Test func aDischargedClientKeepsTheRecordAndTakesNoNewWork() throws {
        let cli = try CLIFixture.withThoughtRecord()
        try cli.ok(["log", "c-017-1", "--file", thoughtRecordExample], now: "2026-11-30T18:30:00Z")
        let discharged = try cli.ok(
            ["client", "discharge", "c-017", "--reason", "moved abroad"],
            now: "2026-12-02T09:00:00Z")
        #expect(discharged.stdout.contains("c-017-1 is now abandoned"))
        #expect(try cli.ok(["client", "list"]).stdout.contains("discharged 2026-12-02"))
        #expect(try cli.ok(["status", "c-017"]).status == 0)
        try cli.fails(
            ["assign", "c-017", "org.carryover.mood-log", "--schedule", "daily at 21:00"],
            status: Exit.refused, saying: "discharged")
        try cli.fails(
            ["client", "edit", "c-017", "--name", "Someone"], status: Exit.refused,
            saying: "discharged")
    }

    @Test func aClientsNameAndTimeZoneCanBeChanged() throws {
        let cli = try CLIFixture.withThoughtRecord()
        let renamed = try cli.ok(["client", "edit", "c-017", "--name", "Client 17 (Sam)"])
        #expect(renamed.stdout.hasPrefix("Changed client c-017 (Europe/Berlin)\n"))
        #expect(try cli.ok(["client", "list"]).stdout.contains("Client 17 (Sam)"))
        let moved = try cli.ok(
            ["client", "edit", "c-017", "--time-zone", "America/New_York"],
            now: "2026-12-02T09:00:00Z")
        #expect(
            moved.stdout
                == "Changed client c-017 (America/New_York)\n"
                + "  c-017-1: version 2 from today in America/New_York\n")
        try cli.fails(
            ["client", "edit", "c-017", "--time-zone", "Mars/Olympus"], status: Exit.invalidInput,
            saying: "time zone")
        #expect(try cli.ok(["client", "list"]).stdout.contains("America/New_York"))
    }

    @Test func goalsAndPhasesCanBeEdited() throws {
        let cli = try CLIFixture.withClient()
        try cli.ok(["goal", "add", "c-017", "--title", "Fewer anxious evenings"])
        try cli.fails(
            [
                "goal", "phase", "c-017-g1", "--title", "Notice", "--from", "2026-11-30", "--to",
                "2026-12-20",
            ],
            status: Exit.invalidInput, saying: "time bound")
        try cli.ok(["goal", "edit", "c-017-g1", "--by", "2027-02-28"])
        try cli.ok(
            [
                "goal", "phase", "c-017-g1", "--title", "Notice", "--from", "2026-11-30", "--to",
                "2026-12-20",
            ])
        let edited = try cli.ok(
            ["goal", "edit-phase", "c-017-g1", "--phase", "c-017-g1-p1", "--to", "2026-12-27"])
        #expect(edited.stdout.contains("(2026-11-30 to 2026-12-27)"))
        try cli.fails(
            ["goal", "edit-phase", "c-017-g1", "--phase", "c-017-g1-p1", "--to", "2027-03-31"],
            status: Exit.invalidInput, saying: "time bound")
    }
}
