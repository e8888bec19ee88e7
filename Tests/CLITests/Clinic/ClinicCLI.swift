import Foundation
import Testing

/// A clinic on the test server (`CARRYOVER_TEST_POSTGRES_URL`, the owner's
/// URL; the binary built with the Postgres trait) driven through the
/// binary: an admin, therapists Ana and Ben, Sam who supervises Ana, each
/// signing in with their own user and password in `CARRYOVER_DATABASE_URL`.
/// Ana's client has a PHQ-9 with an open risk flag and a mood log with
/// tokens. Account and client ids carry a random suffix: the server's
/// roles and the default schema outlive one run.
struct ClinicCLI {
    static var ownerURL: String? {
        ProcessInfo.processInfo.environment["CARRYOVER_TEST_POSTGRES_URL"]
    }
    static let password = "correct-horse-battery-7"

    let cli: CLIFixture
    let owner: String
    let admin: String
    let ana: String
    let ben: String
    let sam: String
    /// Ana's client, its PHQ-9 and mood log, and the PHQ-9's risky entry.
    let client: String
    var phq9: String { "\(client)-1" }
    var moodLog: String { "\(client)-2" }
    let entry: String

    static func make() throws -> ClinicCLI {
        let owner = try #require(ownerURL)
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let cli = try CLIFixture(now: "2026-11-30T08:00:00Z")
        let ids = (admin: "cadmin-\(suffix)", ana: "cana-\(suffix)", ben: "cben-\(suffix)")
        var clinic = ClinicCLI(
            cli: cli, owner: owner, admin: ids.admin, ana: ids.ana, ben: ids.ben,
            sam: "csam-\(suffix)", client: "c-ana-\(suffix)", entry: "")
        try clinic.ok(nil, ["init"])
        try clinic.ok(
            nil,
            [
                "account", "add", clinic.admin, "--name", "Admin", "--role", "admin",
                "--password-stdin",
            ],
            input: password + "\n")
        for (id, role) in [
            (clinic.ana, "therapist"), (clinic.ben, "therapist"), (clinic.sam, "supervisor"),
        ] {
            try clinic.ok(
                clinic.admin,
                ["account", "add", id, "--name", id, "--role", role, "--password-stdin"],
                input: password + "\n")
        }
        try clinic.ok(clinic.admin, ["account", "supervise", clinic.sam, clinic.ana])
        try clinic.ok(
            clinic.ana,
            [
                "client", "add", clinic.client, "--name", "Client of Ana", "--time-zone",
                "Europe/Berlin",
            ])
        try clinic.ok(
            clinic.ana,
            ["assign", clinic.client, "org.carryover.phq9", "--schedule", "weekly on mon at 19:00"])
        try clinic.ok(
            clinic.ana,
            [
                "assign", clinic.client, "org.carryover.mood-log", "--schedule", "daily at 21:00",
                "--reinforce", "token economy", "--reward", "Movie night=1",
            ])
        let logged = try clinic.ok(
            clinic.ana,
            ["log", clinic.phq9, "--json"] + (1...8).flatMap { ["--set", "item\($0)=1"] } + [
                "--set", "item9=2",
            ],
            now: "2026-11-30T17:00:00Z"
        ).object()
        try clinic.ok(
            clinic.ana, ["log", clinic.moodLog, "--set", "mood=6"], now: "2026-11-30T20:00:00Z")
        clinic = ClinicCLI(
            cli: cli, owner: owner, admin: clinic.admin, ana: clinic.ana, ben: clinic.ben,
            sam: clinic.sam, client: clinic.client,
            entry: try #require(logged["entryID"] as? String))
        return clinic
    }

    /// The owner's URL with `account`'s user and password (`nil`: the owner's).
    func url(_ account: String?) -> String {
        guard let account else { return owner }
        var components = URLComponents(string: owner)!
        components.user = account
        components.password = Self.password
        return components.string!
    }

    /// Runs `carryover` signed in as `account` (`nil`: the owner).
    @discardableResult
    func run(
        _ account: String?, _ arguments: [String], input: String = "", now: String? = nil,
        environment: [String: String] = [:]
    ) throws -> CLIResult {
        try cli.run(
            arguments, input: input, now: now,
            environment: environment.merging(["CARRYOVER_DATABASE_URL": url(account)]) { given, _ in
                given
            })
    }

    @discardableResult
    func ok(
        _ account: String?, _ arguments: [String], input: String = "", now: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CLIResult {
        let result = try run(account, arguments, input: input, now: now)
        #expect(
            result.status == 0,
            "\(account ?? "owner"): carryover \(arguments.joined(separator: " ")): \(result.stderr)",
            sourceLocation: sourceLocation)
        return result
    }

    /// Runs a command that must fail with `status` and one line on standard error.
    @discardableResult
    func fails(
        _ account: String?, _ arguments: [String], status: Int32, input: String = "",
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CLIResult {
        let result = try run(account, arguments, input: input)
        #expect(
            result.status == status && result.errorLines.count == 1,
            "\(account ?? "owner"): carryover \(arguments.joined(separator: " ")): \(result.status) \(result.stderr)",
            sourceLocation: sourceLocation)
        return result
    }
}
