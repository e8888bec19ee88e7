import ArgumentParser
import CarryoverCore
import CarryoverPractice

struct ClientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client",
        abstract:
            "Add and list clients; invite them to the portal, sign them out, give calendar links.",
        subcommands: [Add.self, List.self, Invite.self, SignOut.self, CalendarLink.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
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
            abstract: "List the practice's clients.",
            discussion: "Example:\n  carryover client list --json")

        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let clients = try await options.open().store.clients()
            if output.json { return try printJSON(clients) }
            if clients.isEmpty { print("No clients yet: add one with 'carryover client add'.") }
            for client in clients {
                print("\(client.id)  \(client.displayName)  (\(client.timeZone))")
            }
        }
    }
}
