import Foundation
import Testing

/// Issue 13 §3: read-only commands changed the database file (its header's
/// change counter and schema cookie rose on every open). Every command that
/// only reads now leaves the file's bytes as they were.
@Suite struct ReadOnlyCommandTests {
    /// Every command that only reads, on a practice with a client, a goal, an
    /// assignment with entries and rewards.
    static let commands: [[String]] = [
        ["status"], ["status", "c-017"], ["status", "c-017", "--json"], ["history", "c-017"],
        ["client", "list"], ["assignment", "show", "c-017-1"],
        ["assignment", "entries", "c-017-1"],
        ["rewards", "show", "c-017-1"], ["types"], ["goal", "list", "c-017"], ["pack", "list"],
        ["pack", "trusted"], ["report", "c-017", "--out", "report.html"],
        ["export", "csv", "c-017", "--out", "-"], ["export", "json", "c-017", "--out", "-"],
        ["export", "ics", "c-017", "--out", "-"], ["export", "fhir", "c-017", "--out", "-"],
    ]

    @Test func everyReadOnlyCommandLeavesTheDatabaseByteForByte() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        try fixture.ok(["goal", "add", "c-017", "--title", "Fewer panic spirals"])
        for day in ["2026-11-30", "2026-12-01"] {
            try fixture.ok(
                ["log", "c-017-1", "--file", thoughtRecordExample], now: "\(day)T19:30:00Z")
        }
        fixture.environment["CARRYOVER_NOW"] = "2026-12-02T08:00:00Z"
        let database = fixture.practice.appending(path: "practice.sqlite")
        for command in Self.commands {
            let before = try Data(contentsOf: database)
            let result = try fixture.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(try Data(contentsOf: database) == before, "\(command.joined(separator: " "))")
        }
    }
}
