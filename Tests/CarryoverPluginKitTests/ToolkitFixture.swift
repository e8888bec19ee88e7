import CarryoverLua
import CarryoverManifest
import CarryoverTestSupport
import Foundation

@testable import CarryoverPluginKit

/// Plugin folders for toolkit tests: the repository's own, and throwaway
/// ones written into a test's `TemporaryFolder` (removed with it).
enum ToolkitFixture {
    /// The repository root.
    static let root = PackageRoot.url

    /// Every built-in modality and both example homework types.
    static let shippedFolders: [String] = {
        let modalities = root.appendingPathComponent("Modalities")
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: modalities.path)) ?? []
        return names.sorted().map { modalities.appendingPathComponent($0).path } + [
            root.appendingPathComponent("Examples/clinic-pack/activity-log").path,
            root.appendingPathComponent("Examples/clinic-pack/worry-time").path,
        ]
    }()

    /// Writes `files` (relative path -> text) into a new folder inside
    /// `scratch`; returns its path.
    static func folder(_ files: [String: String], in scratch: TemporaryFolder) throws -> String {
        let folder = try scratch.subfolder("plugin")
        for (relative, text) in files {
            let url = folder.appendingPathComponent(relative)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder.path
    }

    /// A plugin folder inside `scratch` with `plugin.lua` holding `lua` and a
    /// manifest that agrees with it.
    static func plugin(_ lua: String, specs: [String: String] = [:], in scratch: TemporaryFolder)
        throws -> PluginFolder
    {
        let manifest = HomeworkManifest(
            id: "org.test.probe", version: SemanticVersion(1, 0, 0), title: "Probe",
            main: "plugin.lua", tests: specs.keys.sorted()
        ).toml
        return try PluginFolder(
            path: folder(
                specs.merging(["homework.toml": manifest, "plugin.lua": lua]) { a, _ in a },
                in: scratch))
    }

    /// A homework declaration around `body` (extra keys of `homework { }`).
    static func homework(fields: String, _ body: String = "") -> String {
        """
        homework {
          id = "org.test.probe", version = "1.0.0", title = "Probe",
          instructions = "Write down what happened and rate it from 0 to 10.",
          fields = { \(fields) },
        \(body)
        }
        """
    }
}
