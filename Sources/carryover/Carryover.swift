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
            74 storage, 75 busy, 77 not permitted (pack not trusted, or refused for your
            clinic account). See Docs/cli.md.
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, ClientCommand.self, GoalCommand.self, TypesCommand.self,
            AssignCommand.self, AssignmentCommand.self, LogCommand.self, ImportCommand.self,
            StatusCommand.self, HistoryCommand.self, EntryCommand.self, FlagsCommand.self,
            RewardsCommand.self, AuditCommand.self, BackupCommand.self, ServeCommand.self,
            PluginCommand.self, ReportCommand.self, ExportCommand.self, PackCommand.self,
            AccountCommand.self, CaseloadCommand.self, SupporterCommand.self, ReviewCommand.self,
        ]
    )

    /// Runs the command; every failure becomes one line on standard error and
    /// a documented exit status (see ``ExitStatus``).
    static func main() async {
        Diagnostics.bootstrap()
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            fail(error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
        } catch {
            fail(error)
        }
    }

    /// Prints `error` as one `carryover: ...` line and exits with its status.
    /// Help and version requests print in full (status 0), and a status a
    /// command chose itself (`ExitCode`) exits silently.
    static func fail(_ error: any Error) -> Never {
        if let (line, status) = describe(error) {
            printError("carryover: \(line)")
            Foundation.exit(status.rawValue)
        }
        let code = exitCode(for: error)
        if code == .success || error is ExitCode { exit(withError: error) }
        printError("carryover: \(usageLine(for: error))")
        Foundation.exit(code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue)
    }

    /// swift-argument-parser's message for a usage error on one line, with
    /// where to read the command's usage (its own text spans three lines).
    static func usageLine(for error: any Error) -> String {
        let message = message(for: error)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        let help = fullMessage(for: error).split(whereSeparator: \.isNewline)
            .first { $0.contains("--help") }?
            .split(separator: "'").dropFirst().first
        let trimmed = message.hasSuffix(".") ? String(message.dropLast()) : message
        return trimmed + "; see '\(help ?? "carryover --help")'"
    }
}
