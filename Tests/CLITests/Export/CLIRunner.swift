import Foundation
import Testing

/// Runs the built `carryover` binary in a fresh practice folder, with the
/// clock fixed through CARRYOVER_NOW, as a user's script would.
final class CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let folder: URL
    var now = "2026-10-19T08:00:00Z"

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("carryover-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The package's root, for example files under Modalities/.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Beside the test bundle in the build folder (`.build/debug`).
    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("carryover")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/carryover")
    }

    /// A path inside this runner's folder.
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    @discardableResult
    func run(_ arguments: String...) throws -> Result { try run(arguments) }

    func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CARRYOVER_PRACTICE"] = path("practice")
        environment["CARRYOVER_NOW"] = now
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        (process.standardOutput, process.standardError) = (out, err)
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    /// A practice with client c-017 (Berlin), a thought record daily at 20:00
    /// with a token economy, and entries on 2026-10-19 and 2026-10-20.
    static func withThoughtRecords() throws -> CLIRunner {
        let cli = try CLIRunner()
        // Unregistered, `report` is an unexpected argument of the root command.
        let usage = try cli.run("report").stderr + cli.run("export", "csv").stderr
        try #require(
            usage.contains("Usage: carryover report")
                && usage.contains("Usage: carryover export csv"),
            "register ReportCommand and ExportCommand in Carryover.swift's subcommands")
        try cli.run("init")
        try cli.run("client", "add", "c-017", "--name", "Client 17", "--time-zone", "Europe/Berlin")
        try cli.run(
            "assign", "c-017", "org.carryover.thought-record", "--schedule",
            "daily at 20:00 for 3 weeks", "--rule", "5 of 7 days", "--reinforce", "token economy",
            "--reward", "Movie night=3")
        let entry = packageRoot.appendingPathComponent(
            "Modalities/thought-record/examples/entry.json"
        ).path
        for day in ["2026-10-19", "2026-10-20"] {
            cli.now = "\(day)T17:30:00Z"
            try cli.run("log", "c-017-1", "--file", entry)
        }
        cli.now = "2026-10-21T08:00:00Z"
        return cli
    }
}
