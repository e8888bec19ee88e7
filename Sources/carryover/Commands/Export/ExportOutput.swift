import ArgumentParser
import CarryoverCore
import Foundation

/// Where an export goes: a file written whole (atomically) or, with `-`,
/// standard output. Nothing is written until the export has been built.
struct ExportOutput: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("The file to write, or - for standard output.", valueName: "file"))
    var out: String

    /// Writes `text` to the chosen place; an existing file is replaced.
    ///
    /// - Throws: ``CommandFailure`` (exit 73) when the file cannot be created.
    func write(_ text: String) throws {
        if out == "-" {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let url = URL(fileURLWithPath: out)
        do {
            // Exports are health records: readable by their owner only.
            try Data(text.utf8).write(to: url, options: .atomic)
            try FileManager.default.setAttributes(
                [.posixPermissions: 0o600], ofItemAtPath: url.path)
            FileHandle.standardError.write(Data("Wrote \(url.path)\n".utf8))
        } catch {
            throw CommandFailure(
                .cannotCreate,
                "cannot write \(url.path): check that its folder exists and is writable")
        }
    }
}
