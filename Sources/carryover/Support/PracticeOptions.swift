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

    @Option(
        name: .customLong("as"),
        help: ArgumentHelp(
            "Who is acting, for the audit journal and the entries recorded (default: "
                + "$CARRYOVER_ACTOR, else the operating-system user; on a clinic database, "
                + "the account signed in).", valueName: "name"))
    var actorName: String?

    @OptionGroup var diagnostics: DiagnosticOptions

    /// The acting person: --as, else CARRYOVER_ACTOR, else the operating-system user.
    func actor() throws -> Principal {
        try claimedActor() ?? .currentUser()
    }

    /// The person --as or CARRYOVER_ACTOR names, if either does (on a clinic
    /// database, the signed-in account acts and these may only name it).
    func claimedActor() throws -> Principal? {
        let given =
            actorName
            ?? ProcessInfo.processInfo.environment["CARRYOVER_ACTOR"].flatMap {
                $0.isEmpty ? nil : $0
            }
        guard let given else { return nil }
        let name = given.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100,
            !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw CommandFailure(
                .usage,
                "--as (or CARRYOVER_ACTOR) must be a name of 1 to 100 printable characters, "
                    + "e.g. --as dr-ana")
        }
        return Principal(name: name)
    }

    /// The PostgreSQL URL, if the practice's records are in PostgreSQL.
    var database: String? {
        databaseURL ?? ProcessInfo.processInfo.environment["CARRYOVER_DATABASE_URL"]
    }

    var folder: URL {
        let path =
            practice ?? ProcessInfo.processInfo.environment["CARRYOVER_PRACTICE"] ?? "practice"
        return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }

    /// Opens the practice as the acting person; commands that only read pass
    /// `.readOnly`, so they leave its database exactly as it was (Docs/storage.md).
    func open(_ access: StoreAccess = .readWrite) async throws -> Practice {
        let clock = try Self.clock()
        if let database {
            return try await Practice.open(
                at: folder, databaseURL: database, access: access, clock: clock,
                actor: try claimedActor())
        }
        return try Practice.open(at: folder, access: access, clock: clock, actor: try actor())
    }
}

/// `--json` on every read command: the documented, stable shapes in Docs/cli.md.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (shapes documented in Docs/cli.md).")
    var json = false
}

/// `--verbose` on every command that opens a practice.
struct DiagnosticOptions: ParsableArguments {
    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Print diagnostics on standard error: store opens and migrations, packs verified, "
                + "homework types loaded, failed hooks, import batches (never client data)."))
    var verbose = false

    /// Opens the gate as soon as the flag is parsed (swift-argument-parser
    /// validates every option group), before the command touches a module.
    func validate() throws {
        if verbose { Diagnostics.show(from: .debug) }
    }
}
