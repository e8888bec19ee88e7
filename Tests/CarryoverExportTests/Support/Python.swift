import Foundation
import Testing

/// Runs independent Python validators from Swift tests.
///
/// A script signals a missing package by exiting with status 3 and printing
/// the pip line; the test then fails with that line (CI installs them), it
/// never passes silently.
enum Python {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `script` with `python3`, passing `arguments` as `sys.argv[1...]`.
    static func run(_ script: String, arguments: [String] = []) throws -> Result {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("carryover-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let scriptURL = directory.appendingPathComponent("check.py")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptURL.path] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Writes `text` to a fresh temporary file and returns its path.
    static func temporaryFile(_ text: String, suffix: String) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("carryover-export-\(UUID().uuidString)\(suffix)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Records a test failure unless the script succeeded; names the pip line
    /// when a package was missing.
    static func expectSuccess(_ result: Result, sourceLocation: SourceLocation = #_sourceLocation) {
        if result.status == 3 {
            Issue.record(
                "Python package missing: \(result.stdout) (CI runs this)",
                sourceLocation: sourceLocation)
        } else if result.status != 0 {
            Issue.record(
                "Python check failed (\(result.status)): \(result.stdout)\n\(result.stderr)",
                sourceLocation: sourceLocation)
        }
    }
}
