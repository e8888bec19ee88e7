import Foundation
import Testing

/// `carryover report` and `carryover export`: files written, exit statuses,
/// one line on standard error, and nothing written on error.
@Suite struct ExportCommandTests {
    /// A practice with client c-017 (Berlin), a thought record daily at 20:00
    /// with a token economy from 2026-10-19, entries on 2026-10-19 and
    /// 2026-10-20, and the clock at 2026-10-21 08:00 UTC.
    static func withThoughtRecords() throws -> CLIFixture {
        let cli = try CLIFixture.withClient(now: "2026-10-19T08:00:00Z")
        // Unregistered, `report` is an unexpected argument of the root command.
        let usage = try cli.run(["report"]).stderr + cli.run(["export", "csv"]).stderr
        try #require(
            usage.contains("see 'carryover report --help'")
                && usage.contains("see 'carryover export csv --help'"),
            "register ReportCommand and ExportCommand in Carryover.swift's subcommands")
        try cli.ok(CLIFixture.thoughtRecordAssignment)
        for day in ["2026-10-19", "2026-10-20"] {
            try cli.ok(["log", "c-017-1", "--file", thoughtRecordExample], now: "\(day)T17:30:00Z")
        }
        cli.environment["CARRYOVER_NOW"] = "2026-10-21T08:00:00Z"
        return cli
    }

    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func reportAndEveryExportWriteTheirFiles() throws {
        let cli = try Self.withThoughtRecords()
        let report = try cli.run(["report", "c-017", "--out", cli.path("report.html")])
        #expect(report.status == 0, "\(report.stderr)")
        let html = try #require(contents(cli.path("report.html")))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("c-017") && !html.contains("Client 17"))
        let named = try cli.run([
            "report", "c-017", "--show-name", "--from", "2026-10-19", "--to", "2026-10-21",
            "--out", cli.path("named.html"),
        ])
        #expect(named.status == 0)
        #expect(contents(cli.path("named.html"))?.contains("Client 17") == true)

        let expected = [
            ("ics", "reminders.ics", "BEGIN:VCALENDAR\r\n"), ("fhir", "bundle.json", "{"),
            ("csv", "entries.csv", "assignmentID,"), ("json", "archive.json", "{"),
        ]
        for (format, file, start) in expected {
            let result = try cli.run(["export", format, "c-017", "--out", cli.path(file)])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(contents(cli.path(file))?.hasPrefix(start) == true, "\(format)")
        }
        // Two entries: a header and two lines, each ending in CRLF.
        #expect(contents(cli.path("entries.csv"))?.components(separatedBy: "\r\n").count == 4)
        let archive =
            try JSONSerialization.jsonObject(
                with: Data(try #require(contents(cli.path("archive.json"))).utf8)) as? [String: Any]
        #expect((archive?["entries"] as? [Any])?.count == 2)
    }

    @Test func dashWritesToStandardOutput() throws {
        let cli = try Self.withThoughtRecords()
        let result = try cli.run(["export", "ics", "c-017", "--out", "-"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(result.stdout.contains("RRULE:FREQ=DAILY;BYHOUR=20;BYMINUTE=0;UNTIL="))
    }

    @Test func failuresExitWithTheirStatusAndWriteNothing() throws {
        let cli = try Self.withThoughtRecords()
        try cli.run([
            "client", "add", "c-018", "--name", "Client 18", "--time-zone", "Europe/Berlin",
        ])
        let out = cli.path("out.txt")
        let cases: [([String], Int32)] = [
            (["report", "c-999", "--out", out], 66),  // unknown client
            (["export", "fhir", "c-999", "--out", out], 66),
            (["export", "ics", "c-018", "--out", out], 66),  // nothing to remind of
            (["report", "c-017", "--from", "2026-13-01", "--out", out], 65),  // not a date
            (["report", "c-017", "--from", "2026-02-30", "--out", out], 65),  // not a real day
            (["report", "c-017", "--from", "2026-10-21", "--to", "2026-10-19", "--out", out], 65),
            (["export", "pdf", "c-017", "--out", out], 64),  // no such format
            (["export", "csv", "c-017"], 64),  // --out is required
        ]
        for (arguments, status) in cases {
            let process = try cli.run(arguments)
            #expect(process.status == status, "\(arguments): \(process.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out), "\(arguments) wrote a file")
            // Usage errors too: one `carryover:` line, never a Swift value.
            #expect(process.errorLines.count == 1, "\(arguments): \(process.stderr)")
            #expect(process.stderr.hasPrefix("carryover: "), "\(arguments)")
            #expect(!process.stderr.contains("CommandFailure"), "\(arguments)")
            #expect(process.stdout.isEmpty)
        }
        // A folder that does not exist: EX_CANTCREAT, and a file already there stays as it was.
        let missing = try cli.run(["export", "csv", "c-017", "--out", cli.path("none/entries.csv")])
        #expect(missing.status == 73)
        try "keep".write(toFile: out, atomically: true, encoding: .utf8)
        #expect(try cli.run(["export", "json", "c-999", "--out", out]).status == 66)
        #expect(contents(out) == "keep")
    }
}
