import Foundation
import PackagePlugin

/// Turns the package's `Modalities/` folder into generated Swift: a static
/// catalogue of each built-in homework type's files, so the CLI binary
/// carries them. The tool syntax-checks every Lua file and fails the build on
/// a syntax error, naming file and line.
@main
struct EmbedModalities: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let modalities = context.package.directoryURL.appending(path: "Modalities")
        let output = context.pluginWorkDirectoryURL.appending(
            path: "ModalityCatalogue+Generated.swift")
        return [
            .buildCommand(
                displayName: "Embedding built-in modalities",
                executable: try context.tool(named: "EmbedModalitiesTool").url,
                arguments: [
                    modalities.path(percentEncoded: false), output.path(percentEncoded: false),
                ],
                inputFiles: files(below: modalities),
                outputFiles: [output]
            )
        ]
    }

    /// Every file below `folder`, so that editing any of them re-runs the tool.
    private func files(below folder: URL) -> [URL] {
        guard
            let walker = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        return walker.compactMap { $0 as? URL }.filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }
}
