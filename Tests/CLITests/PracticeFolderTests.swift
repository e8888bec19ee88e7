import Foundation
import Testing

/// `init`, `backup` and what every command does without a practice.
@Suite struct PracticeFolderTests {
    @Test func initCreatesAPrivatePractice() throws {
        let fixture = try CLIFixture()
        let result = try fixture.ok(["init"])
        #expect(result.stdout == "Created a practice in \(fixture.practice.path)\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: fixture.practice.path)
        // Health records: the folder is the owner's alone (rwx------ = 0o700).
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
    }

    @Test func initTakesAFolderArgumentOverTheEnvironment() throws {
        let fixture = try CLIFixture()
        let elsewhere = fixture.root.appending(path: "other").path
        try fixture.ok(["init", elsewhere])
        #expect(FileManager.default.fileExists(atPath: elsewhere))
        try fixture.ok(["client", "list", "--practice", elsewhere])
    }

    @Test func initTwiceIsRefusedWithExit73() throws {
        let fixture = try CLIFixture()
        try fixture.ok(["init"])
        try fixture.fails(
            ["init"], status: Exit.exists, saying: "a practice already exists",
            fixture.practice.path)
    }

    @Test(arguments: [
        ["client", "list"], ["status"], ["types"], ["history", "c-017"],
        ["log", "c-017-1", "--set", "mood=5"], ["assign", "c-017", "x", "--schedule", "daily"],
    ])
    func everyCommandWithoutAPracticeSaysHowToCreateOne(arguments: [String]) throws {
        let fixture = try CLIFixture()
        try fixture.fails(
            arguments, status: Exit.notFound, saying: "no practice in", "carryover init")
    }

    @Test func backupWritesAPrivateCopyThatOpensAsAPractice() throws {
        let fixture = try CLIFixture.withClient()
        let copy = fixture.root.appending(path: "copy")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        // A practice folder is found by its practice.sqlite (Practice.databaseName).
        let target = copy.appending(path: "practice.sqlite").path
        let result = try fixture.ok(["backup", target])
        #expect(result.stdout == "Backed up to \(target)\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let clients = try fixture.ok(["client", "list", "--json", "--practice", copy.path])
            .objects()
        #expect(clients.map { $0["id"] as? String } == ["c-017"])
    }

    @Test func backupOverAnExistingFileIsRefused() throws {
        let fixture = try CLIFixture.withClient()
        let target = try fixture.file("taken.sqlite", "keep me")
        try fixture.fails(["backup", target], status: Exit.refused, saying: "already exists")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
    }
}
