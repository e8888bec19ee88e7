import Foundation
import Testing

/// Issue 15's "bad input" section, run as a hostile user would: every input
/// below is wrong, and each must be refused cleanly: one `carryover: ...`
/// line on standard error, the documented exit status, and the practice's
/// database byte for byte as it was. The summary line printed at the end is
/// the figure for the closing note
/// (`swift test --skip-build --filter BadInputRunTests`).
@Suite struct BadInputRunTests {
    struct Input {
        var arguments: [String]
        var status: Int32
        var environment: [String: String] = [:]
        /// How the one line on standard error starts (an import lists its
        /// rejected lines instead: here exactly one, line 2).
        var prefix = "carryover: "
    }

    /// Times `log --at` must refuse: days and times that do not exist,
    /// offsets past ±18:00, other forms, the future, outside 1900-2199.
    static let badTimes = [
        "2026-02-30T10:00:00Z", "2026-02-29T10:00:00Z", "2025-02-29 10:00", "2026-04-31 09:00",
        "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-11-30T24:00:00Z",
        "2026-11-30T10:60:00Z", "2026-11-30T07:00:60Z", "2026-11-30T07:00:00+25:00",
        "2026-11-30T07:00:00+18:01", "2026-11-30T07:00:00-19:00", "2026-11-30T25:00",
        "yesterday", "now", "2026-11-30", "30.11.2026 07:00", "2026-11-30T07:00:00Zjunk",
        "2026-12-01T09:00:00Z", "2199-12-31T00:00:00Z", "1899-12-31T23:00:00Z",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "", " ", "+2026-11-30T07:00:00Z",
        "2026-11-30T07:00:00.1234567890Z", "2026-11-30 7:00", "2026-11-30T07:00:00+0100",
    ]
    static let badSchedules = [
        "daily at 20:00 for 1000000 weeks", "daily for 3661 days", "daily 10001 times",
        "daily until 2037-12-01", "daily from 2200-01-01", "daily from 1899-12-31",
        "every 0 days", "every 3651 days", "every 99999999999999999999 days",
        "daily grace 9223372036854775807 hours", "daily grace 8 days", "daily at 24:00",
        "daily at 7:30", "on 2026-02-30", "on 2026-12-01 2026-12-01", "weekly on mon at 25:00",
        "daily between 10:00 and 10:00", "daily until 2026-02-29", "every -1 days", "sometimes",
        "", "daily for 0 weeks", "daily 0 times",
        "daily starting 3651 days after the previous step",
    ]
    static let badRules = [
        "8 of 7 days", "0 of 7 days", "5 of 10001 days", "10001 in a row", "0 in a row",
        "150% over 3 sessions", "80% over 0 sessions", "80% in 5 of 3 sessions",
        "sum of minutes 0", "sum of minutes -5", "most days", "", "all of:", "5 of",
    ]
    static let badReinforcements = [
        "FR 0", "FR 1001", "VR 9223372036854775807", "FI 0 days", "FI 400 days",
        "VI 9999999 weeks", "token economy 0 per completion", "token economy 1001 per completion",
        "token economy 1 per completion bonus 5000000 every 7",
        "token economy 1 per completion bonus 5 every 0", "prize bowl cap 0",
        "prize bowl cap 5000", "lots of candy", "",
    ]
    static let badDays = [
        "2026-02-30", "2026-13-01", "2025-02-29", "30/11/2026", "0000-01-01", "2026-11-31",
        "tomorrow", "9999-12-31", "0001-01-01",
    ]
    /// A clock that is off: not an instant, or far outside the years schedules cover
    /// (a report to 9999 counted days for minutes).
    static let badNows = [
        "yesterday", "2026-02-30T10:00:00Z", "2026-11-30", "1764489600",
        "2026-11-30T10:00:00+25:00", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z",
    ]
    static let usageErrors: [[String]] = [
        ["status", "--frobnicate"], ["log"], ["assign", "c-017"], ["report"], ["frobnicate"],
        ["export", "pdf", "c-017", "--out", "-"], ["export", "csv", "c-017"],
        ["import"], ["status", "c-017", "extra"], ["client", "add", "c-9"],
    ]
    /// Import files in which some line is bad, each imported with --strict.
    static let badImports = [
        #"{"assignment":"c-017-1","performedAt":"2026-02-30T19:00:00Z","fields":{"mood":4}}"#,
        #"{"assignment":"c-017-1","performedAt":"2026-12-24T19:00:00Z","fields":{"mood":4}}"#,
        #"{"assignment":"c-017-9","performedAt":"2026-11-29T19:00:00Z","fields":{"mood":4}}"#,
        #"{"assignment":"c-017-1","performedAt":"2026-11-29T19:00:00+25:00","fields":{"mood":4}}"#,
        #"{"assignment":"c-017-1","performedAt":"2026-11-29T19:00:00Z","fields":{"mood":11}}"#,
        #"{"id":"x","assignment":"c-017-1","performedAt":"2026-11-28T19:00:00Z","fields":{"mood":5}}"#,
        "{ not json",
    ]

    func inputs(_ fixture: CLIFixture) throws -> [Input] {
        var inputs: [Input] = []
        for time in Self.badTimes {
            inputs.append(
                Input(arguments: ["log", "c-017-1", "--set", "mood=5", "--at", time], status: 65))
        }
        for phrase in Self.badSchedules {
            inputs.append(
                Input(
                    arguments: ["assign", "c-017", "org.carryover.mood-log", "--schedule", phrase],
                    status: 65))
            inputs.append(
                Input(
                    arguments: [
                        "assignment", "modify", "c-017-1", "--schedule", phrase, "--reason", "x",
                    ], status: 65))
        }
        let assign = ["assign", "c-017", "org.carryover.mood-log", "--schedule", "daily"]
        inputs += Self.badRules.map { Input(arguments: assign + ["--rule", $0], status: 65) }
        inputs += Self.badReinforcements.map {
            Input(arguments: assign + ["--reinforce", $0], status: 65)
        }
        for day in Self.badDays {
            inputs.append(
                Input(arguments: ["report", "c-017", "--from", day, "--out", "-"], status: 65))
            inputs.append(
                Input(arguments: ["goal", "add", "c-017", "--title", "x", "--by", day], status: 65))
        }
        for now in Self.badNows {
            for command in [
                ["status", "c-017"], ["log", "c-017-1", "--set", "mood=5"],
                ["report", "c-017", "--out", "-"],
            ] {
                inputs.append(
                    Input(arguments: command, status: 64, environment: ["CARRYOVER_NOW": now]))
            }
        }
        inputs += Self.usageErrors.map { Input(arguments: $0, status: 64) }
        for (index, line) in Self.badImports.enumerated() {
            let good =
                #"{"id":"x","assignment":"c-017-1","performedAt":"2026-11-29T08:00:00Z","fields":{"mood":3}}"#
            let file = try fixture.file("bad-\(index).jsonl", good + "\n" + line + "\n")
            inputs.append(
                Input(arguments: ["import", file, "--strict"], status: 65, prefix: "line 2: "))
        }
        inputs.append(Input(arguments: ["import", fixture.root.path], status: 66))
        inputs.append(Input(arguments: ["import", fixture.path("none.jsonl")], status: 66))
        return inputs
    }

    @Test func everyBadInputIsRefusedCleanlyWithNothingWritten() throws {
        let fixture = try CLIFixture.withMoodLog()
        let database = fixture.practice.appending(path: "practice.sqlite")
        let inputs = try inputs(fixture)
        var clean = 0
        for input in inputs {
            let before = try Data(contentsOf: database)
            let result = try fixture.run(input.arguments, environment: input.environment)
            let said = "\(input.arguments) \(input.environment): \(result.status) \(result.stderr)"
            let oneLine = result.errorLines.count == 1 && result.stderr.hasPrefix(input.prefix)
            let unchanged = try Data(contentsOf: database) == before
            #expect(result.status == input.status, "\(said)")
            #expect(oneLine, "\(said)")
            #expect(unchanged, "wrote to the practice: \(said)")
            if result.status == input.status && oneLine && unchanged { clean += 1 }
        }
        clean += try anotherProgramsFileIsLeftAlone(fixture)
        let total = inputs.count + 2
        print("bad-input run: \(total) inputs, \(clean) refused cleanly with nothing written")
        #expect(clean == total)
    }

    /// Issue 15: a clock more than three days before an assignment's creation
    /// crashed `log` after saving the entry (DateInterval with its end first).
    @Test func aClockBeforeTheAssignmentLogsWithoutACrash() throws {
        let fixture = try CLIFixture.withMoodLog()
        let result = try fixture.ok(
            ["log", "c-017-1", "--set", "mood=5"], now: "2026-11-20T08:00:00Z")
        #expect(result.stdout.contains("Mood (0-10): 5"))
        #expect(try fixture.ok(["status", "c-017"], now: "2026-11-20T08:00:00Z").status == 0)
        #expect(try fixture.history().count == 1)
    }

    /// Two more inputs: a practice folder holding another program's SQLite
    /// file, opened by a command that writes and by one that reads.
    func anotherProgramsFileIsLeftAlone(_ fixture: CLIFixture) throws -> Int {
        let folder = fixture.root.appending(path: "other")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appending(path: "practice.sqlite")
        // A minimal SQLite file of another program: the 100-byte header of a
        // one-page database (page size 4096, application id 0) and page 1 empty.
        var page = [UInt8](repeating: 0, count: 4_096)
        page.replaceSubrange(0..<16, with: Array("SQLite format 3\0".utf8))
        page[16] = 0x10  // page size 4096
        page[18] = 1
        page[19] = 1
        page[21] = 64
        page[22] = 32
        page[23] = 32
        page[31] = 1  // one page
        page[47] = 4  // schema format 4
        page[56] = 0
        page[59] = 1  // text encoding UTF-8
        page[96] = 0x00
        page[97] = 0x2e
        page[98] = 0x4a
        page[99] = 0x20  // SQLite 3.042.000
        page[100] = 0x0d  // an empty table b-tree leaf: sqlite_master
        page[105] = 0x10
        page[106] = 0x00
        try Data(page).write(to: file)
        chmod(file.path, 0o644)
        let before = try Data(contentsOf: file)
        var clean = 0
        for command in [["client", "add", "c-1", "--name", "X", "--time-zone", "UTC"], ["status"]] {
            let result = try fixture.run(command + ["--practice", folder.path])
            let mode = try FileManager.default.attributesOfItem(atPath: file.path)[
                .posixPermissions]
            let listing = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            let bytes = try Data(contentsOf: file)
            let ok =
                result.status == 66 && result.errorLines.count == 1
                && result.stderr.contains("another program's database") && bytes == before
                && (mode as? NSNumber)?.intValue == 0o644 && listing == ["practice.sqlite"]
            #expect(ok, "\(command): \(result.status) \(result.stderr) \(listing)")
            if ok { clean += 1 }
        }
        return clean
    }
}
