import ArgumentParser
import Testing

@testable import carryover

/// The help texts name every option and show runnable examples.
@Suite struct ExportHelpTests {
    @Test func reportHelpShowsOptionsAndExamples() {
        let help = ReportCommand.helpMessage(columns: 120)
        for part in ["--from <date>", "--to <date>", "--show-name", "--out <file>", "Examples:"] {
            #expect(help.contains(part), "\(part)")
        }
        #expect(help.contains("carryover report c-017 --out report.html"))
    }

    @Test func everyExportHasHelpWithAnExample() {
        let formats: [(any AsyncParsableCommand.Type, String)] = [
            (ExportCalendar.self, "ics"), (ExportFHIR.self, "fhir"), (ExportCSV.self, "csv"),
            (ExportArchive.self, "json"),
        ]
        #expect(ExportCommand.configuration.subcommands.count == formats.count)
        for (command, name) in formats {
            let help = ExportCommand.helpMessage(for: command, columns: 120)
            #expect(help.contains("carryover export \(name) c-017 --out"), "\(name)")
            #expect(help.contains("--out <file>"), "\(name)")
        }
    }
}
