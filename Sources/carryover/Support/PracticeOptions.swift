import ArgumentParser
import CarryoverCore
import CarryoverPractice
import CarryoverStore
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

    /// Opens the practice; commands that only read pass `.readOnly`, so they
    /// leave its database exactly as it was (Docs/storage.md).
    func open(_ access: StoreAccess = .readWrite) async throws -> Practice {
        let clock = try Self.clock()
        if let database {
            return try await Practice.open(
                at: folder, databaseURL: database, access: access, clock: clock)
        }
        return try Practice.open(at: folder, access: access, clock: clock)
    }
}

/// `--json` on every read command: the documented, stable shapes in Docs/cli.md.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (shapes documented in Docs/cli.md).")
    var json = false
}
