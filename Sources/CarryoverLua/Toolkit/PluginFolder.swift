import CarryoverCore
import Foundation

/// A homework type's folder as its author keeps it: `homework.toml`, the Lua
/// file it names as `main`, and the test files it lists.
///
/// Paths in messages are relative to the folder (`worry_time.lua`,
/// `tests/worry_time_spec.lua`), so they read the same on every machine.
public struct PluginFolder: Sendable {
    /// The folder on disk.
    public let url: URL
    public let manifest: PluginManifest
    /// The main Lua file, or nil when the manifest names none or it is missing.
    public let main: LuaSource?
    /// The test files that exist, in the manifest's order.
    public let specs: [LuaSource]
    /// Files the manifest names that are not there.
    public let missingFiles: [String]

    /// Reads the folder at `path`.
    /// - Throws: ``SandboxError`` `invalid-plugin` when the folder or its
    ///   manifest is missing or the manifest does not parse.
    public init(path: String) throws(SandboxError) {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        self.url = url
        let manifestURL = url.appendingPathComponent(PluginManifest.fileName)
        guard let text = try? String(contentsOf: manifestURL, encoding: .utf8) else {
            throw SandboxError(
                .invalidPlugin, plugin: url.lastPathComponent,
                message:
                    "no readable \(PluginManifest.fileName) in \(path); "
                    + "create one with `carryover plugin new`")
        }
        let manifest = try PluginManifest(parsing: text)
        self.manifest = manifest
        var missing: [String] = []
        func source(_ relative: String) -> LuaSource? {
            guard Self.isInside(relative),
                let text = try? String(
                    contentsOf: url.appendingPathComponent(relative), encoding: .utf8)
            else {
                missing.append(relative)
                return nil
            }
            return LuaSource(path: relative, text: text)
        }
        main = manifest.text("main").flatMap(source)
        specs = manifest.list("tests").compactMap(source)
        missingFiles = missing
    }

    /// The name used in messages: the manifest's id, or the folder's name.
    public var name: String { manifest.text("id") ?? url.lastPathComponent }

    /// The main file, for commands that cannot go on without it.
    /// - Throws: ``SandboxError`` `invalid-plugin` naming the missing file.
    public func requireMain() throws(SandboxError) -> LuaSource {
        guard let main else {
            let named = manifest.text("main").map { "'\($0)' is missing" } ?? "names no main file"
            throw SandboxError(
                .invalidPlugin, plugin: name, file: PluginManifest.fileName,
                line: manifest.line(of: "main"),
                message: "the manifest's main file \(named); run `carryover plugin lint`")
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

    /// A relative path that stays inside the folder: no `..`, not absolute.
    static func isInside(_ relative: String) -> Bool {
        !relative.hasPrefix("/") && !relative.split(separator: "/").contains("..")
    }
}
