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
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CommandFailure(
                .cannotCreate,
                "cannot write \(url.path): check that its folder exists and is writable")
        }
    }
}

/// `--from`/`--to` dates as YYYY-MM-DD.
func parseLocalDate(_ text: String) throws -> LocalDate {
    guard let date = LocalDate(text) else {
        throw ValidationError("write dates as YYYY-MM-DD (e.g. 2026-11-30), not '\(text)'")
    }
    return date
}
