import ArgumentParser
import CarryoverCore
import CarryoverLua
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

    @ArgumentParser.Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
        let entryValue = try Self.readJSON(entry)
        let paramsValue = try params.map(Self.readJSON) ?? .object([:])
        let report = try PluginRunReport.run(
            try PluginFolder(path: folder), entry: entryValue, params: paramsValue)
        print(
            json
                ? JSONSafeNumbers.quotingLargeIntegers(report.json().canonicalJSON())
                : report.render(), terminator: json ? "\n" : "")
        if !report.succeeded { throw PluginExit.findings }
    }

    private static func readJSON(_ path: String) throws -> Value {
        try Value.parseFile(path)
    }
}
