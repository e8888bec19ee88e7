import Foundation
import Testing

/// A `carryover` child process started without waiting for it.
final class RunningCommand {
    let arguments: [String]
    private let process: Process
    private let out: URL
    private let err: URL

    fileprivate init(arguments: [String], process: Process, out: URL, err: URL) {
        self.arguments = arguments
        self.process = process
        self.out = out
        self.err = err
    }

    /// Waits for the process and returns what it left behind.
    func result() throws -> CLIResult {
        process.waitUntilExit()
        defer { for url in [out, err] { try? FileManager.default.removeItem(at: url) } }
        return CLIResult(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}

extension CLIFixture {
    /// Starts `carryover arguments...` in the fixture's folder and environment
    /// (with `environment` changes on top), standard input empty, and returns
    /// at once: for tests that run several processes side by side.
    func start(_ arguments: [String], environment extra: [String: String] = [:]) throws
        -> RunningCommand
    {
        let process = Process()
        process.executableURL = try CarryoverBinary.require()
        process.arguments = arguments
        process.environment = environment.merging(extra) { _, new in new }
        process.currentDirectoryURL = root
        let id = UUID().uuidString
        let out = root.appending(path: "\(id).out")
        let err = root.appending(path: "\(id).err")
        try Data().write(to: out)
        try Data().write(to: err)
        let stdout = try FileHandle(forWritingTo: out)
        let stderr = try FileHandle(forWritingTo: err)
        defer {
            try? stdout.close()
            try? stderr.close()
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        return RunningCommand(arguments: arguments, process: process, out: out, err: err)
    }
}
