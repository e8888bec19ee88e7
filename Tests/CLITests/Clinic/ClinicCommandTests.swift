import Foundation
import Testing

/// Issue 18 through the binary: on a clinic's PostgreSQL each therapist
/// signs in with their own credentials, and the database decides what they
/// see. Ben is told of Ana's client exactly what he is told of a client that
/// does not exist; Sam reads his supervisee's client and changes nothing; the
/// admin manages accounts and caseloads and reads no record; the journal
/// names the account signed in, whatever `--as` says. Runs under
/// `.ci/postgres.sh`; on SQLite the account commands say what they need.
@Suite struct ClinicCommandTests {
    static var server: Bool { ClinicCLI.ownerURL != nil }

    /// Every command a therapist could turn on a client, its assignments and
    /// an entry (ids as given), with a report and exports written to `folder`.
    static func everyCommand(
        client: String, phq9: String, moodLog: String, entry: String, flag: String, folder: String
    ) -> [[String]] {
        [
            ["status", client], ["status", client, "--json"], ["history", client],
            ["report", client, "--out", "\(folder)/r.html"],
            ["export", "json", client, "--out", "\(folder)/e.json"],
            ["export", "csv", client, "--out", "\(folder)/e.csv"],
            ["export", "fhir", client, "--out", "\(folder)/e.fhir.json"],
            ["export", "ics", client, "--out", "\(folder)/e.ics"],
            ["goal", "list", client], ["goal", "add", client, "--title", "Walk more"],
            ["assign", client, "org.carryover.mood-log", "--schedule", "daily at 21:00"],
            ["client", "edit", client, "--name", "Renamed"],
            ["client", "discharge", client, "--reason", "moved away"],
            ["flags", "list", client], ["flags", "ack", flag, "--note", "seen"],
            ["audit", "--client", client],
            ["assignment", "show", phq9], ["assignment", "pause", phq9, "--reason", "holiday"],
            ["assignment", "modify", phq9, "--schedule", "daily at 20:00", "--reason", "x"],
            ["assignment", "complete", phq9, "--reason", "done"],
            ["log", moodLog, "--set", "mood=5"], ["rewards", "show", moodLog],
            ["rewards", "redeem", moodLog, "movie-night"],
            ["entry", "show", entry], ["entry", "void", entry, "--reason", "wrong client"],
            ["entry", "amend", entry, "--set", "item9=0", "--reason", "typo"],
        ]
    }

    @Test(.enabled(if: server))
    func anotherTherapistIsToldWhatAMissingClientWouldTell() throws {
        let clinic = try ClinicCLI.make()
        let flag = try Self.openFlag(clinic)
        let before = try clinic.ok(clinic.ana, ["history", clinic.client, "--json"]).stdout
        let fake = "c-nobody-\(UUID().uuidString.prefix(8).lowercased())"
        let fakeEntry = UUID().uuidString.lowercased()
        let real = Self.everyCommand(
            client: clinic.client, phq9: clinic.phq9, moodLog: clinic.moodLog, entry: clinic.entry,
            flag: flag, folder: clinic.cli.root.path)
        let missing = Self.everyCommand(
            client: fake, phq9: "\(fake)-1", moodLog: "\(fake)-2", entry: fakeEntry, flag: "999999",
            folder: clinic.cli.root.path)
        for (arguments, twin) in zip(real, missing) {
            let result = try clinic.run(clinic.ben, arguments)
            let told = try clinic.run(clinic.ben, twin)
            let said = result.stderr.replacingOccurrences(of: clinic.client, with: fake)
                .replacingOccurrences(of: clinic.entry, with: fakeEntry)
                .replacingOccurrences(of: "'\(flag)'", with: "'999999'")
            #expect(
                result.status == 66 && result.errorLines.count == 1,
                "\(arguments): \(result.stderr)")
            #expect(result.status == told.status && said == told.stderr, "\(arguments)")
            #expect(!result.stdout.contains("Client of Ana") && !result.stderr.contains(clinic.ana))
        }
        #expect(try clinic.ok(clinic.ana, ["history", clinic.client, "--json"]).stdout == before)
        #expect(
            !FileManager.default.fileExists(atPath: clinic.cli.root.appending(path: "r.html").path))
        #expect(try clinic.ok(clinic.ben, ["client", "list"]).stdout.contains("No clients"))
    }

    @Test(.enabled(if: server))
    func aSupervisorReadsTheSuperviseesClientAndChangesNothing() throws {
        let clinic = try ClinicCLI.make()
        let flag = try Self.openFlag(clinic)
        let before = try clinic.ok(clinic.ana, ["history", clinic.client, "--json"]).stdout
        #expect(try clinic.ok(clinic.sam, ["client", "list"]).stdout.contains(clinic.client))
        #expect(try clinic.ok(clinic.sam, ["status", clinic.client]).stdout.contains("RISK"))
        #expect(try clinic.ok(clinic.sam, ["history", clinic.client, "--json"]).stdout == before)
        try clinic.ok(clinic.sam, ["report", clinic.client, "--out", clinic.cli.path("sam.html")])
        try clinic.ok(clinic.sam, ["audit", "--client", clinic.client])
        let changes: [[String]] = [
            ["log", clinic.moodLog, "--set", "mood=5"],
            ["client", "edit", clinic.client, "--name", "Renamed"],
            ["client", "discharge", clinic.client, "--reason", "moved away"],
            ["goal", "add", clinic.client, "--title", "Walk more"],
            ["assign", clinic.client, "org.carryover.mood-log", "--schedule", "daily at 21:00"],
            ["assignment", "pause", clinic.phq9, "--reason", "holiday"],
            ["rewards", "redeem", clinic.moodLog, "movie-night"],
            ["entry", "void", clinic.entry, "--reason", "wrong client"],
            ["entry", "amend", clinic.entry, "--set", "item9=0", "--reason", "typo"],
            ["flags", "ack", flag, "--note", "seen"],
        ]
        for arguments in changes {
            let result = try clinic.fails(clinic.sam, arguments, status: 77)
            #expect(result.stderr.contains("nothing was written"), "\(arguments): \(result.stderr)")
        }
        #expect(try clinic.ok(clinic.ana, ["history", clinic.client, "--json"]).stdout == before)
        #expect(try Self.openFlag(clinic) == flag)
    }

    @Test(.enabled(if: server))
    func anAdminManagesAccountsAndCaseloadsAndReadsNoRecord() throws {
        let clinic = try ClinicCLI.make()
        #expect(try clinic.ok(clinic.admin, ["client", "list"]).stdout.contains("No clients"))
        try clinic.fails(clinic.admin, ["status", clinic.client], status: 66)
        try clinic.fails(clinic.admin, ["history", clinic.client], status: 66)
        let accounts = try clinic.ok(clinic.admin, ["account", "list", "--json"]).objects()
        let mine = accounts.filter {
            [clinic.admin, clinic.ana, clinic.ben, clinic.sam].contains($0["id"] as? String)
        }
        #expect(
            mine.map { $0["role"] as? String } == ["admin", "therapist", "therapist", "supervisor"])
        let holdings = try clinic.ok(clinic.admin, ["caseload", "list", "--json"]).objects()
        #expect(
            holdings.contains {
                $0["clientID"] as? String == clinic.client
                    && $0["therapist"] as? String == clinic.ana
            })
        // Ana leaves: her client moves to Ben, who now reads all of it; Ana reads none.
        let moved = try clinic.ok(
            clinic.admin,
            ["caseload", "assign", clinic.client, clinic.ben, "--reason", "Ana on leave"])
        #expect(
            moved.stdout.contains(
                "Moved client \(clinic.client) from \(clinic.ana) to \(clinic.ben)"))
        #expect(try clinic.ok(clinic.ben, ["status", clinic.client]).stdout.contains("RISK"))
        try clinic.fails(clinic.ana, ["status", clinic.client], status: 66)
        let history = try clinic.ok(clinic.ben, ["caseload", "history", clinic.client, "--json"])
            .objects()
        #expect(history.map { $0["to"] as? String } == [clinic.ana, clinic.ben])
        #expect(history.last?["actor"] as? String == clinic.admin)
        let journal = try clinic.ok(
            clinic.ben, ["audit", "--client", clinic.client, "--action", "caseload", "--json"]
        ).objects()
        #expect(journal.map { $0["action"] as? String } == ["caseload.assign", "caseload.move"])
        #expect(journal.map { $0["actor"] as? String } == [clinic.ana, clinic.admin])
        // Disabled, Ana can no longer sign in.
        try clinic.ok(clinic.admin, ["account", "disable", clinic.ana])
        try clinic.fails(clinic.ana, ["client", "list"], status: 74)
    }

    @Test(.enabled(if: server))
    func onlyAnAdminManagesAccountsAndCaseloads() throws {
        let clinic = try ClinicCLI.make()
        for account in [clinic.ana, clinic.sam] {
            for arguments in [
                [
                    "account", "add", "x-\(UUID().uuidString.prefix(6).lowercased())", "--name",
                    "X", "--role", "admin",
                ],
                ["account", "role", account, "admin"], ["account", "disable", clinic.ben],
                ["account", "supervise", clinic.sam, clinic.ben],
                ["caseload", "assign", clinic.client, account, "--reason", "mine now"],
            ] {
                let refused = try clinic.fails(account, arguments, status: 77)
                #expect(refused.stderr.contains("admin"), "\(refused.stderr)")
            }
        }
        try clinic.ok(clinic.ana, ["status", clinic.client])
    }

    @Test(.enabled(if: server))
    func theJournalNamesTheSignedInAccountNotTheNameGiven() throws {
        let clinic = try ClinicCLI.make()
        let refused = try clinic.fails(
            clinic.ana, ["log", clinic.moodLog, "--set", "mood=4", "--as", clinic.ben], status: 77)
        #expect(refused.stderr.contains("--as"))
        let env = try clinic.run(
            clinic.ana, ["log", clinic.moodLog, "--set", "mood=4"],
            environment: ["CARRYOVER_ACTOR": clinic.ben])
        #expect(env.status == 77)
        try clinic.ok(clinic.ana, ["log", clinic.moodLog, "--set", "mood=4", "--as", clinic.ana])
        let journal = try clinic.ok(clinic.ana, ["audit", "--client", clinic.client, "--json"])
            .objects()
        #expect(Set(journal.compactMap { $0["actor"] as? String }) == [clinic.ana])
        let entries = try clinic.ok(clinic.ana, ["history", clinic.client, "--json"]).objects()
        #expect(entries.count == 3)
        #expect(Set(entries.compactMap { $0["recordedBy"] as? String }) == [clinic.ana])
        let who = try clinic.ok(clinic.ana, ["account", "whoami", "--json"]).object()
        #expect((who["account"] as? [String: Any])?["id"] as? String == clinic.ana)
        #expect(try clinic.ok(nil, ["account", "whoami"]).stdout.contains("owner"))
    }

    @Test(.enabled(if: server))
    func aNewAccountSignsInWithThePasswordItWasGiven() throws {
        let clinic = try ClinicCLI.make()
        let id = "cnew-\(UUID().uuidString.prefix(8).lowercased())"
        let added = try clinic.ok(
            clinic.admin, ["account", "add", id, "--name", "New", "--role", "therapist"])
        let line = try #require(
            added.stdout.split(separator: "\n").first { $0.contains("shown once") })
        let password = try #require(line.split(separator: " ").last.map(String.init))
        #expect(password.count == 24)
        var components = URLComponents(string: clinic.owner)!
        components.user = id
        components.password = password
        let whoami = try clinic.cli.run(
            ["account", "whoami"], environment: ["CARRYOVER_DATABASE_URL": components.string!])
        #expect(whoami.stdout.contains("Signed in as \(id) (therapist)"), "\(whoami.stderr)")
    }

    @Test func onSQLiteTheAccountCommandsSayTheyNeedAClinicDatabase() throws {
        let cli = try CLIFixture.withClient()
        for arguments in [["account", "list"], ["caseload", "list"], ["account", "whoami"]] {
            try cli.fails(
                arguments, status: 74, saying: "PostgreSQL", "SQLite practice has one therapist")
        }
    }

    /// The open risk flag of Ana's PHQ-9, as Ana lists it.
    static func openFlag(_ clinic: ClinicCLI) throws -> String {
        let flags = try clinic.ok(clinic.ana, ["flags", "list", clinic.client, "--json"]).objects()
        return String(try #require(flags.first?["id"] as? Int))
    }
}
