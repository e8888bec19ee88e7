import ArgumentParser
import CarryoverCore
import CarryoverPractice
import CarryoverStore

struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "A client's entries, oldest first, with their scores and where they came from.",
        discussion: """
            Examples:
              carryover history c-017
              carryover history c-017 --assignment c-017-1 --json
            """)

    @Argument(help: "The client id.") var client: String
    @Option(help: "Only this assignment's entries.") var assignment: String?
    @OptionGroup var options: PracticeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let practice = try await options.open()
        let found = try await practice.client(client)
        if let assignment { _ = try await practice.assignment(assignment) }
        let entries = try await practice.store.entries(
            EntryQuery(assignmentID: assignment, clientID: found.id))
        if output.json { return try printJSON(entries) }
        if entries.isEmpty { print("No entries yet.") }
        for entry in entries {
            let source = entry.source == .clientPortal ? "  [client via portal]" : ""
            print(
                "\(localText(entry.performedAt, found.timeZone))  \(entry.assignmentID)  "
                    + "\(scoresText(entry.scores))\(source)")
        }
    }
}
