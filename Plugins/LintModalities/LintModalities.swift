import Foundation
import PackagePlugin

/// `swift package lint-modalities`: checks every built-in modality's manifest
/// and the Lua syntax of its files without building, reporting
/// `file:line: error: message`. (Its Lua tests run with the test suite.)
@main
struct LintModalities: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let folder = context.package.directoryURL.appending(path: "Modalities")
        let process = Process()
        process.executableURL = try context.tool(named: "EmbedModalitiesTool").url
        process.arguments = ["--check", folder.path(percentEncoded: false)]
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Diagnostics.error("Modalities have problems (listed above)")
        }
    }
}
