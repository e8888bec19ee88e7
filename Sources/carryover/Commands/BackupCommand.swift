import ArgumentParser
import CarryoverPractice

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract:
            "Copy the practice's database to a file while it is in use (SQLite online backup).",
        discussion: "Example:\n  carryover backup ~/backups/practice-2026-12-01.sqlite")

    @Argument(help: "The backup file to write (mode 0600).") var file: String
    @OptionGroup var options: PracticeOptions

    func run() async throws {
        try await options.open().backup(to: file)
        print("Backed up to \(file)")
    }
}
