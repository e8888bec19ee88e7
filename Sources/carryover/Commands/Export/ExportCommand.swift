import ArgumentParser
import CarryoverExport
import CarryoverPractice

/// `carryover export`: a client's data in formats other programs read.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a client's reminders, FHIR record, entries or everything.",
        discussion: """
            Examples:
              carryover export ics c-017 --out reminders.ics
              carryover export fhir c-017 --out c-017.fhir.json
              carryover export csv c-017 --out - > entries.csv
              carryover export json c-017 --out c-017.json
            """,
        subcommands: [
            ExportCalendar.self, ExportFHIR.self, ExportCSV.self, ExportArchive.self,
        ])
}

/// The client and where the export goes, shared by every export.
struct ExportTarget: ParsableArguments {
    @Argument(help: "The client id.") var client: String
    @OptionGroup var output: ExportOutput
    @OptionGroup var options: PracticeOptions
}

struct ExportCalendar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "Reminders for the active assignments as an iCalendar (.ics) file.",
        discussion: """
            One repeating event per active assignment, in the client's time zone
            (times stay put across daylight-saving changes), with a reminder 15
            minutes before. Events are titled "Practice" so a shared calendar
            reveals nothing. All-day schedules are left out.

            Example:
              carryover export ics c-017 --out reminders.ics
            """)

    @OptionGroup var target: ExportTarget

    func run() async throws {
        let practice = try await target.options.open(.readOnly)
        let series = try await practice.reminders(clientID: target.client)
        guard !series.isEmpty else {
            throw CommandFailure(
                .notFound,
                "\(target.client) has no active assignment with a timed schedule to remind of")
        }
        try target.output.write(
            ReminderCalendar(stamp: practice.clock.now()).render(series))
    }
}

struct ExportFHIR: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fhir",
        abstract: "The client's plan, goals, tasks and measures as a FHIR R4 Bundle (JSON).",
        discussion: """
            A Bundle of type collection: Patient (by client id only), Goals, a
            CarePlan, one Task per assignment, PHQ-9/GAD-7 QuestionnaireResponses
            with their total Observations (LOINC 44261-6, 70274-6) and homework
            score Observations. Resource ids are stable across exports.

            Example:
              carryover export fhir c-017 --out c-017.fhir.json
            """)

    @OptionGroup var target: ExportTarget
    @Option(
        help: ArgumentHelp(
            "Base URL of the clinic's own code systems.", valueName: "url"))
    var codeSystemBase = "https://carryover.invalid/fhir"

    func run() async throws {
        let practice = try await target.options.open(.readOnly)
        let plan = try await practice.carePlan(
            clientID: target.client, codeSystemBase: codeSystemBase)
        try target.output.write(FHIRBundle.json(plan))
    }
}

struct ExportCSV: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "The client's entries as CSV, one line each (fields as a.b columns).",
        discussion: """
            Cells a spreadsheet would run as a formula get a leading quote.

            Example:
              carryover export csv c-017 --out entries.csv
            """)

    @OptionGroup var target: ExportTarget

    func run() async throws {
        let practice = try await target.options.open(.readOnly)
        try target.output.write(try await practice.entriesCSV(clientID: target.client))
    }
}

struct ExportArchive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "json",
        abstract: "Everything about the client as one canonical JSON document.",
        discussion: """
            Client, assignments, entries, the report so far and the reminders,
            with sorted keys: the same data always gives the same bytes.

            Example:
              carryover export json c-017 --out c-017.json
            """)

    @OptionGroup var target: ExportTarget

    func run() async throws {
        let practice = try await target.options.open(.readOnly)
        try target.output.write(try await practice.archiveJSON(clientID: target.client))
    }
}
