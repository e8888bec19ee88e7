import CarryoverTestSupport
import Foundation
import Testing

/// `carryover status CLIENT` (text and `--json`) for clients a clinic has after
/// the first week, compared byte for byte with what it printed before status
/// was made faster (Tests/Golden/status/): a week of thought records
/// (one voided) and a mood log with a risk flag (Berlin), a schedule changed midway with an
/// amended entry (Los Angeles), and an abandoned assignment
/// (Auckland). Entry ids are random: each is replaced by its order of
/// appearance. `CARRYOVER_RECORD_GOLDEN=1` writes the files anew.
@Suite struct StatusGoldenTests {
    static let folder = packageRoot.appending(path: "Tests/Golden/status")
    static let checkedAt = "2026-12-06T08:00:00Z"
    static let moodExample = packageRoot.appending(
        path: "Modalities/mood-log/examples/entry.json"
    ).path

    /// The three clients' week, replayed with CARRYOVER_NOW.
    static func clinicWeek() throws -> CLIFixture {
        let fixture = try CLIFixture.withThoughtRecord()
        for evening in WeekReplayTests.evenings {
            try fixture.ok(["log", "c-017-1", "--file", thoughtRecordExample], now: evening)
        }
        // c-017-2: a mood log with a low mood on Thursday (an open risk flag).
        try fixture.ok([
            "assign", "c-017", "org.carryover.mood-log", "--schedule", "daily at 21:00",
        ])
        for (day, mood) in [("01", 6), ("03", 2), ("04", 5), ("05", 7)] {
            try fixture.ok(
                ["log", "c-017-2", "--file", moodExample, "--set", "mood=\(mood)"],
                now: "2026-12-\(day)T19:45:00Z")
        }
        // The first evening voided (a token economy: its token is taken back).
        let evening = try #require(
            fixture.history("c-017").compactMap { $0["id"] as? String }.first)
        try fixture.ok(
            ["entry", "void", evening, "--reason", "logged twice"], now: "2026-12-05T20:00:00Z")
        try losAngeles(fixture)
        try auckland(fixture)
        return fixture
    }

    /// c-020: a mood log changed to every 2 days on Thursday; one entry amended.
    static func losAngeles(_ fixture: CLIFixture) throws {
        try fixture.ok(
            ["client", "add", "c-020", "--name", "Client 20", "--time-zone", "America/Los_Angeles"])
        try fixture.ok([
            "assign", "c-020", "org.carryover.mood-log", "--schedule", "daily at 21:00",
        ])
        // 20:30 in Los Angeles (UTC-8) on 30 Nov, 1 and 2 Dec; every 2 days
        // from 3 Dec (10:00 there); then 4 Dec.
        for instant in ["2026-12-01", "2026-12-02", "2026-12-03"] {
            try fixture.ok(
                ["log", "c-020-1", "--file", moodExample], now: "\(instant)T04:30:00Z")
        }
        try fixture.ok(
            [
                "assignment", "modify", "c-020-1", "--schedule", "every 2 days at 21:00",
                "--from", "2026-12-03", "--reason", "fewer evenings",
            ], now: "2026-12-03T18:00:00Z")
        try fixture.ok(["log", "c-020-1", "--file", moodExample], now: "2026-12-05T04:30:00Z")
        let entries = try fixture.history("c-020")
        let ids = entries.compactMap { $0["id"] as? String }
        try #require(ids.count == 4)
        try fixture.ok(
            ["entry", "amend", ids[3], "--set", "mood=3", "--reason", "misread the scale"],
            now: "2026-12-05T05:10:00Z")
    }

    /// c-021: a thought record abandoned on Thursday after two entries.
    static func auckland(_ fixture: CLIFixture) throws {
        try fixture.ok(
            ["client", "add", "c-021", "--name", "Client 21", "--time-zone", "Pacific/Auckland"])
        try fixture.ok([
            "assign", "c-021", "org.carryover.thought-record", "--schedule",
            "daily at 20:00 for 3 weeks", "--rule", "3 in a row", "--reinforce", "token economy",
        ])
        // 19:30 in Auckland (UTC+13) on 1 and 2 Dec.
        for instant in ["2026-12-01T06:30:00Z", "2026-12-02T06:30:00Z"] {
            try fixture.ok(["log", "c-021-1", "--file", thoughtRecordExample], now: instant)
        }
        try fixture.ok(
            ["assignment", "abandon", "c-021-1", "--reason", "client moved away"],
            now: "2026-12-03T22:00:00Z")
    }

    /// Each entry id (a UUID) replaced by `<id N>`, N in order of first appearance.
    static func normalised(_ text: String) throws -> String {
        let uuid = try Regex(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
        var seen: [Substring: Int] = [:]
        return text.replacing(uuid) { match in
            let id = text[match.range]
            if seen[id] == nil { seen[id] = seen.count + 1 }
            return "<id \(seen[id]!)>"
        }
    }

    @Test func statusIsUnchanged() throws {
        let fixture = try Self.clinicWeek()
        let record = ProcessInfo.processInfo.environment["CARRYOVER_RECORD_GOLDEN"] == "1"
        for client in ["c-017", "c-020", "c-021"] {
            for (suffix, extra) in [("txt", [String]()), ("json", ["--json"])] {
                let output = try Self.normalised(
                    try fixture.ok(["status", client] + extra, now: Self.checkedAt).stdout)
                let file = Self.folder.appending(path: "\(client).\(suffix)")
                if record {
                    try FileManager.default.createDirectory(
                        at: Self.folder, withIntermediateDirectories: true)
                    try Data(output.utf8).write(to: file)
                    continue
                }
                let expected = String(decoding: try Data(contentsOf: file), as: UTF8.self)
                #expect(output == expected, "status \(client) \(extra) differs from \(file.path)")
            }
        }
    }
}
