import ArgumentParser
import CarryoverCore
import CarryoverPractice
import Foundation

struct FlagsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flags",
        abstract: "Risk flags raised on entries: list the open ones, acknowledge them.",
        discussion: """
            A risk flag (e.g. PHQ-9 item 9 above 0) stays in status, the caseload and every
            report whose period holds its entry until a therapist acknowledges it; later
            entries never hide it. Who acknowledged it, when and the note are kept.
            Examples:
              carryover flags list
              carryover flags list c-017 --all
              carryover flags ack 3 --note "called the client; safety plan reviewed"
            """,
        subcommands: [List.self, Ack.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List open risk flags (all clients, or one), oldest first.")

        @Argument(help: "The client id; leave out for every client.") var client: String?
        @Flag(help: "Acknowledged flags too.") var all = false
        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let practice = try await options.open()
            let flags = try await practice.flags(clientID: client, includeAcknowledged: all)
            if output.json { return try printJSON(flags) }
            if flags.isEmpty { print(all ? "No risk flags." : "No open risk flags.") }
            var zones: [String: String] = [:]
            for flag in flags {
                if zones[flag.clientID] == nil {
                    zones[flag.clientID] = try await practice.client(flag.clientID).timeZone
                }
                let day = localText(flag.performedAt, zones[flag.clientID] ?? "UTC")
                let state =
                    flag.acknowledgement.map {
                        "acknowledged by \($0.by) \($0.at.formatted(.iso8601)): \($0.note)"
                    } ?? "OPEN"
                print(
                    "\(flag.id)  \(flag.clientID)  \(flag.assignmentID)  \(day)  \(flag.message)  [\(state)]"
                )
            }
        }
    }

    struct Ack: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ack",
            abstract: "Acknowledge open risk flags, with a note of what was done.",
            discussion: """
                All or none: an unknown or already acknowledged flag refuses the lot.
                Example:
                  carryover flags ack 3 4 --note "reviewed in session; safety plan updated" --as dr-ana
                """)

        @Argument(help: "The flag numbers (see 'carryover flags list').") var flags: [Int]
        @Option(help: "What was done about it (kept with the acknowledgement).") var note: String
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let practice = try await options.open()
            for flag in try await practice.acknowledgeFlags(ids: flags, note: note) {
                print(
                    "Acknowledged flag \(flag.id) (\(flag.clientID), \(flag.code)) as \(practice.actor.name)"
                )
            }
        }
    }
}
