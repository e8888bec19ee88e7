import ArgumentParser
import CarryoverPractice
import Foundation

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a practice: a folder with its database (SQLite), packs and trust store.",
        discussion: """
            The folder is made private to you (mode 0700, the database 0600): it holds health records.
            Example:
              carryover init ~/practice
              export CARRYOVER_PRACTICE=~/practice
            """)

    @Argument(
        help:
            "The folder to create the practice in (default: --practice, $CARRYOVER_PRACTICE or ./practice)."
    )
    var folder: String?

    @OptionGroup var options: PracticeOptions

    func run() async throws {
        let target =
            folder.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
            ?? options.folder
        if let database = options.database {
            _ = try await Practice.open(
                at: target, databaseURL: database, create: true, clock: try PracticeOptions.clock(),
                actor: try options.claimedActor())
        } else {
            _ = try Practice.create(
                at: target, clock: try PracticeOptions.clock(), actor: try options.actor())
        }
        print("Created a practice in \(target.path)")
    }
}
