import ArgumentParser
import CarryoverCore
import CarryoverPractice
import Foundation

/// Where the practice is: --practice, else CARRYOVER_PRACTICE, else ./practice.
struct PracticeOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The practice folder (default: $CARRYOVER_PRACTICE, else ./practice).",
            valueName: "folder"))
    var practice: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A PostgreSQL URL for the practice's records (default: $CARRYOVER_DATABASE_URL; "
                + "needs a build with --traits Postgres).", valueName: "url"))
    var databaseURL: String?

    /// The PostgreSQL URL, if the practice's records are in PostgreSQL.
    var database: String? {
        databaseURL ?? ProcessInfo.processInfo.environment["CARRYOVER_DATABASE_URL"]
    }

    var folder: URL {
        let path =
            practice ?? ProcessInfo.processInfo.environment["CARRYOVER_PRACTICE"] ?? "practice"
        return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }

    func open() async throws -> Practice {
        if let database {
            return try await Practice.open(at: folder, databaseURL: database, clock: Self.clock)
        }
        return try Practice.open(at: folder, clock: Self.clock)
    }

    /// The system clock, or a fixed instant from CARRYOVER_NOW (ISO 8601) so
    /// scripts and tests can replay a week in seconds.
    static var clock: any WallClock {
        if let text = ProcessInfo.processInfo.environment["CARRYOVER_NOW"],
            let instant = ISO8601DateFormatter().date(from: text)
        {
            return FixedClock(instant)
        }
        return SystemClock()
    }
}

/// `--json` on every read command: the documented, stable shapes in Docs/cli.md.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (shapes documented in Docs/cli.md).")
    var json = false
}
