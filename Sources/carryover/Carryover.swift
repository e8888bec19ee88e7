import ArgumentParser
import Foundation

@main
struct Carryover: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carryover",
        abstract: "Homework between therapy sessions: assign, log, reinforce, review.",
        discussion: """
            A practice is a folder (default ./practice, or CARRYOVER_PRACTICE, or --practice).
            Start with:
              carryover init ./practice
              carryover client add c-017 --name "Client 17" --time-zone Europe/Berlin
              carryover types
              carryover assign c-017 org.carryover.thought-record \\
                  --schedule "daily at 20:00 for 3 weeks" --rule "5 of 7 days" --reinforce "token economy"
              carryover log c-017-1 --file entry.json
              carryover status c-017

            Exit statuses: 0 ok, 1 refused by a rule, 64 usage, 65 invalid input,
            66 not found, 69 plugin failed, 70 internal, 73 practice exists,
            74 storage, 75 busy, 77 pack not trusted. See Docs/cli.md.
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, ClientCommand.self, GoalCommand.self, TypesCommand.self,
            AssignCommand.self, AssignmentCommand.self, LogCommand.self, ImportCommand.self,
            StatusCommand.self, HistoryCommand.self, RewardsCommand.self, BackupCommand.self,
            ServeCommand.self,
            PluginCommand.self, ReportCommand.self, ExportCommand.self, PackCommand.self,
        ]
    )

    /// Runs the command; every failure becomes one line on standard error and
    /// a documented exit status (see ``ExitStatus``).
    static func main() async {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
        } catch {
            // Carryover's own errors: one line and a documented status.
            // Anything else (help, usage, exit codes) is swift-argument-parser's to print.
            guard let (line, status) = describe(error) else { exit(withError: error) }
            printError("carryover: \(line)")
            Foundation.exit(status.rawValue)
        }
    }
}
