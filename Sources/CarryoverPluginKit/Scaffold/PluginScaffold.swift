import CarryoverLua
import CarryoverManifest
import Foundation

/// The files of a new homework type, as `carryover plugin new` writes them:
/// a working example that passes lint, its tests and the fuzzer, for the
/// author to change.
public struct PluginScaffold: Sendable {
    public var id: String
    public var title: String

    /// Checks the id (reverse-DNS) and the title (not empty).
    /// - Throws: `SandboxError` `invalid-plugin` saying what to change.
    public init(id: String, title: String) throws(SandboxError) {
        guard ReverseDNS.isValid(id) else {
            throw SandboxError(
                .invalidPlugin, plugin: id,
                message: "id '\(id)' must be reverse-DNS in lower case, e.g. org.clinic.sleep-diary"
            )
        }
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw SandboxError(.invalidPlugin, plugin: id, message: "the title must not be empty")
        }
        self.id = id
        self.title = title
    }

    /// The file stem: the id's last label with `-` as `_`, e.g. `sleep_diary`.
    public var name: String {
        String(id.split(separator: ".").last ?? "homework").replacingOccurrences(of: "-", with: "_")
    }

    /// Every file, by path relative to the folder.
    public var files: [String: String] {
        [
            HomeworkManifest.fileName: HomeworkManifest(
                id: id, version: SemanticVersion(0, 1, 0), title: title, main: "\(name).lua",
                tests: ["tests/\(name)_spec.lua"]
            ).toml,
            "\(name).lua": ScaffoldTemplates.plugin(id: id, title: title),
            "tests/\(name)_spec.lua": ScaffoldTemplates.spec(title: title),
            "examples/entry.json": ScaffoldTemplates.exampleEntry,
            "examples/params.json": ScaffoldTemplates.exampleParams,
            "README.md": ScaffoldTemplates.readme(id: id, title: title, name: name),
            ".luarc.json": ScaffoldTemplates.luarc,
            LuaTypeDefinitions.fileName: LuaTypeDefinitions.source,
        ]
    }

    /// Writes the files into a new folder at `path`; returns their paths, sorted.
    /// - Throws: `SandboxError` `invalid-plugin` when `path` exists (nothing is
    ///   overwritten) or cannot be written.
    @discardableResult
    public func write(to path: String) throws(SandboxError) -> [String] {
        let folder = URL(fileURLWithPath: path)
        guard !FileManager.default.fileExists(atPath: folder.path) else {
            throw SandboxError(
                .invalidPlugin, plugin: id,
                message: "\(path) already exists; choose a new folder (nothing was overwritten)")
        }
        do {
            for (relative, text) in files {
                let url = folder.appendingPathComponent(relative)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            throw SandboxError(
                .invalidPlugin, plugin: id,
                message: "could not write \(path): \(error.localizedDescription)")
        }
        return files.keys.sorted()
    }
}
