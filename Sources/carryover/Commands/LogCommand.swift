import ArgumentParser
import CarryoverCore
import CarryoverPractice
import Foundation

struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log an entry: from --set flags, a JSON file, standard input, or prompts.",
        discussion: """
            With no --set and no --file, and standard input a terminal, carryover asks for
            each field in turn. The answer comes at once: problems field by field, or the
            score, feedback, reinforcement earned and what is next.
            Examples:
              carryover log c-017-2 --set mood=6 --set sleep_hours=7.5
              carryover log c-017-1 --file entry.json
              cat entry.json | carryover log c-017-1 --file -
              carryover log c-017-1                       (prompts, on a terminal)
              carryover log c-017-1 --file entry.json --at "2026-12-01 19:30"
                (a late entry; the time is the client's)
            """)

    @Argument(help: "The assignment id (see 'carryover status CLIENT').") var assignment: String
    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "A field as name=value (repeat); JSON values allowed.", valueName: "name=value"))
    var fields: [String] = []
    @Option(
        help: ArgumentHelp(
            "A JSON file with the entry's fields ('-' for standard input).", valueName: "file"))
    var file: String?
    @Option(
        help: ArgumentHelp(
            "When it was done: \"YYYY-MM-DD HH:MM\" in the client's time, or ISO 8601.",
            valueName: "time"))
    var at: String?
    @Option(
        help: ArgumentHelp(
            "Who the entry came from: therapist (default), client or supporter.",
            valueName: "source"))
    var source: String = EntrySource.therapist.rawValue
    @OptionGroup var options: PracticeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        guard let source = EntrySource(rawValue: source), source != .import else {
            throw CommandFailure(
                .usage,
                "--source must be therapist, client or supporter (imports say so themselves)")
        }
        let practice = try await options.open()
        let entry = try await readEntry(practice)
        // One call into the practice: it reads the client's time zone for --at.
        let outcome = try await reportingProblems {
            try await practice.log(assignmentID: assignment, fields: entry, source: source) {
                zone in try at.map { try parseInstant($0, timeZone: zone) }
            }
        }
        if output.json { return try printJSON(LogJSON(outcome)) }
        LogRendering(
            terminal: .standardOutput, timeZone: outcome.timeZone,
            scoreTitles: outcome.scoreTitles
        ).print(outcome)
    }

    private func readEntry(_ practice: Practice) async throws -> Value {
        if let file {
            var object = try Value.parseFile(file).object ?? [:]
            object.merge(try keyValues(fields, option: "--set")) { _, new in new }
            return .object(object)
        }
        if !fields.isEmpty { return .object(try keyValues(fields, option: "--set")) }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure(
                .usage,
                "no entry given; use --set name=value, --file entry.json, or run it on a terminal")
        }
        // Prompts need the fields first: the one read before the log.
        let declaration = try await practice.declaration(ofAssignment: assignment)
        print(Terminal.standardOutput.paint(declaration.title, .bold))
        print(declaration.instructions + "\n")
        return EntryPrompter().ask(declaration.fields)
    }
}
