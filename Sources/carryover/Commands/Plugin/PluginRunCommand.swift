import ArgumentParser
import CarryoverCore
import CarryoverLua
import CarryoverPluginKit
import Foundation

/// `carryover plugin run <folder> --entry entry.json [--params params.json] [--json]`.
struct PluginRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Put one entry through every hook and show what each used against the limits.",
        discussion: """
            Runs with the test clock and seed. Exits 1 when the params or the entry \
            are invalid or a hook fails.
            """
    )

    @Argument(help: "The homework type's folder (with homework.toml).")
    var folder: String

    @Option(help: "A JSON file holding the entry object.")
    var entry: String

    @Option(help: "A JSON file holding the params object (defaults fill the rest).")
    var params: String?

    @ArgumentParser.Flag(help: "Print the report as one JSON document (shape in Docs/cli.md).")
    var json = false

    func run() throws {
        let entryValue = try Self.readJSON(entry)
        let paramsValue = try params.map(Self.readJSON) ?? .object([:])
        let report = try PluginRunReport.run(
            try PluginFolder(path: folder), entry: entryValue, params: paramsValue)
        if json {
            try printJSON(report.json())
        } else {
            print(report.render(), terminator: "")
        }
        if !report.succeeded { throw PluginExit.findings }
    }

    private static func readJSON(_ path: String) throws -> Value {
        try Value.parseFile(path)
    }
}
