import CarryoverCore
import CarryoverLua
import CarryoverManifest
import Foundation

/// A homework type's folder as its author keeps it: `homework.toml`, the Lua
/// file it names as `main`, and the test files it lists.
///
/// Paths in messages are relative to the folder (`worry_time.lua`,
/// `tests/worry_time_spec.lua`), so they read the same on every machine.
public struct PluginFolder: Sendable {
    /// The folder on disk.
    public let url: URL
    /// The manifest as far as it could be read, with every problem in it.
    public let manifest: ManifestReading
    /// The main Lua file, or nil when the manifest names none or it is missing.
    package let main: LuaSource?
    /// The test files that exist, in the manifest's order.
    package let specs: [LuaSource]
    /// Files the manifest names that are not there.
    public let missingFiles: [ManifestError]

    /// Reads the folder at `path`. A manifest with problems still reads:
    /// lint lists them, and the other commands stop at `requireMain()`.
    /// - Throws: `SandboxError` `invalid-plugin` when the folder has no
    ///   readable `homework.toml`.
    public init(path: String) throws(SandboxError) {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        self.url = url
        let manifestURL = url.appendingPathComponent(HomeworkManifest.fileName)
        guard let text = try? String(contentsOf: manifestURL, encoding: .utf8) else {
            throw SandboxError(
                .invalidPlugin, plugin: url.lastPathComponent,
                message:
                    "no readable \(HomeworkManifest.fileName) in \(path); "
                    + "create one with `carryover plugin new`")
        }
        let manifest = ManifestReading(text)
        self.manifest = manifest
        func source(_ relative: String) -> LuaSource? {
            guard PortablePath.problem(relative) == nil,
                let text = try? String(
                    contentsOf: url.appendingPathComponent(relative), encoding: .utf8)
            else { return nil }
            return LuaSource(path: relative, text: text)
        }
        main = manifest.texts["main"].flatMap(source)
        specs = manifest.tests.compactMap(source)
        missingFiles = manifest.missingFiles { relative in
            FileManager.default.fileExists(atPath: url.appendingPathComponent(relative).path)
        }
    }

    /// The name used in messages: the manifest's id, or the folder's name.
    public var name: String { manifest.texts["id"] ?? url.lastPathComponent }

    /// The main file, for commands that cannot go on without a sound manifest.
    /// - Throws: `SandboxError` `invalid-plugin` with the manifest's first
    ///   problem, or saying the main file is not text.
    package func requireMain() throws(SandboxError) -> LuaSource {
        if let problem = (manifest.problems + missingFiles).first {
            throw SandboxError(
                .invalidPlugin, plugin: name, file: HomeworkManifest.fileName,
                line: problem.line,
                message: "\(problem.message); `carryover plugin lint` lists every problem")
        }
        guard let main else {
            throw SandboxError(
                .invalidPlugin, plugin: name, file: HomeworkManifest.fileName,
                line: manifest.line(of: "main"),
                message: "the main file is not UTF-8 text; save it as UTF-8")
        }
        return main
    }

    /// Loads the homework type in a sandbox with the test clock and seed.
    public func load(limits: SandboxLimits = .default) throws -> HomeworkType {
        let main = try requireMain()
        return try HomeworkType(
            source: main.text, file: main.path, limits: limits,
            clock: FixedClock(LuaTestRunner.testInstant), seed: LuaTestRunner.testSeed)
    }
}
