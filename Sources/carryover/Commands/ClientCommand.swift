import ArgumentParser
import CarryoverCore
import CarryoverPractice
import Foundation

struct ClientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client",
        abstract:
            "Add, list, edit and discharge clients; invite them to the portal, sign them out, give calendar links.",
        subcommands: [
            Add.self, List.self, Edit.self, Discharge.self, Invite.self, SignOut.self,
            CalendarLink.self,
        ])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a client.",
            discussion: """
                Use a pseudonymous id (e.g. c-017): it appears in exports and file names.
                Schedules are computed in the client's time zone.
                Example:
                  carryover client add c-017 --name "Client 17" --time-zone Europe/Berlin
                """)

        @Argument(help: "A pseudonymous id: letters, digits, '-', '_' or '.'.")
        var id: String
        @Option(help: "A name only you see.")
        var name: String
        @Option(help: "IANA time zone, e.g. Europe/Berlin or America/New_York.")
        var timeZone: String
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let client = try await options.open().addClient(
                id: id, displayName: name, timeZone: timeZone)
            print("Added client \(client.id) (\(client.timeZone))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the practice's clients.",
            discussion: "Example:\n  carryover client list --json")

        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let clients = try await options.open(.readOnly).clients()
            if output.json { return try printJSON(clients) }
            if clients.isEmpty { print("No clients yet: add one with 'carryover client add'.") }
            for client in clients {
                let discharged =
                    client.dischargedAt.map {
                        "  discharged \(LocalDate($0, in: TimeZone(identifier: client.timeZone) ?? .gmt))"
                    } ?? ""
                print("\(client.id)  \(client.displayName)  (\(client.timeZone))\(discharged)")
            }
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a client's name or time zone.",
            discussion: """
                A new time zone moves every open assignment by a new version from today on,
                at the same local times; the weeks before keep theirs.
                Examples:
                  carryover client edit c-017 --name "Client 17 (Sam)"
                  carryover client edit c-017 --time-zone America/New_York
                """)

        @Argument(help: "The client id.") var id: String
        @Option(help: "A new name only you see.") var name: String?
        @Option(help: "A new IANA time zone.") var timeZone: String?
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let change = try await options.open().editClient(
                id, displayName: name, timeZone: timeZone)
            print("Changed client \(change.client.id) (\(change.client.timeZone))")
            for assignment in change.assignments {
                print(
                    "  \(assignment.id): version \(assignment.versionNumber) from today in \(change.client.timeZone)"
                )
            }
        }
    }

    struct Discharge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "discharge",
            abstract: "Discharge a client: open assignments end, everything recorded stays.",
            discussion: """
                Each open assignment ends with the reason: completed when its rule is met,
                abandoned otherwise. The record can still be read, reported and exported;
                open risk flags stay in status until acknowledged.
                Example:
                  carryover client discharge c-017 --reason "treatment goals met"
                """)

        @Argument(help: "The client id.") var id: String
        @Option(help: "Why (kept with the client and each assignment).") var reason: String
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let change = try await options.open().dischargeClient(id, reason: reason)
            print("Discharged client \(change.client.id)")
            for assignment in change.assignments {
                print("  \(assignment.id) is now \(assignment.status.rawValue)")
            }
        }
    }
}
