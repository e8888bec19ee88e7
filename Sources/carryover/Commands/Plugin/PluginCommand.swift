import ArgumentParser
import CarryoverLua

/// `carryover plugin ...`: the plugin author's toolkit.
struct PluginCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin",
        abstract: "Write, check, test, fuzz and try a homework type in the sandbox.",
        discussion: """
            Exit status: 0 when all is well, 1 when lint finds errors, a test fails, \
            the fuzzer finds a failure or a run fails, 2 when the plugin folder, its \
            manifest or its Lua cannot be read or loaded.
            """,
        subcommands: [
            PluginNewCommand.self, PluginLintCommand.self, PluginTestCommand.self,
            PluginFuzzCommand.self, PluginRunCommand.self,
        ]
    )
}

/// The exit statuses of the plugin commands (documented in `carryover plugin --help`).
enum PluginExit {
    /// Lint errors, failed tests, fuzz failures, a failed run.
    static let findings = ExitCode(1)
    /// The folder, manifest or Lua cannot be read or loaded.
    static let unusable = ExitCode(2)

    /// Runs `body`; a plugin that cannot be read becomes one line on stderr and status 2.
    static func guarding<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SandboxError {
            printError("error: \(error.code.rawValue): \(error)")
            throw unusable
        }
    }
}
