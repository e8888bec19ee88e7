import ArgumentParser
import CarryoverCore
import CarryoverExport
import CarryoverPractice

/// `carryover report`: the client's progress as one self-contained HTML page.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a client's progress report as one self-contained HTML page.",
        discussion: """
            The page shows flags (risk first), adherence calendars, score trends,
            PHQ-9/GAD-7 totals over their bands with reliable change, exposure
            ladders, speech targets and tokens. It loads nothing from the network
            and has light, dark and print styles. The client is shown by id only,
            unless --show-name is given.

            Examples:
              carryover report c-017 --out report.html
              carryover report c-017 --from 2026-11-01 --to 2026-11-30 --out november.html
            """)

    @Argument(help: "The client id.") var client: String
    // Parsed in run(), not by a transform: swift-argument-parser would print
    // a thrown error as a usage error (64) with the error's type in it.
    @Option(
        help: ArgumentHelp(
            "First day shown (default: the day of the first assignment).", valueName: "date"))
    var from: String?
    @Option(help: ArgumentHelp("Last day shown (default: today).", valueName: "date"))
    var to: String?
    @Flag(help: "Show the client's name next to the id (the page then identifies them).")
    var showName = false
    @OptionGroup var output: ExportOutput
    @OptionGroup var options: PracticeOptions

    func run() async throws {
        let (first, last) = (try from.map(parseDate), try to.map(parseDate))
        let practice = try await options.open(.readOnly)
        let report = try await practice.clientReport(clientID: client, from: first, to: last)
        try output.write(HTMLReport.render(report, showDisplayName: showName))
    }
}
