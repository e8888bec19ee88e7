import Foundation

/// Runs the built `carryover` binary and collects what it printed.
struct CLIProcess {
    struct Outcome {
        var status: Int32
        var output: String
        var error: String
    }

    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The binary beside the test bundle (SwiftPM puts both in the same folder).
    static let binary: URL? = {
        let bundle = Bundle.main.bundleURL
        let candidates = [
            bundle.appendingPathComponent("carryover"),
            bundle.deletingLastPathComponent().appendingPathComponent("carryover"),
            root.appendingPathComponent(".build/debug/carryover"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        guard let binary else {
            throw CocoaError(
                .fileNoSuchFile, userInfo: [NSFilePathErrorKey: "carryover (run swift build first)"]
            )
        }
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ["NO_COLOR": "1", "PATH": "/usr/bin:/bin"]
        if let directory { process.currentDirectoryURL = directory }
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

    /// A path in a fresh temporary folder (not created).
    static func freshPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("carryover-cli-\(UUID().uuidString)")
            .appendingPathComponent(name).path
    }

    /// Writes `text` to a fresh temporary file; returns its path.
    static func file(_ name: String, _ text: String) throws -> String {
        let path = freshPath(name)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
