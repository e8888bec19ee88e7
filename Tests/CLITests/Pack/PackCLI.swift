import Foundation

/// Runs the built `carryover` binary against one scratch folder, with the
/// clock fixed by `CARRYOVER_NOW` and the practice given by `--practice`.
struct PackCLI {
    struct Outcome {
        var status: Int32
        var output: String
        var error: String
    }

    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The binary SwiftPM built beside the test bundle.
    static let binary: URL? = {
        let bundle = Bundle.main.bundleURL
        return [
            bundle.appendingPathComponent("carryover"),
            bundle.deletingLastPathComponent().appendingPathComponent("carryover"),
            root.appendingPathComponent(".build/debug/carryover"),
        ].first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// A fresh scratch folder for this test's practices, keys and packs.
    let scratch: URL

    init() {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "carryover-pack-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    /// A path inside the scratch folder.
    func path(_ name: String) -> String { scratch.appendingPathComponent(name).path }

    /// Runs `carryover arguments` at instant `now` (ISO 8601).
    func run(_ arguments: [String], now: String = "2026-11-30T08:00:00Z") throws -> Outcome {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = ["NO_COLOR": "1", "PATH": "/usr/bin:/bin", "CARRYOVER_NOW": now]
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read before waiting so a full pipe cannot block the child.
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
            error: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a command in practice `practice` (a scratch folder name).
    func run(_ arguments: [String], practice: String, now: String = "2026-11-30T08:00:00Z")
        throws -> Outcome
    {
        try run(arguments + ["--practice", path(practice)], now: now)
    }

    /// Every file under `folder` with its bytes, but the database (opening
    /// it may checkpoint its log): equal snapshots mean no pack, pin or key
    /// was added, removed or changed.
    func snapshot(_ folder: String) -> [String: Data] {
        let base = URL(fileURLWithPath: path(folder))
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard !url.lastPathComponent.hasPrefix("practice.sqlite"),
                let data = FileManager.default.contents(atPath: url.path)
            else { continue }
            files[url.path.replacingOccurrences(of: base.path, with: "")] = data
        }
        return files
    }

    /// Copies a repository folder into the scratch folder as `name`.
    func copy(_ repositoryPath: String, to name: String) throws {
        try FileManager.default.copyItem(
            at: Self.root.appendingPathComponent(repositoryPath),
            to: scratch.appendingPathComponent(name))
    }

    /// Replaces `old` with `new` in a scratch file; throws when `old` is not there.
    func edit(_ name: String, replacing old: String, with new: String) throws {
        let url = scratch.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard text.contains(old) else { throw EditNotApplied(file: name, text: old) }
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    /// Writes `text` to a scratch file.
    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: scratch.appendingPathComponent(name))
    }

    func remove(_ name: String) throws {
        try FileManager.default.removeItem(at: scratch.appendingPathComponent(name))
    }
}

/// A fixture edit found nothing to replace: the example changed under the test.
struct EditNotApplied: Error {
    let file, text: String
}
