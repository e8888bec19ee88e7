import Foundation
import Testing

/// A week of thought records replayed with CARRYOVER_NOW, checked against
/// numbers worked out by hand.
///
/// The week (client in Berlin, UTC+1; thought record daily at 20:00 from
/// Monday 30 November 2026, "5 of 7 days", token economy 1 per completion):
///
///     Mon 30  Tue 1  Wed 2  Thu 3   Fri 4  Sat 5  Sun 6
///     done    done   done   missed  done   done   (open)
///
/// On Sunday morning six occurrences are past due (Mon-Sat) and five done:
/// adherence 5 of 6 = 83.3%, shown rounded as 83%. Current streak: Fri, Sat
/// = 2; longest: Mon-Wed = 3. Sunday's occurrence opened at midnight but is
/// not due until 20:00, so it counts neither way. "5 of 7 days" counts the
/// block of occurrences 0-6 (Mon-Sun): 5 completed of 5 required, met.
/// Tokens: 5 completions x 1 = 5; a movie night at 3 leaves 2, and a
/// second one (3 > 2) is refused.
@Suite struct WeekReplayTests {
    /// The evenings logged, 19:30 Berlin time (18:30 UTC), Thursday skipped.
    static let evenings = [
        "2026-11-30T18:30:00Z", "2026-12-01T18:30:00Z", "2026-12-02T18:30:00Z",
        "2026-12-04T18:30:00Z", "2026-12-05T18:30:00Z",
    ]
    static let sundayMorning = "2026-12-06T08:00:00Z"

    static func replayedWeek() throws -> CLIFixture {
        let fixture = try CLIFixture.withThoughtRecord()
        for evening in evenings {
            try fixture.ok(["log", "c-017-1", "--file", thoughtRecordExample], now: evening)
        }
        return fixture
    }

    @Test func statusOnSundayMorningAsJSON() throws {
        let fixture = try Self.replayedWeek()
        let status = try fixture.ok(["status", "c-017", "--json"], now: Self.sundayMorning)
            .object()
        #expect(Set(status.keys) == ["client", "assignments"])
        #expect((status["client"] as? [String: Any])?["id"] as? String == "c-017")
        let assignments = try #require(status["assignments"] as? [[String: Any]])
        #expect(assignments.count == 1)
        let assignment = assignments[0]
        #expect(
            Set(assignment.keys).isSuperset(of: [
                "id", "homeworkType", "title", "status", "schedule", "rule", "adherence", "weeks",
                "streak", "completion", "scores", "flags", "barriers",
            ]))
        let adherence = try #require(assignment["adherence"] as? [String: Int])
        #expect(adherence == ["done": 5, "due": 6])
        let weeks = try #require(assignment["weeks"] as? [[String: Any]])
        // Monday 30 November 2026 starts ISO week 49 (week 1 began Monday 29 December 2025).
        #expect(weeks.map { $0["isoWeek"] as? Int } == [49])
        #expect(weeks.first?["count"] as? [String: Int] == ["done": 5, "due": 6])
        #expect(assignment["streak"] as? [String: Int] == ["current": 2, "longest": 3])
        let completion = try #require(assignment["completion"] as? [String: Any])
        #expect(completion["met"] as? Bool == true)
        #expect(completion["progress"] as? String == "5 done of scheduled times 1-7 (needs 5 of 7)")
        #expect(assignment["balance"] as? String == "5 tokens")
        // Sunday's occurrence is due at 20:00 Berlin = 19:00 UTC.
        #expect(assignment["nextDue"] as? String == "2026-12-06T19:00:00Z")
    }

    @Test func statusOnSundayMorningForPeople() throws {
        let fixture = try Self.replayedWeek()
        let text = try fixture.ok(["status", "c-017"], now: Self.sundayMorning).stdout
        #expect(text.hasPrefix("c-017  Client 17  (Europe/Berlin)\n"))
        #expect(text.contains("  Adherence: 5 of 6 scheduled times done (83%)\n"))
        #expect(text.contains("  This week (Mon 2026-11-30 to Sun 2026-12-06): 5 of 6 done\n"))
        #expect(text.contains("  Streak: 2 in a row now, longest 3\n"))
        #expect(text.contains("  Next due: Sun 2026-12-06 20:00\n"))
        #expect(text.contains("  Balance: 5 tokens\n"))
    }

    @Test func midweekCheckpoints() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        for evening in Self.evenings.prefix(3) {
            try fixture.ok(["log", "c-017-1", "--file", thoughtRecordExample], now: evening)
        }
        // Thursday 09:00 Berlin: Mon-Wed due and done; Thursday still open.
        let thursday = try fixture.ok(
            ["status", "c-017", "--json"], now: "2026-12-03T08:00:00Z"
        ).object()
        let before = try #require((thursday["assignments"] as? [[String: Any]])?.first)
        #expect(before["adherence"] as? [String: Int] == ["done": 3, "due": 3])
        #expect(before["streak"] as? [String: Int] == ["current": 3, "longest": 3])
        // Friday 09:00 Berlin: Thursday's 20:00 passed without an entry: 3 of 4, streak broken.
        let friday = try fixture.ok(["status", "c-017", "--json"], now: "2026-12-04T08:00:00Z")
            .object()
        let after = try #require((friday["assignments"] as? [[String: Any]])?.first)
        #expect(after["adherence"] as? [String: Int] == ["done": 3, "due": 4])
        #expect(after["streak"] as? [String: Int] == ["current": 0, "longest": 3])
    }

    @Test func theCaseloadHasOneRowPerClient() throws {
        let fixture = try Self.replayedWeek()
        try fixture.ok(
            ["client", "add", "c-018", "--name", "Client 18", "--time-zone", "Europe/London"])
        let rows = try fixture.ok(["status", "--json"], now: Self.sundayMorning).objects()
        #expect(rows.map { $0["clientID"] as? String } == ["c-017", "c-018"])
        #expect(
            Set(rows[0].keys) == [
                "clientID", "activeAssignments", "adherence", "riskFlags", "flags",
            ])
        #expect(rows[0]["activeAssignments"] as? Int == 1)
        // 5 done of 6 due.
        #expect(abs((rows[0]["adherence"] as? Double ?? 0) - 5.0 / 6.0) < 1e-9)
        #expect(rows[1]["activeAssignments"] as? Int == 0)
        #expect(rows[1]["adherence"] == nil || rows[1]["adherence"] is NSNull)
        let text = try fixture.ok(["status"], now: Self.sundayMorning).stdout
        #expect(text.contains("c-017  active 1  adherence 83%"))
        #expect(text.contains("c-018  active 0  adherence -"))
    }

    @Test func anotherClientsStatusShowsNoneOfThisClientsData() throws {
        let fixture = try Self.replayedWeek()
        try fixture.ok(
            ["client", "add", "c-018", "--name", "Client 18", "--time-zone", "Europe/London"])
        let text = try fixture.ok(["status", "c-018"], now: Self.sundayMorning).stdout
        #expect(!text.contains("c-017"))
        #expect(!text.contains("Client 17"))
        #expect(text.contains("No assignments yet"))
        #expect(try fixture.history("c-018").isEmpty)
    }

    @Test func historyListsTheWeekOldestFirst() throws {
        let fixture = try Self.replayedWeek()
        let entries = try fixture.history()
        #expect(entries.map { $0["performedAt"] as? String } == Self.evenings)
        for entry in entries {
            #expect(
                Set(entry.keys).isSuperset(of: [
                    "id", "assignmentID", "performedAt", "fields", "scores",
                ]))
        }
        let text = try fixture.ok(["history", "c-017", "--assignment", "c-017-1"]).stdout
        #expect(text.split(separator: "\n").count == 5)
        #expect(text.hasPrefix("Mon 2026-11-30 19:30  c-017-1  "))
    }

    @Test func historyErrors() throws {
        let fixture = try Self.replayedWeek()
        try fixture.fails(
            ["history", "c-71"], status: Exit.notFound, saying: "Did you mean 'c-017'?")
        try fixture.fails(
            ["history", "c-017", "--assignment", "c-017-7"], status: Exit.notFound,
            saying: "no assignment 'c-017-7'")
    }

    @Test func statusForAnUnknownClientSuggestsTheClosest() throws {
        let fixture = try CLIFixture.withClient()
        try fixture.fails(
            ["status", "c-017x"], status: Exit.notFound, saying: "no client 'c-017x'",
            "Did you mean 'c-017'?", "carryover client list")
    }
}
