import ArgumentParser
import CarryoverLua
import CarryoverPluginKit

/// `carryover plugin ...`: the plugin author's toolkit.
struct PluginCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin",
        abstract: "Write, check, test, fuzz and try a homework type in the sandbox.",
        discussion: """
            Exit status: 0 when all is well, 1 when lint finds errors, a test fails, \
            the fuzzer finds a failure or a run fails, 65 when the plugin folder, its \
            manifest, an example or an input file is unreadable or invalid, 66 when an \
            input file does not exist, 69 when its Lua cannot be loaded. A failure is \
            one line on standard error: carryover: <plugin> <file>:<line>: <message>.
            """,
        subcommands: [
            PluginNewCommand.self, PluginLintCommand.self, PluginTestCommand.self,
            PluginFuzzCommand.self, PluginRunCommand.self,
        ]
    )
}

/// The exit status of a plugin command whose checks found something.
enum PluginExit {
    /// Lint errors, failed tests, fuzz failures, a failed run.
    static let findings = ExitCode(ExitStatus.refused.rawValue)
}
