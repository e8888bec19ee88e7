import Foundation
import Testing

/// Help for every command, shell completions, and that Docs/cli.md and the
/// man page Docs/carryover.1 cover the command tree the binary really has.
@Suite struct HelpAndDocsTests {
    /// Every command path, e.g. ["assignment", "pause"], read from the binary's
    /// own description of itself (swift-argument-parser's tool info).
    static func commandPaths() throws -> [[String]] {
        let fixture = try CLIFixture()
        let dump = try fixture.ok(["--experimental-dump-help"]).object()
        let root = try #require(dump["command"] as? [String: Any])
        var paths: [[String]] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                guard let name = sub["commandName"] as? String, name != "help" else { continue }
                paths.append(path + [name])
                walk(sub, path + [name])
            }
        }
        walk(root, [])
        return paths
    }

    static func document(_ name: String) throws -> String {
        try String(contentsOf: packageRoot.appending(path: "Docs/\(name)"), encoding: .utf8)
    }

    @Test func theTreeHasTheWholeWorkflow() throws {
        let names = Set(try Self.commandPaths().map { $0.joined(separator: " ") })
        #expect(
            names.isSuperset(of: [
                "init", "client add", "client list", "goal add", "goal phase", "goal task",
                "goal list", "types", "assign", "assignment show", "assignment modify",
                "assignment pause", "assignment resume", "assignment complete",
                "assignment abandon", "log", "import", "status", "history", "rewards show",
                "rewards redeem", "rewards veto", "rewards allow", "backup",
            ]))
    }

    @Test func everyCommandHasHelpWithAnOverview() throws {
        let fixture = try CLIFixture()
        for path in try Self.commandPaths() {
            let result = try fixture.run(path + ["--help"])
            #expect(result.status == 0, "\(path)")
            #expect(result.stdout.hasPrefix("OVERVIEW: "), "\(path)")
            #expect(result.stdout.contains("USAGE: carryover \(path.joined(separator: " "))"))
        }
    }

    @Test func theCLIReferenceCoversEveryCommandAndExitStatus() throws {
        let reference = try Self.document("cli.md")
        for path in try Self.commandPaths() {
            let heading = "### `carryover \(path.joined(separator: " "))"
            #expect(reference.contains(heading), "\(heading) missing in Docs/cli.md")
        }
        // Sources/carryover/Support/ExitStatus.swift
        for status in [0, 1, 64, 65, 66, 69, 70, 73, 74, 75, 77] {
            #expect(reference.contains("| \(status) |"), "exit status \(status)")
        }
        for variable in ["CARRYOVER_PRACTICE", "CARRYOVER_NOW", "NO_COLOR", "CARRYOVER_BIN"] {
            #expect(reference.contains(variable))
        }
    }

    @Test func theManPageListsEverySubcommandInTreeOrder() throws {
        let manual = try Self.document("carryover.1")
        #expect(manual.contains(".Dt CARRYOVER 1"))
        // generate-manual writes one `.It Em NAME` item per command, depth first,
        // each nested in its parent's list: the same order as the tree walk.
        let items = manual.split(separator: "\n").filter { $0.hasPrefix(".It Em ") }
            .map { String($0.dropFirst(".It Em ".count)) }.filter { $0 != "help" }
        #expect(items == (try Self.commandPaths().map { $0.last ?? "" }))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsCoverTheSubcommands(shell: String) throws {
        let fixture = try CLIFixture()
        let script = try fixture.ok(["--generate-completion-script", shell]).stdout
        for name in ["assignment", "rewards", "status", "history", "types"] {
            #expect(script.contains(name), "\(shell): \(name)")
        }
    }

    @Test func theVersionIsPrinted() throws {
        let fixture = try CLIFixture()
        #expect(try fixture.ok(["--version"]).stdout == "0.1.0\n")
    }
}

extension HelpAndDocsTests {
    /// `help CMD` goes through swift-argument-parser's own help command, whose
    /// error used to come out as "unexpected error" with exit 70.
    @Test func theHelpSubcommandAndNoArgumentsShowHelp() throws {
        let fixture = try CLIFixture()
        let help = try fixture.ok(["help", "assignment", "pause"])
        #expect(help.stdout.hasPrefix("OVERVIEW: Pause an assignment"))
        #expect(help.stderr.isEmpty)
        let bare = try fixture.ok([])
        #expect(bare.stdout.contains("SUBCOMMANDS:"))
    }

    @Test func anUnknownOptionIsAUsageError() throws {
        let fixture = try CLIFixture()
        let result = try fixture.run(["status", "--colour"])
        #expect(result.status == Exit.usage)
        #expect(result.stderr.contains("--colour"))
    }
}
