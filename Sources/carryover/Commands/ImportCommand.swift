import ArgumentParser
import CarryoverPractice

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import entries from a JSON Lines file, one entry per line.",
        discussion: """
            Each line: {"assignment": "c-017-1", "performedAt": "2026-12-01T19:30:00Z", "fields": {...}}.
            Lines are checked by the homework type and committed in batches; a killed import
            keeps whole batches and a re-run resumes without duplicates. Rejected lines are
            reported with their number and reason, the rest imported (--strict: nothing is).
            Example:
              carryover import entries.jsonl
            """)

    @Argument(help: "The JSON Lines file.") var file: String
    @Flag(help: "Import nothing if any line is bad.") var strict = false
    @OptionGroup var options: PracticeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let report = try await options.open().importEntries(path: file, strict: strict)
        for rejection in report.rejections {
            printError("line \(rejection.line): \(rejection.reason)")
        }
        print(
            "Imported \(report.imported) entries, rejected \(report.rejectedCount)"
                + (report.resumedAfterLine > 0
                    ? " (resumed after line \(report.resumedAfterLine))" : ""))
        if report.rejectedCount > 0 { throw ExitCode(ExitStatus.invalidInput.rawValue) }
    }
}
