import Foundation
import Testing

/// `import`: entries from JSON Lines, checked by the homework type.
@Suite struct ImportCommandTests {
    /// A JSON Lines file of mood-log entries for c-017-1 (raw lines as given).
    static func entries(_ fixture: CLIFixture, _ lines: [String]) throws -> String {
        try fixture.file("entries.jsonl", lines.joined(separator: "\n") + "\n")
    }

    /// One entry line: a mood at an instant.
    static func mood(_ mood: Int, at performedAt: String) -> String {
        #"{"assignment": "c-017-1", "performedAt": "\#(performedAt)", "fields": {"mood": \#(mood)}}"#
    }

    /// Mood 4 on Monday evening, and mood 11 (above the 0-10 scale) on Tuesday.
    static let secondLineBad = [
        mood(4, at: "2026-11-30T19:00:00Z"), mood(11, at: "2026-12-01T19:00:00Z"),
    ]

    @Test func goodLinesAreImported() throws {
        let fixture = try CLIFixture.withMoodLog()
        let file = try Self.entries(
            fixture,
            [Self.mood(4, at: "2026-11-30T19:00:00Z"), Self.mood(6, at: "2026-12-01T19:00:00Z")])
        let result = try fixture.ok(["import", file], now: "2026-12-02T08:00:00Z")
        #expect(result.stdout == "Imported 2 entries, 0 already stored, rejected 0\n")
        #expect(result.stderr.isEmpty)
        #expect(
            try fixture.history().map { $0["performedAt"] as? String } == [
                "2026-11-30T19:00:00Z", "2026-12-01T19:00:00Z",
            ])
    }

    @Test func aBadLineIsReportedByNumberAndTheRestImported() throws {
        let fixture = try CLIFixture.withMoodLog()
        let file = try Self.entries(fixture, Self.secondLineBad)
        let result = try fixture.run(["import", file], now: "2026-12-02T08:00:00Z")
        #expect(result.status == Exit.invalidInput)
        #expect(result.stdout == "Imported 1 entries, 0 already stored, rejected 1\n")
        #expect(result.errorLines.count == 1)
        #expect(result.errorLines.first?.hasPrefix("line 2: ") == true)
        #expect(result.stderr.contains("mood"))
        #expect(try fixture.history().count == 1)
    }

    @Test func strictImportsNothingWhenALineIsBad() throws {
        let fixture = try CLIFixture.withMoodLog()
        let file = try Self.entries(
            fixture, [Self.mood(4, at: "2026-11-30T19:00:00Z"), "{ not json"])
        let result = try fixture.run(["import", file, "--strict"], now: "2026-12-02T08:00:00Z")
        #expect(result.status == Exit.invalidInput)
        #expect(result.errorLines.first?.hasPrefix("line 2: ") == true)
        #expect(try fixture.history().isEmpty)
    }

    @Test func theJSONReportHasTheDocumentedKeys() throws {
        let fixture = try CLIFixture.withMoodLog()
        let file = try Self.entries(fixture, Self.secondLineBad)
        let result = try fixture.run(
            ["import", file, "--strict", "--json"], now: "2026-12-02T08:00:00Z")
        #expect(result.status == Exit.invalidInput)
        #expect(result.stderr.isEmpty)
        let report = try result.object()
        #expect(
            Set(report.keys) == [
                "imported", "alreadyStored", "rejected", "resumedAfterLine", "committed",
                "rejections",
            ])
        #expect(report["rejected"] as? Int == 1)
        #expect(report["committed"] as? Bool == false)
        let rejections = try #require(report["rejections"] as? [[String: Any]])
        #expect(rejections.first?["line"] as? Int == 2)
        #expect(try fixture.history().isEmpty)
    }

    /// Issues 15 and 13 §2: a re-run after fixing a rejected line imports it
    /// and does not store the good lines twice.
    @Test func fixingARejectedLineAndImportingAgainStoresItOnce() throws {
        let fixture = try CLIFixture.withMoodLog()
        let file = try Self.entries(fixture, Self.secondLineBad)
        let now = "2026-12-02T08:00:00Z"
        #expect(try fixture.run(["import", file], now: now).status == Exit.invalidInput)
        let unchanged = try fixture.run(["import", file], now: now)
        #expect(
            unchanged.stdout
                == "Imported 0 entries, 0 already stored, rejected 1 (resumed after line 1)\n")
        _ = try Self.entries(
            fixture,
            [Self.mood(4, at: "2026-11-30T19:00:00Z"), Self.mood(5, at: "2026-12-01T19:00:00Z")])
        let fixed = try fixture.ok(["import", file], now: now)
        #expect(fixed.stdout == "Imported 1 entries, 1 already stored, rejected 0\n")
        #expect(try fixture.history().count == 2)
    }

    @Test func aFolderIsNotAFileToImport() throws {
        let fixture = try CLIFixture.withMoodLog()
        try fixture.fails(
            ["import", fixture.root.path], status: Exit.notFound, saying: "is a folder")
    }

    @Test func aMissingFileIsNotFound() throws {
        let fixture = try CLIFixture.withMoodLog()
        try fixture.fails(
            ["import", "nowhere.jsonl"], status: Exit.notFound, saying: "cannot read nowhere.jsonl")
    }
}
