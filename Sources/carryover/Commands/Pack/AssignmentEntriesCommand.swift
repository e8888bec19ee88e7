import ArgumentParser
import CarryoverCore
import CarryoverPractice

/// `carryover assignment entries`: each entry checked under the version it
/// was logged with, beside its migrated copy in the assignment's version.
struct AssignmentEntriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entries",
        abstract: "Check an assignment's entries under their own versions; show migrated copies.",
        discussion: """
            After an upgrade, old entries keep the version they were logged with and must stay
            valid under it; --migrate-entries copies are shown beside them. Examples:
              carryover assignment entries c-017-2
              carryover assignment entries c-017-2 --json   (with the migrated fields)
            """)

    @Argument(help: "The assignment id.") var id: String
    @OptionGroup var options: PracticeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let practice = try await options.open(.readOnly)
        let assignment = try await practice.assignment(id)
        let checks = try await practice.checkEntries(assignmentID: id)
        let copies = Dictionary(
            try await practice.migratedEntries(assignmentID: id).map { ($0.originalEntryID, $0) },
            uniquingKeysWith: { first, _ in first })
        let rows = checks.map { EntryRow(check: $0, copy: copies[$0.entryID]) }
        if output.json { return try printJSON(rows) }
        print("\(assignment.id): \(assignment.homeworkType) \(assignment.homeworkVersion)")
        if rows.isEmpty { print("No entries yet.") }
        for row in rows {
            let state = row.problems.isEmpty ? "valid" : "\(row.problems.count) problem(s)"
            let copy = row.migrated.map { " -> migrated copy \($0.toVersion)" } ?? ""
            print("  \(row.entryID)  \(row.version)  \(state)\(copy)")
            for problem in row.problems { print("    \(problem)") }
        }
    }
}

/// The `--json` shape of `assignment entries`: one row per entry as logged.
struct EntryRow: Encodable {
    let entryID, version: String
    /// Problems under the entry's own version; empty when it is still valid.
    let problems: [String]
    /// The copy in the assignment's current version, if one was migrated.
    let migrated: MigratedEntry?

    init(check: EntryCheck, copy: MigratedEntry?) {
        entryID = check.entryID
        version = check.version
        problems = check.problems.map(\.description)
        migrated = copy
    }
}
