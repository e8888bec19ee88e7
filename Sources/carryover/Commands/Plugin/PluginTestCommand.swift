import ArgumentParser
import CarryoverLua
import CarryoverPluginKit

extension PluginTestReport.Format: ExpressibleByArgument {}

/// `carryover plugin test <folder> [--format human|tap|junit]`.
struct PluginTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run a homework type's Lua tests with a fixed clock and seed.",
        discussion: """
            The clock reads 2025-01-06 09:00 UTC and math.random is seeded with \
            20250106, so every run gives the same results. Exits 1 when a case fails \
            or there are no cases.
            """
    )

    @Argument(help: "The homework type's folder (with homework.toml).")
    var folder: String

    @Option(help: "Output: human, tap (TAP 14) or junit (JUnit XML).")
    var format: PluginTestReport.Format = .human

    func run() throws {
        let report = try PluginTestReport.run(try PluginFolder(path: folder))
        print(report.render(format), terminator: "")
        if !report.passed { throw PluginExit.findings }
    }
}
