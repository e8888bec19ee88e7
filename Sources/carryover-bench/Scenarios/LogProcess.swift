import CarryoverCore
import CarryoverPractice
import Foundation

/// Scenario 7: one `carryover log` process, start to exit, with the
/// built-in thought record, against a baseline process (this executable as
/// a child) that opens the same SQLite file and inserts one row.
struct LogProcess {
    static let insertFlag = "--insert-child"
    var processes: Int
    var workspace: URL

    func run(into report: inout Report) async throws {
        let tool = try Self.carryoverExecutable()
        let folder = workspace.appendingPathComponent("log-process")
        let practice = try Practice.create(at: folder, clock: SystemClock())
        _ = try await practice.addClient(id: "c-001", displayName: "Client 1", timeZone: "UTC")
        let assignment = try await practice.assign(
            AssignmentRequest(
                clientID: "c-001", homeworkType: SampleEntries.homeworkType,
                schedule: "daily at 20:00"))
        let entry = folder.appendingPathComponent("entry.json")
        try Data(try SampleEntries.example().canonicalJSON().utf8).write(to: entry)
        let database = folder.appendingPathComponent(Practice.databaseName).path
        var number = 0
        let times = try await Stopwatch.alternate(
            rounds: processes,
            project: {
                try Self.timed(
                    tool,
                    ["log", assignment.id, "--file", entry.path, "--practice", folder.path])
            },
            baseline: {
                number += 1
                return try Self.timed(
                    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath(),
                    [Self.insertFlag, database, assignment.id, "bench-\(number)"])
            })
        report.add(
            Comparison(
                scenario: "7 one carryover log process", unit: "ms",
                project: 1000 * Statistics.median(times.project),
                baseline: 1000 * Statistics.median(times.baseline), target: .ratioAtMost(2),
                note: "thought record, start to exit, median of \(processes) alternating "
                    + "processes; the baseline process opens the same file and inserts one row"))
    }

    /// `carryover`, built next to this executable (`swift build --product carryover`).
    static func carryoverExecutable() throws -> URL {
        let here = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let tool = here.deletingLastPathComponent().appendingPathComponent("carryover")
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            throw BenchError(
                "no carryover executable at \(tool.path): build it first "
                    + "(swift build -c release --product carryover)")
        }
        return tool
    }

    /// Seconds from starting `executable` to its exit; a failure is an error.
    static func timed(_ executable: URL, _ arguments: [String]) throws -> Double {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        process.waitUntilExit()
        let seconds = (clock.now - start).seconds
        guard process.terminationStatus == 0 else {
            throw BenchError(
                "\(executable.lastPathComponent) \(arguments.first ?? "") exited with "
                    + "\(process.terminationStatus)")
        }
        return seconds
    }

    /// The baseline child: open the practice's SQLite file, insert one entry row, exit.
    static func insertChild(database: String, assignment: String, id: String) throws {
        let sqlite = try RawSQLite(path: database)
        let now = Date().timeIntervalSince1970
        let client = "c-001"
        try sqlite.prepare(
            "INSERT INTO entry (id, assignment_id, client_id, homework_type, homework_version, "
                + "performed_at, logged_at, fields) VALUES (?, ?, ?, ?, '1.0.0', ?, ?, '{}')"
        ).run([
            .text(id), .text(assignment), .text(client), .text(SampleEntries.homeworkType),
            .real(now), .real(now),
        ])
    }
}
