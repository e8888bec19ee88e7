import ArgumentParser
import CarryoverPractice
import CarryoverStore
import Foundation

struct CaseloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caseload",
        abstract:
            "Which therapist holds which client (a clinic on PostgreSQL): list, assign, history.",
        discussion: """
            A client a therapist adds joins their caseload. An admin gives a client to a
            therapist, or moves it to another; each change is kept with who made it, when
            and why. A therapist sees the holdings of the clients they may read; an admin
            sees every holding (client ids only, never a client's records).
            Examples:
              carryover caseload list
              carryover caseload assign c-017 dr-ben --reason "Ana on leave"
              carryover caseload history c-017
            """,
        subcommands: [List.self, Assign.self, History.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List who holds each client you may see.",
            discussion: "Example:\n  carryover caseload list --json")

        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let holdings = try await options.open(.readOnly).clinic().caseload()
            if output.json { return try printJSON(holdings) }
            if holdings.isEmpty { print("No clients on any caseload you may see.") }
            for holding in holdings {
                print(
                    "\(holding.clientID)  \(holding.therapist)  since \(holding.since.formatted(.iso8601))"
                )
            }
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign",
            abstract: "Give a client to a therapist, or move it from another (an admin).",
            discussion: """
                The previous therapist no longer sees the client's records; the new one sees
                all of them, history included.
                Example:
                  carryover caseload assign c-017 dr-ben --reason "Ana on leave"
                """)

        @Argument(help: "The client id.") var client: String
        @Argument(help: "The account that will hold the client.") var therapist: String
        @Option(help: "Why (kept with the change).") var reason: String
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let previous = try await options.open().clinic().assignCaseload(
                clientID: client, to: therapist, reason: reason)
            print(
                previous.map { "Moved client \(client) from \($0) to \(therapist)" }
                    ?? "Gave client \(client) to \(therapist)")
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract:
                "Who held a client (or every client you may see) and who changed it, oldest first.",
            discussion: "Example:\n  carryover caseload history c-017")

        @Argument(help: "The client id; leave out for every client.") var client: String?
        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let changes = try await options.open(.readOnly).clinic().caseloadChanges(
                clientID: client)
            if output.json { return try printJSON(changes) }
            if changes.isEmpty { print("No caseload changes you may see.") }
            for change in changes {
                print(
                    "\(change.at.formatted(.iso8601))  \(change.clientID)  "
                        + "\(change.from ?? "-") -> \(change.to)  by \(change.actor): \(change.reason)"
                )
            }
        }
    }
}
