import Foundation
import Testing

/// Each pack command's failures through the binary: one line on standard
/// error and the documented status (64 usage, 65 invalid, 66 not found,
/// 77 signature, trust or lock refused).
@Suite struct PackCommandErrorTests {
    /// This test's folder: clinic A's keys and packs beside the practices.
    let cli: CLIFixture

    init() throws { cli = try CLIFixture() }

    /// `--version` is every command's "show carryover's version"; the pack's
    /// own version is `--pack-version`, so the two no longer collide.
    @Test(arguments: [["pack", "create"], ["pack", "remove"]])
    func thePackVersionOptionDoesNotCollideWithVersion(_ command: [String]) throws {
        let help = try cli.run(command + ["--help"]).stdout
        #expect(help.contains("--pack-version <pack-version>"))
        let versionLines = help.split(separator: "\n").filter { $0.contains("--version") }
        #expect(
            versionLines.map { $0.trimmingCharacters(in: .whitespaces) } == [
                "--version               Show the version."
            ])
        #expect(try cli.run(command + ["--version"]).stdout == "0.1.0\n")
    }

    @Test func publisherMistakes() throws {
        try ClinicA(cli: cli).publish(version: "1.0.0")
        let keygenAgain = try cli.run([
            "pack", "keygen", "--public", cli.path("clinic.pub"), "--secret", cli.path("x.sec"),
        ])
        #expect(keygenAgain.status == 65)
        #expect(keygenAgain.stderr.contains("exists"))
        #expect(try cli.run(["pack", "create", cli.path("new")]).status == 64)
        let badID = try cli.run([
            "pack", "create", cli.path("new"), "--id", "Clinic", "--pack-version", "1.0.0",
            "--publisher", "A", "--key", cli.path("clinic.pub"), "--license", "CC-BY-4.0",
        ])
        #expect(badID.status == 65)
        #expect(badID.stderr.contains("reverse-DNS"))
        try FileManager.default.createDirectory(
            atPath: cli.path("empty"), withIntermediateDirectories: true)
        #expect(try cli.run(["pack", "build", cli.path("empty")]).status == 65)

        // Signing with another key than pack.toml names is refused.
        _ = try cli.run([
            "pack", "keygen", "--public", cli.path("other.pub"), "--secret", cli.path("other.sec"),
        ])
        let wrongKey = try cli.run([
            "pack", "sign", cli.path("pack-1.0.0"), "--secret", cli.path("other.sec"),
        ])
        #expect(wrongKey.status == 77)
        #expect(wrongKey.errorLines.count == 1)
        #expect(
            try cli.run([
                "pack", "verify", cli.path("missing.tar"), "--key", cli.path("clinic.pub"),
            ])
            .status == 66)

        // A file edited after signing: archive refuses, inspect explains, changes nothing.
        try cli.edit("pack-1.0.0/README.md", replacing: "Example", with: "Exemplary")
        #expect(
            try cli.run(["pack", "archive", cli.path("pack-1.0.0"), "--out", cli.path("x.tar")])
                .status == 77)
        #expect(try cli.run(["init", cli.path("p")]).status == 0)
        let inspect = try cli.run(
            ["pack", "inspect", cli.path("pack-1.0.0"), "--json"], practice: "p")
        #expect(inspect.status == 0)
        let inspection = try inspect.object()
        #expect(inspection["installable"] as? Bool == false)
        #expect(inspection["trust"] as? String == "unknown")
        #expect((inspection["problem"] as? [String: Any])?["code"] as? String == "untrusted-key")
    }

    @Test func practiceMistakes() throws {
        let clinicA = ClinicA(cli: cli)
        try clinicA.publish(version: "1.0.0")
        try clinicA.publish(version: "1.1.0")
        let first = cli.path("clinic-pack-1.0.0.tar")
        let second = cli.path("clinic-pack-1.1.0.tar")
        #expect(try cli.run(["pack", "list"], practice: "nowhere").status == 66)
        #expect(try cli.run(["init", cli.path("p")]).status == 0)
        #expect(try cli.run(["pack", "revoke", "not-a-key"], practice: "p").status == 65)
        #expect(try cli.run(["pack", "revoke", "0123456789abcdef"], practice: "p").status == 66)
        _ = try cli.run(["pack", "trust", cli.path("clinic.pub"), "--name", "A"], practice: "p")
        #expect(try cli.run(["pack", "upgrade", second], practice: "p").status == 66)
        #expect(try cli.run(["pack", "install", first], practice: "p").status == 0)
        // An installed pack changes version only through upgrade.
        #expect(try cli.run(["pack", "install", second], practice: "p").status == 65)
        #expect(try cli.run(["pack", "upgrade", second], practice: "p").status == 0)
        #expect(try cli.run(["pack", "upgrade", first], practice: "p").status == 65)
        // The lockfile now pins 1.1.0: a locked install of 1.0.0 is refused.
        #expect(try cli.run(["pack", "install", first, "--locked"], practice: "p").status == 77)
        let id = "org.exampleclinic.clinic-pack"
        #expect(
            try cli.run(["pack", "remove", id, "--pack-version", "1.1.0"], practice: "p").status
                == 65)
        #expect(try cli.run(["pack", "remove", "org.example.none"], practice: "p").status == 66)
        #expect(
            try cli.run(["pack", "upgrade", first, "--allow-downgrade"], practice: "p").status == 0)
        #expect(
            try cli.run(["pack", "remove", id, "--pack-version", "1.1.0"], practice: "p").status
                == 0)
        let listed = try cli.run(["pack", "list"], practice: "p")
        #expect(listed.stdout.contains("\(id)  1.0.0"))
        #expect(!listed.stdout.contains("1.1.0"))
        #expect(try cli.run(["pack", "remove", id], practice: "p").status == 0)
        #expect(try cli.run(["pack", "list"], practice: "p").stdout == "No packs installed.\n")

        let unknown = try cli.run(
            ["assignment", "upgrade", "c-9-1", "--to", "1.1.0", "--reason", "r"], practice: "p")
        #expect(unknown.status == 66)
        #expect(
            try cli.run(["assignment", "upgrade", "c-9-1", "--to", "1.1.0"], practice: "p").status
                == 64)
    }
}
