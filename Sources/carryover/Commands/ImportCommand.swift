import ArgumentParser
import CarryoverPractice
import CarryoverStore
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import entries from a JSON Lines file, one entry per line.",
        discussion: """
            Each line: {"assignment": "c-017-1", "performedAt": "2026-12-01T19:30:00Z", "fields": {...}}.
            Lines are checked by the homework type and committed in batches; a killed import
            keeps whole batches. A line already stored is skipped: by its "id", or, without
            one, by its assignment, time and fields. So after fixing rejected lines (or
            editing the file) run the same import again: it stores what was rejected and
            skips what was stored. Rejected lines are reported with their number and reason,
            the rest imported (--strict: nothing is).
            Example:
              carryover import entries.jsonl
              carryover import entries.jsonl --strict --json
            """)

    @Argument(help: "The JSON Lines file.") var file: String
    @Flag(help: "Import nothing if any line is bad.") var strict = false
    @OptionGroup var options: PracticeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        // A wrong path or a folder is "not found" (66) like every other file
        // argument, not a storage failure; checked before the practice opens.
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder),
            FileManager.default.isReadableFile(atPath: file)
        else { throw CommandFailure(.notFound, "cannot read \(file); check the path") }
        guard !isFolder.boolValue else {
            throw CommandFailure(
                .notFound, "\(file) is a folder; give the JSON Lines file to import")
        }
        let practice = try await options.open()
        let report = try await practice.importEntries(path: file, strict: strict)
        if output.json {
            try printJSON(ImportJSON(report))
            if report.rejectedCount > 0 { throw ExitCode(ExitStatus.invalidInput.rawValue) }
            return
        }
        for rejection in report.rejections {
            printError("line \(rejection.line): \(rejection.reason)")
        }
        print(
            "Imported \(report.imported) entries, \(report.alreadyStored) already stored, "
                + "rejected \(report.rejectedCount)"
                + (report.resumedAfterLine > 0
                    ? " (resumed after line \(report.resumedAfterLine))" : "")
                + (report.committed ? "" : "; --strict: nothing was stored"))
        if report.rejectedCount > 0 { throw ExitCode(ExitStatus.invalidInput.rawValue) }
    }
}

/// `carryover import --json`: the stable shape documented in Docs/cli.md.
struct ImportJSON: Encodable {
    struct RejectionJSON: Encodable {
        let line: Int
        let reason: String
    }

    let imported: Int
    /// Lines found already stored and skipped (not an error).
    let alreadyStored: Int
    let rejected: Int
    /// Lines a previous, interrupted run of the same file had already taken.
    let resumedAfterLine: Int
    /// False when `--strict` rolled everything back.
    let committed: Bool
    /// The first rejected lines (the count in `rejected` is complete).
    let rejections: [RejectionJSON]

    init(_ report: ImportReport) {
        imported = report.imported
        alreadyStored = report.alreadyStored
        rejected = report.rejectedCount
        resumedAfterLine = report.resumedAfterLine
        committed = report.committed
        rejections = report.rejections.map { RejectionJSON(line: $0.line, reason: $0.reason) }
    }
}
