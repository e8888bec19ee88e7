import Foundation
import Testing

/// `carryover review`: what happened since the last review, the therapist's
/// decision, and a modify decision that leaves the past as it was.
@Suite struct ReviewCommandTests {
    /// Thought records on Mon 30 Nov, Tue 1 and Thu 3 Dec at 19:30 in Berlin
    /// (18:30Z); Wed 2 missed. Read on Fri 4 Dec at 10:00 Berlin: 3 of 4 due done.
    static func weekWithAMiss() throws -> CLIFixture {
        let fixture = try CLIFixture.withThoughtRecord()
        for day in ["2026-11-30", "2026-12-01", "2026-12-03"] {
            try fixture.ok(
                ["log", "c-017-1", "--file", thoughtRecordExample], now: "\(day)T18:30:00Z")
        }
        return fixture
    }

    static let friday = "2026-12-04T09:00:00Z"

    static func adherence(_ fixture: CLIFixture, now: String) throws -> (Int, Int) {
        let status = try fixture.ok(["status", "c-017", "--json"], now: now).object()
        let first = try #require((status["assignments"] as? [[String: Any]])?.first)
        let count = try #require(first["adherence"] as? [String: Int])
        return (count["done"] ?? -1, count["due"] ?? -1)
    }

    @Test func aModifyDecisionMakesAVersionFromTodayAndLeavesThePastAdherenceUntouched()
        throws
    {
        let fixture = try Self.weekWithAMiss()
        #expect(try Self.adherence(fixture, now: Self.friday) == (3, 4))
        let shown = try fixture.ok(["review", "c-017"], now: Self.friday).stdout
        #expect(shown.contains("First review:"), "\(shown)")
        #expect(shown.contains("Done: 3 of 4 (75%)"), "\(shown)")
        let held = try fixture.ok(
            [
                "review", "c-017", "--decision", "c-017-1=modify",
                "--schedule", "c-017-1=daily at 18:00 for 2 weeks",
                "--barrier", "c-017-1=time,forgot", "--rating", "c-017-1=3",
                "--reason", "c-017-1=evenings are busy", "--json",
            ], now: Self.friday
        ).object()
        let item = try #require((held["items"] as? [[String: Any]])?.first)
        #expect(item["decision"] as? String == "modify")
        #expect(item["adherence"] as? [String: Int] == ["done": 3, "due": 4])
        #expect(item["barriers"] as? [String] == ["time", "forgot"])
        #expect(item["therapistRating"] as? Int == 3)
        // Nothing of the week before changed: the same count, at the same moment.
        #expect(try Self.adherence(fixture, now: Self.friday) == (3, 4))
        // The new version runs from today: Friday 18:00 (17:00Z) is the next time due.
        let status = try fixture.ok(["status", "c-017", "--json"], now: Self.friday).object()
        let first = try #require((status["assignments"] as? [[String: Any]])?.first)
        #expect(first["nextDue"] as? String == "2026-12-04T17:00:00Z", "\(first)")
        let shownAssignment = try fixture.ok(["assignment", "show", "c-017-1"], now: Self.friday)
            .stdout
        #expect(shownAssignment.contains("2026-12-04"), "\(shownAssignment)")
        // That evening under the new version; the old days count as before (Wed missed).
        try fixture.ok(
            ["log", "c-017-1", "--file", thoughtRecordExample], now: "2026-12-04T16:30:00Z")
        #expect(try Self.adherence(fixture, now: "2026-12-05T09:00:00Z") == (4, 5))
        let history = try fixture.ok(["review", "c-017", "--history"], now: "2026-12-05T09:00:00Z")
            .stdout
        #expect(history.contains("c-017-1  Thought record: modify"), "\(history)")
        #expect(history.contains("in the way: time, forgot"))
        #expect(history.contains("why: evenings are busy"))
    }

    @Test func aReviewNeedsADecisionForEveryAssignmentAndAReason() throws {
        let fixture = try Self.weekWithAMiss()
        try fixture.fails(
            ["review", "c-017", "--decision", "c-017-1=stop"], status: Exit.invalidInput,
            saying: "say why", now: Self.friday)
        try fixture.fails(
            ["review", "c-017", "--decision", "c-017-1=pause"], status: Exit.invalidInput,
            saying: "not a decision", now: Self.friday)
        try fixture.fails(
            ["review", "c-017", "--decision", "c-017-1=modify", "--reason", "c-017-1=why"],
            status: Exit.invalidInput, saying: "modify needs", now: Self.friday)
        try fixture.fails(
            ["review", "c-017", "--decision", "c-017-1=continue", "--rating", "c-017-2=3"],
            status: Exit.usage, saying: "no --decision c-017-2", now: Self.friday)
        #expect(try fixture.ok(["review", "c-017", "--history"]).stdout.contains("No reviews yet"))
    }
}

extension ReviewCommandTests {
    @Test func theReportShowsTheReviewsAsATimeline() throws {
        let fixture = try Self.weekWithAMiss()
        try fixture.ok(
            [
                "review", "c-017", "--decision", "c-017-1=modify",
                "--schedule", "c-017-1=daily at 18:00 for 2 weeks", "--barrier", "c-017-1=time",
                "--reason", "c-017-1=evenings are busy",
            ], now: Self.friday)
        let report = fixture.path("report.html")
        try fixture.ok(["report", "c-017", "--out", report], now: Self.friday)
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("<h2>Session reviews</h2>"), "\(html.suffix(2000))")
        #expect(html.contains("<td>2026-12-04</td><td>c-017-1 Thought record</td><td>3 of 4</td>"))
        #expect(html.contains("evenings are busy"))
    }
}
