import ArgumentParser
import CarryoverCore
import CarryoverPractice

/// `carryover assignment upgrade`: move an assignment to a newer installed
/// version of its homework type.
struct AssignmentUpgradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Move an assignment to a newer installed version of its homework type.",
        discussion: """
            Entries already logged keep their version and stay valid under it. With
            --migrate-entries the new version's migrate hook rewrites the old entries into the
            new shape; the copies are stored beside the originals, which never change.
            Example:
              carryover assignment upgrade c-017-2 --to 1.1.0 --reason "clinic's new form" \\
                  --migrate-entries
            """)

    @Argument(help: "The assignment id.") var id: String
    @Option(help: "The installed version to move to.") var to: String
    @Option(help: "Why (kept in the assignment's history).") var reason: String
    @Option(
        name: .customLong("param"),
        help: "A param as name=value (repeat), when the new version needs a change.")
    var params: [String] = []
    @Flag(help: "Run the new version's migrate hook over the old entries and keep the copies.")
    var migrateEntries = false
    @OptionGroup var options: PracticeOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let upgrade = try await options.open().upgrade(
            AssignmentUpgradeRequest(
                assignmentID: id, version: to, reason: reason,
                params: try keyValues(params, option: "--param"), migrateEntries: migrateEntries))
        if output.json { return try printJSON(upgrade) }
        let assignment = upgrade.assignment
        print(
            "\(assignment.id): \(assignment.homeworkType) \(upgrade.fromVersion) -> "
                + "\(assignment.homeworkVersion); old entries keep \(upgrade.fromVersion)")
        if migrateEntries {
            print("Migrated \(upgrade.migrated.count) old entries (originals unchanged):")
            for copy in upgrade.migrated {
                print("  \(copy.originalEntryID) \(copy.fromVersion) -> \(copy.toVersion)")
            }
        }
    }
}
