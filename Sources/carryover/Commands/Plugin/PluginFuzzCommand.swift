import ArgumentParser
import CarryoverLua
import CarryoverPluginKit

/// `carryover plugin fuzz <folder> [--runs N] [--seed S]`.
struct PluginFuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Feed generated entries and params through every hook.",
        discussion: """
            Valid inputs keep every declared bound (often sitting on it); invalid ones \
            break one rule. Each valid input runs twice in fresh sandboxes. Reports \
            runtime errors, limit hits, bad scores and non-determinism, each shrunk to \
            a small input and printed as a Lua test case to paste into a spec file. \
            Half the inputs start from the folder's examples/entry*.json (with \
            examples/params.json), a field or two changed, so cross-field rules in \
            validate still hold and later hooks run. Exits 1 on any finding.
            """
    )

    @Argument(help: "The homework type's folder (with homework.toml).")
    var folder: String

    @Option(help: "How many inputs to generate.")
    var runs: Int = 10_000

    @Option(help: "The seed; the same seed gives the same inputs.")
    var seed: UInt64 = 42

    @Flag(help: "Draw every input from the declarations; ignore examples/.")
    var noExamples = false

    func validate() throws {
        guard runs > 0 else { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        let report = try PluginFuzzer.fuzz(
            try PluginFolder(path: folder),
            options: FuzzOptions(runs: runs, seed: seed, useExamples: !noExamples))
        print(report.render(), terminator: "")
        if !report.passed { throw PluginExit.findings }
    }
}
