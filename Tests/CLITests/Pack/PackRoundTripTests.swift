import Foundation
import Testing

/// The issue's round trip through the built binary: clinic A publishes the
/// example pack, practice B trusts A's key, installs, assigns and logs; then
/// the refusals (exit 77, practice unchanged) and a version upgrade.
@Suite struct PackRoundTripTests {
    /// This test's folder: clinic A's keys and packs beside the practices.
    let cli: CLIFixture

    init() throws { cli = try CLIFixture() }

    /// One activity-log entry in the 1.0.0 form (`note`), as a client logs it.
    static let entry = """
        {"activities": [{"activity": "Walk", "planned": true, "done": true, "pleasure": 6,
          "mastery": 4}, {"activity": "Call Sam", "planned": true, "done": false}],
         "note": "Felt better after the walk"}
        """

    @Test func publishTrustInstallAssignAndLog() throws {
        try ClinicA(cli: cli).publish(version: "1.0.0")
        let archive = cli.path("clinic-pack-1.0.0.tar")
        #expect(try cli.run(["init", cli.path("b")]).status == 0)
        let empty = cli.snapshot("b")

        // Not trusted yet: refused, nothing changes.
        let untrusted = try cli.run(["pack", "install", archive], practice: "b")
        #expect(untrusted.status == 77)
        #expect(untrusted.stderr.contains("does not trust"))
        #expect(cli.snapshot("b") == empty)

        let trust = try cli.run(
            ["pack", "trust", cli.path("clinic.pub"), "--name", "Clinic A"], practice: "b")
        #expect(trust.status == 0)
        let keyID = try #require(trust.stdout.split(separator: " ").dropFirst(2).first)
        let trusted = try json(cli.run(["pack", "trusted", "--json"], practice: "b"))
        #expect(
            trusted as? [[String: String]] == [
                ["keyID": String(keyID), "name": "Clinic A", "status": "trusted"]
            ])
        let inspected = try json(cli.run(["pack", "inspect", archive, "--json"], practice: "b"))
        let inspection = try #require(inspected as? [String: Any])
        #expect(inspection["id"] as? String == "org.exampleclinic.clinic-pack")
        #expect(inspection["trust"] as? String == "trusted")
        #expect(inspection["installable"] as? Bool == true)
        #expect((inspection["homework"] as? [Any])?.count == 2)

        #expect(try cli.run(["pack", "install", archive], practice: "b").status == 0)
        let listed = try json(cli.run(["pack", "list", "--json"], practice: "b"))
        let packs = try #require(listed as? [[String: Any]])
        #expect(packs.count == 1)
        #expect(packs.first?["version"] as? String == "1.0.0")
        #expect(packs.first?["pinned"] as? Bool == true)

        try assignAndLog(in: "b")
        #expect(try cli.run(["pack", "install", archive, "--locked"], practice: "b").status == 0)

        // A copy changed after signing, as a folder and as an archive: refused, B unchanged.
        let before = cli.snapshot("b")
        let records = try cli.run(["history", "c-017", "--json"], practice: "b").stdout
        try FileManager.default.copyItem(
            atPath: cli.path("pack-1.0.0"), toPath: cli.path("tampered"))
        try cli.edit(
            "tampered/activity-log/activity_log.lua", replacing: "Small steps count.",
            with: "Small steps count!")
        let tampered = try cli.run(["pack", "install", cli.path("tampered")], practice: "b")
        #expect(tampered.status == 77)
        #expect(tampered.stderr.contains("changed after signing"))
        var bytes = try Data(contentsOf: URL(fileURLWithPath: archive))
        let at = try #require(bytes.range(of: Data("Small steps count.".utf8)))
        bytes[at.upperBound - 1] = UInt8(ascii: "!")
        try bytes.write(to: URL(fileURLWithPath: cli.path("tampered.tar")))
        let tamperedArchive = try cli.run(
            ["pack", "install", cli.path("tampered.tar"), "--locked"], practice: "b")
        #expect(tamperedArchive.status == 77)
        #expect(cli.snapshot("b") == before)
        #expect(try cli.run(["history", "c-017", "--json"], practice: "b").stdout == records)
        #expect(try cli.run(["status", "c-017"], practice: "b").status == 0)
    }

    @Test func revokedAndUnknownKeysAreRefused() throws {
        let clinicA = ClinicA(cli: cli)
        try clinicA.publish(version: "1.0.0")
        let archive = cli.path("clinic-pack-1.0.0.tar")
        #expect(try cli.run(["init", cli.path("c")]).status == 0)
        let trust = try cli.run(
            ["pack", "trust", cli.path("clinic.pub"), "--name", "Clinic A"], practice: "c")
        let keyID = String(try #require(trust.stdout.split(separator: " ").dropFirst(2).first))
        #expect(try cli.run(["pack", "revoke", keyID], practice: "c").status == 0)
        let before = cli.snapshot("c")
        let revoked = try cli.run(["pack", "install", archive], practice: "c")
        #expect(revoked.status == 77)
        #expect(revoked.stderr.contains("revoked"))
        #expect(cli.snapshot("c") == before)
        // Trusting the key again is refused: the publisher must make a new one.
        #expect(
            try cli.run(
                ["pack", "trust", cli.path("clinic.pub"), "--name", "Clinic A"], practice: "c"
            ).status == 77)

        // A practice trusting only another publisher refuses A's pack too.
        #expect(try cli.run(["init", cli.path("d")]).status == 0)
        #expect(
            try cli.run([
                "pack", "keygen", "--public", cli.path("other.pub"), "--secret",
                cli.path("other.sec"),
            ]).status == 0)
        #expect(
            try cli.run(
                ["pack", "trust", cli.path("other.pub"), "--name", "Clinic C"], practice: "d"
            ).status == 0)
        let unknown = try cli.run(["pack", "install", archive], practice: "d")
        #expect(unknown.status == 77)
        #expect(
            try cli.run(["pack", "verify", archive, "--key", cli.path("other.pub")]).status == 77)
        #expect(
            try cli.run(["pack", "verify", archive, "--key", cli.path("clinic.pub")]).status == 0)

        // Revoked after install: the pack's types stop loading for new work; what
        // was logged with them stays readable, also once the assignment is abandoned.
        #expect(try cli.run(["init", cli.path("e")]).status == 0)
        _ = try cli.run(["pack", "trust", cli.path("clinic.pub"), "--name", "A"], practice: "e")
        #expect(try cli.run(["pack", "install", archive], practice: "e").status == 0)
        try assignAndLog(in: "e")
        #expect(try cli.run(["pack", "revoke", keyID], practice: "e").status == 0)
        let types = try cli.run(["types"], practice: "e")
        #expect(types.status == 0)
        #expect(types.stdout.contains("org.carryover.thought-record"))
        #expect(!types.stdout.contains("org.exampleclinic"))
        let refused = try logEntry(Self.entry, in: "e", at: "2026-12-01T18:30:00Z")
        #expect(refused.status == 77)
        #expect(refused.stderr.contains("which was revoked") && refused.errorLines.count == 1)
        try historyReads(in: "e")
        #expect(
            try cli.run(
                ["assignment", "abandon", "c-017-1", "--reason", "pack withdrawn"], practice: "e"
            ).status == 0)
        try historyReads(in: "e")
    }

    /// Status, the caseload, the report and the JSON export of c-017 work and
    /// name the activity log by its title.
    private func historyReads(in practice: String) throws {
        let status = try json(cli.run(["status", "c-017", "--json"], practice: practice))
        let assignments = (status as? [String: Any])?["assignments"] as? [[String: Any]]
        #expect(assignments?.first?["title"] as? String == "Activity log")
        #expect(try cli.run(["status"], practice: practice).status == 0)
        let report = try cli.run(
            ["report", "c-017", "--out", cli.path("report-\(practice).html")], practice: practice)
        #expect(report.status == 0, "\(report.stderr)")
        let export = try cli.run(["export", "json", "c-017", "--out", "-"], practice: practice)
        #expect(export.status == 0 && export.stdout.contains("Felt better after the walk"))
    }

    @Test func aFeedbackHookThatFailsStoresNothing() throws {
        let clinicA = ClinicA(cli: cli)
        try clinicA.publish(
            version: "1.0.0",
            edits: [
                (
                    "activity-log/activity_log.lua",
                    "  feedback = function(entry, params, scores)\n",
                    "  feedback = function(entry, params, scores)\n    while true do end\n"
                )
            ])
        #expect(try cli.run(["init", cli.path("f")]).status == 0)
        _ = try cli.run(["pack", "trust", cli.path("clinic.pub"), "--name", "A"], practice: "f")
        #expect(
            try cli.run(["pack", "install", cli.path("clinic-pack-1.0.0.tar")], practice: "f")
                .status == 0)
        _ = try cli.run(
            ["client", "add", "c-017", "--name", "Client 17", "--time-zone", "Europe/Berlin"],
            practice: "f")
        _ = try cli.run(
            ["assign", "c-017", "org.exampleclinic.activity-log", "--schedule", "daily at 20:00"],
            practice: "f")
        let audit = try cli.run(["audit", "--json"], practice: "f").stdout
        let failed = try logEntry(Self.entry, in: "f", at: "2026-11-30T18:30:00Z")
        #expect(failed.status == 69)
        #expect(failed.errorLines.count == 1)
        #expect(failed.stderr.contains("the feedback hook of org.exampleclinic.activity-log 1.0.0"))
        #expect(failed.stderr.contains("limit") && failed.stderr.contains("nothing was saved"))
        let history = try json(cli.run(["history", "c-017", "--all", "--json"], practice: "f"))
        #expect((history as? [Any])?.isEmpty == true)
        #expect(try cli.run(["audit", "--json"], practice: "f").stdout == audit)
    }

    @Test func upgradeKeepsOldEntriesAndMigratesCopies() throws {
        let clinicA = ClinicA(cli: cli)
        try clinicA.publish(version: "1.0.0")
        try clinicA.publish(version: "1.1.0")
        #expect(try cli.run(["init", cli.path("b")]).status == 0)
        _ = try cli.run(["pack", "trust", cli.path("clinic.pub"), "--name", "A"], practice: "b")
        #expect(
            try cli.run(["pack", "install", cli.path("clinic-pack-1.0.0.tar")], practice: "b")
                .status == 0)
        try assignAndLog(in: "b")

        let upgraded = try cli.run(
            ["pack", "upgrade", cli.path("clinic-pack-1.1.0.tar")], practice: "b",
            now: "2026-12-01T08:00:00Z")
        #expect(upgraded.status == 0)
        #expect(upgraded.stdout.contains("c-017-1 still uses org.exampleclinic.activity-log 1.0.0"))
        let pinned = try json(cli.run(["pack", "list", "--json"], practice: "b"))
        #expect(
            (pinned as? [[String: Any]])?.map {
                "\($0["version"] as? String ?? "") \($0["pinned"] as? Bool ?? false)"
            }
                == ["1.0.0 false", "1.1.0 true"])
        // The running assignment still takes the 1.0.0 form.
        #expect(try logEntry(Self.entry, in: "b", at: "2026-12-01T18:30:00Z").status == 0)

        let moved = try json(
            cli.run(
                [
                    "assignment", "upgrade", "c-017-1", "--to", "1.1.0", "--reason",
                    "clinic's new form", "--migrate-entries", "--json",
                ], practice: "b", now: "2026-12-02T08:00:00Z"))
        let upgrade = try #require(moved as? [String: Any])
        #expect(upgrade["fromVersion"] as? String == "1.0.0")
        let copies = try #require(upgrade["migrated"] as? [[String: Any]])
        #expect(copies.count == 2)
        #expect(
            copies.allSatisfy {
                let fields = $0["fields"] as? [String: Any]
                return fields?["reflection"] as? String == "Felt better after the walk"
                    && fields?["note"] == nil && $0["toVersion"] as? String == "1.1.0"
            })

        // What was logged is unchanged: both entries keep their note and version 1.0.0.
        let history = try json(cli.run(["history", "c-017", "--json"], practice: "b"))
        let entries = try #require(history as? [[String: Any]])
        #expect(entries.map { $0["homeworkVersion"] as? String } == ["1.0.0", "1.0.0"])
        #expect(
            entries.allSatisfy {
                ($0["fields"] as? [String: Any])?["note"] as? String == "Felt better after the walk"
            })
        // From now on the assignment takes 1.1.0's form only.
        let newForm = Self.entry.replacingOccurrences(of: "\"note\"", with: "\"reflection\"")
        #expect(try logEntry(newForm, in: "b", at: "2026-12-02T18:30:00Z").status == 0)
        #expect(try logEntry(Self.entry, in: "b", at: "2026-12-02T18:40:00Z").status == 65)
        let shown = try cli.run(["assignment", "show", "c-017-1"], practice: "b")
        #expect(shown.stdout.contains("homework version 1.0.0 -> 1.1.0; 2 old entries migrated"))
        // Each entry checked under its own version, old ones beside their copies.
        let checked = try json(
            cli.run(["assignment", "entries", "c-017-1", "--json"], practice: "b"))
        let rows = try #require(checked as? [[String: Any]])
        #expect(rows.map { $0["version"] as? String } == ["1.0.0", "1.0.0", "1.1.0"])
        #expect(rows.allSatisfy { ($0["problems"] as? [Any])?.isEmpty == true })
        #expect(
            rows.map { ($0["migrated"] as? [String: Any])?["toVersion"] as? String }
                == ["1.1.0", "1.1.0", nil])
        // Entries were logged with 1.0.0: removing it is refused unless asked for.
        let id = "org.exampleclinic.clinic-pack"
        let remove = try cli.run(["pack", "remove", id, "--pack-version", "1.0.0"], practice: "b")
        #expect(remove.status == 1)
        #expect(remove.stderr.contains("c-017-1"))
        #expect(
            try cli.run(
                ["pack", "remove", id, "--pack-version", "1.0.0", "--even-if-used"], practice: "b"
            ).status == 0)
        #expect(
            try cli.run(["assignment", "entries", "c-017-1"], practice: "b").status == 66)
    }

    /// Adds client c-017, assigns the pack's activity log and logs one entry.
    private func assignAndLog(in practice: String) throws {
        #expect(
            try cli.run(
                [
                    "client", "add", "c-017", "--name", "Client 17", "--time-zone",
                    "Europe/Berlin",
                ], practice: practice
            ).status == 0)
        let assigned = try cli.run(
            [
                "assign", "c-017", "org.exampleclinic.activity-log", "--schedule",
                "daily at 20:00 for 3 weeks",
            ], practice: practice)
        #expect(assigned.status == 0)
        #expect(assigned.stdout.contains("c-017-1"))
        let logged = try logEntry(Self.entry, in: practice, at: "2026-11-30T18:30:00Z")
        #expect(logged.status == 0)
    }

    private func logEntry(_ text: String, in practice: String, at now: String) throws
        -> CLIResult
    {
        let file = "entry-\(UUID().uuidString).json"
        return try cli.run(
            ["log", "c-017-1", "--file", cli.file(file, text)], practice: practice, now: now)
    }

    private func json(_ outcome: CLIResult) throws -> Any {
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try outcome.json()
    }
}
