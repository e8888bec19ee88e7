import ArgumentParser
import CarryoverCore
import CarryoverPractice
import CarryoverStore

struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "A client's entries, oldest first, with their scores and where they came from.",
        discussion: """
            Voided entries are left out unless --all is given; amended ones show their
            current values (see 'carryover entry show ID' for what they replaced).
            Examples:
              carryover history c-017
              carryover history c-017 --assignment c-017-1 --json
              carryover history c-017 --all
            """)

    @Argument(help: "The client id.") var client: String
    @Option(help: "Only this assignment's entries.") var assignment: String?
    @Flag(help: "Voided entries too.") var all = false
    @OptionGroup var options: PracticeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let practice = try await options.open(.readOnly)
        let found = try await practice.client(client)
        let entries = try await practice.history(
            clientID: found.id, assignmentID: assignment, includeVoided: all)
        if output.json { return try printJSON(entries) }
        if entries.isEmpty { print("No entries yet.") }
        let supporters = Dictionary(
            uniqueKeysWithValues: try await practice.supporters(clientID: found.id).map {
                ($0.id, $0)
            })
        for entry in entries {
            let state = entry.voided ? "  [void]" : entry.revision > 0 ? "  [amended]" : ""
            // Who it came from, when not the therapist at the command line.
            let source =
                entry.viaPortal || entry.source == .supporter
                ? "  [\(entry.sourceText(supporter: entry.supporterID.flatMap { supporters[$0] }))]"
                : ""
            print(
                "\(localText(entry.performedAt, found.timeZone))  \(entry.assignmentID)  "
                    + "\(scoresText(entry.scores))\(state)\(source)")
        }
    }
}
