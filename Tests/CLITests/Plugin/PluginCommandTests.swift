import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// End-to-end: the built binary, each `plugin` command, success and error
/// paths with their exit statuses (0 fine, 1 findings, 65 unusable plugin or
/// input, 64 bad arguments as swift-argument-parser reports them).
@Suite struct PluginCommandTests {
    private let ladder = packageRoot.appending(path: "Modalities/exposure-ladder").path
    /// Each test's own folder for the plugins and files it makes.
    private let cli: CLIFixture

    init() throws { cli = try CLIFixture() }

    @Test func newWritesAScaffoldThatLintsTestsAndRefusesToOverwrite() throws {
        let folder = cli.path("walks")
        let created = try cli.run([
            "plugin", "new", folder, "--id", "org.clinic.walks", "--title", "Daily walks",
        ])
        #expect(created.status == 0)
        #expect(created.stdout.contains("walks.lua"))
        #expect(created.stdout.contains("carryover.d.lua"))
        let lint = try cli.run(["plugin", "lint", folder])
        #expect(lint.status == 0)
        #expect(lint.stdout.hasSuffix("org.clinic.walks: 0 error(s), 0 warning(s)\n"))
        let again = try cli.run([
            "plugin", "new", folder, "--id", "org.clinic.walks", "--title", "Daily walks",
        ])
        #expect(again.status == 65)
        #expect(again.stderr.contains("already exists"))
        let badID = try cli.run([
            "plugin", "new", cli.path("x"), "--id", "Walks", "--title", "W",
        ])
        #expect(badID.status == 65)
        #expect(badID.stderr.contains("reverse-DNS"))
    }

    @Test func lintExitsByItsFindings() throws {
        #expect(try cli.run(["plugin", "lint", ladder]).status == 0)
        let manifest = try cli.file(
            "broken/homework.toml",
            "id = \"org.clinic.broken\"\nversion = \"1\"\ntitle = \"B\"\nmain = \"gone.lua\"\n")
        let broken = try cli.run([
            "plugin", "lint", (manifest as NSString).deletingLastPathComponent,
        ])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("homework.toml:4: error: main file 'gone.lua' is missing"))
        #expect(broken.stdout.contains("homework.toml:2: error: version '1' is not semantic"))
        let missing = try cli.run(["plugin", "lint", cli.path("nowhere")])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("no readable homework.toml"))
    }

    @Test func testReportsForPeopleTAPAndJUnit() throws {
        let human = try cli.run(["plugin", "test", ladder])
        #expect(human.status == 0)
        #expect(human.stdout.contains("10 passed, 0 failed"))
        let tap = try cli.run(["plugin", "test", ladder, "--format", "tap"])
        #expect(tap.stdout.hasPrefix("TAP version 14\n1..10\nok 1 - "))
        let junit = try cli.run(["plugin", "test", ladder, "--format", "junit"])
        #expect(XMLParser(data: Data(junit.stdout.utf8)).parse())

        let folder = cli.path("failing")
        _ = try cli.run([
            "plugin", "new", folder, "--id", "org.clinic.failing", "--title", "Failing",
        ])
        let spec = folder + "/tests/failing_spec.lua"
        try Data(#"it("wrong sum", function() assert.are.equal(5, 2 + 2) end)"#.utf8).write(
            to: URL(fileURLWithPath: spec))
        let failing = try cli.run(["plugin", "test", folder, "--format", "tap"])
        #expect(failing.status == 1)
        #expect(
            failing.stdout.contains(
                "not ok 1 - wrong sum\n  ---\n  at: \"tests/failing_spec.lua:1\""))
        #expect(failing.stdout.contains("  expected: \"5\"\n  actual: \"4\""))
        let badFormat = try cli.run(["plugin", "test", ladder, "--format", "xml"])
        #expect(badFormat.status == 64)
    }

    @Test func fuzzFindsABugAndPrintsATestCase() throws {
        let worry = packageRoot.appending(path: "Examples/clinic-pack/worry-time").path
        let clean = try cli.run(["plugin", "fuzz", worry, "--runs", "200", "--seed", "3"])
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("200 runs (seed 3)"))

        let folder = cli.path("buggy")
        _ = try cli.run([
            "plugin", "new", folder, "--id", "org.clinic.buggy", "--title", "Buggy",
        ])
        let main = folder + "/buggy.lua"
        let lua = try String(contentsOfFile: main, encoding: .utf8).replacingOccurrences(
            of: "return string.format(\"You practised %d minutes. Well done.\", entry.minutes)",
            with: "return entry.note:upper()")
        try Data(lua.utf8).write(to: URL(fileURLWithPath: main))
        let buggy = try cli.run(["plugin", "fuzz", folder, "--runs", "300"])
        #expect(buggy.status == 1)
        #expect(buggy.stdout.contains("runtime-error in feedback"))
        #expect(buggy.stdout.contains("attempt to index a nil value (field 'note')"))
        #expect(buggy.stdout.contains("it(\"fuzz seed 42 run"))
        #expect(try cli.run(["plugin", "fuzz", worry, "--runs", "0"]).status == 64)
    }

    @Test func runShowsHooksAndLimitsAndFailsOnBadInput() throws {
        let entry = try cli.file(
            "entry.json",
            #"{"step": 1, "suds_before": 40, "suds_peak": 60, "suds_after": 20, "minutes": 25}"#)
        let params = try cli.file(
            "params.json", #"{"steps": [{"situation": "Photo of a dog", "expected_suds": 20}]}"#)
        let run = try cli.run([
            "plugin", "run", ladder, "--entry", entry, "--params", params,
        ])
        #expect(run.status == 0)
        #expect(run.stdout.contains("score: drop_percent = 66.67, minutes = 25"))
        #expect(run.stdout.contains("/ 20000000"))
        #expect(run.stdout.contains("/ 32 MiB"))
        let json = try cli.run([
            "plugin", "run", ladder, "--entry", entry, "--params", params, "--json",
        ])
        let object =
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["succeeded"] as? Bool == true)
        #expect((object?["limits"] as? [String: Any])?["instructions"] as? Int == 20_000_000)

        let noParams = try cli.run(["plugin", "run", ladder, "--entry", entry])
        #expect(noParams.status == 1)
        #expect(noParams.stdout.contains("params: steps: is required"))
        let notJSON = try cli.file("bad.json", "{ step: 1 ")
        let unreadable = try cli.run(["plugin", "run", ladder, "--entry", notJSON])
        #expect(unreadable.status == 65)
        #expect(unreadable.stderr.contains("is not valid JSON"))
    }
}
