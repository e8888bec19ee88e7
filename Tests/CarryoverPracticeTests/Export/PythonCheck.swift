import Foundation
import Testing

/// Runs an independent Python validator; the script gets its input file as
/// `sys.argv[1]` and exits 3 (printing the pip line) when a package is missing.
enum PythonCheck {
    /// The validator's standard output; records a failure unless it exited 0.
    static func run(
        _ script: String, input: String, suffix: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("carryover-export-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scriptFile = folder.appendingPathComponent("check.py")
        let inputFile = folder.appendingPathComponent("input" + suffix)
        try script.write(to: scriptFile, atomically: true, encoding: .utf8)
        try input.write(to: inputFile, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptFile.path, inputFile.path]
        let out = Pipe()
        let err = Pipe()
        (process.standardOutput, process.standardError) = (out, err)
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Issue.record(
                "python check exited \(process.terminationStatus): \(stdout) \(stderr)",
                sourceLocation: sourceLocation)
        }
        return stdout
    }

    /// Imports that exit 3 with the pip line when a package is missing.
    static let prelude = """
        import sys
        try:
            import icalendar, recurring_ical_events
            from fhir.resources.R4B.bundle import Bundle
        except ImportError:
            print("python3 -m pip install icalendar==7.3.2 recurring_ical_events==3.8.2 fhir.resources==8.3.0")
            sys.exit(3)

        """
}
