import ArgumentParser
import CarryoverLua
import CarryoverPluginKit

/// `carryover plugin lint <folder>`.
struct PluginLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a homework type's manifest, declaration, hooks and globals.",
        discussion: """
            Each finding is one line, `file:line: severity: message (hint: ...)`. \
            Exits 1 when there is an error; warnings alone exit 0.
            """
    )

    @Argument(help: "The homework type's folder (with homework.toml).")
    var folder: String

    func run() throws {
        let plugin = try PluginFolder(path: folder)
        let findings = PluginLinter.lint(plugin)
        for finding in findings { print(finding) }
        let errors = findings.filter { $0.severity == .error }.count
        print("\(plugin.name): \(errors) error(s), \(findings.count - errors) warning(s)")
        if PluginLinter.hasErrors(findings) { throw PluginExit.findings }
    }
}
