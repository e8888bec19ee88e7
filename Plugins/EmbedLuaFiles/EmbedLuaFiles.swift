import Foundation
import PackagePlugin

/// Embeds every `.lua` file of a target into the target as Swift string
/// constants (`EmbeddedLua.<name>`, see EmbedFilesTool), so Lua the runtime
/// carries lives in Lua files that can be read, linted and diffed as Lua.
@main
struct EmbedLuaFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let module = target.sourceModule else { return [] }
        let files = module.sourceFiles(withSuffix: "lua").map(\.url)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLua.swift")
        return [
            .buildCommand(
                displayName: "Embedding the Lua files of \(target.name)",
                executable: try context.tool(named: "EmbedFilesTool").url,
                arguments: [output.path(percentEncoded: false), "EmbeddedLua"]
                    + files.map { $0.path(percentEncoded: false) },
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
