import CarryoverLua
import CarryoverManifest
import CarryoverTestSupport
import Foundation

@testable import CarryoverPluginKit

/// Plugin folders for toolkit tests: the repository's own, and throwaway
/// ones written to a temporary directory.
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

    /// A fresh temporary folder path that does not exist yet.
    static func freshPath(_ name: String = "plugin") -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("carryover-toolkit-\(UUID().uuidString)")
            .appendingPathComponent(name).path
    }

    /// Writes `files` (relative path -> text) into a new folder; returns its path.
    static func folder(_ files: [String: String]) throws -> String {
        let path = freshPath()
        for (relative, text) in files {
            let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return path
    }

    /// A plugin folder with `plugin.lua` holding `lua` and a manifest that agrees with it.
    static func plugin(_ lua: String, specs: [String: String] = [:]) throws -> PluginFolder {
        let manifest = HomeworkManifest(
            id: "org.test.probe", version: SemanticVersion(1, 0, 0), title: "Probe",
            main: "plugin.lua", tests: specs.keys.sorted()
        ).toml
        return try PluginFolder(
            path: folder(
                specs.merging(["homework.toml": manifest, "plugin.lua": lua]) { a, _ in a }))
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
