import Foundation
import Testing

/// Runs the `carryover-store-probe` helper that SwiftPM builds beside the
/// test bundle (see Sources/carryover-store-probe/main.swift).
enum Probe {
    static var path: String {
        let folder = (CommandLine.arguments[0] as NSString).deletingLastPathComponent
        return (folder as NSString).appendingPathComponent("carryover-store-probe")
    }

    /// Starts the probe with `arguments`; its output goes to a pipe the caller may read.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }

    /// Waits for the probe and returns its exit status and standard error.
    static func finish(_ process: Process) -> (status: Int32, stderr: String) {
        let data = (process.standardError as? Pipe)?.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data ?? Data(), as: UTF8.self))
    }
}
