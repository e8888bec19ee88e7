import ArgumentParser
import CarryoverCore
import CarryoverPractice
import Foundation

struct EntryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entry",
        abstract: "Show, amend or void a logged entry; the original stays in its history.",
        discussion: """
            Nothing logged is erased: an amendment keeps the version it replaces, a void keeps
            the entry (it no longer counts) and takes back what it earned with new ledger
            lines. Each needs a reason; both are in the audit journal.
            Examples:
              carryover entry show 6c129219-b9e7-43fb-96aa-30fce1c260f3
              carryover entry amend 6c129219-... --set mood=4 --reason "client misread the scale"
              carryover entry void 6c129219-... --reason "logged for the wrong client"
            """,
        subcommands: [Show.self, Amend.self, VoidEntry.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "An entry as it stands, with every correction and what it replaced.")

        @Argument(help: "The entry id (see 'carryover history CLIENT --json').") var entry: String
        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let practice = try await options.open()
            let history = try await practice.entryHistory(entry)
            if output.json { return try printJSON(EntryHistoryJSON(history)) }
            let zone = try await practice.client(history.entry.clientID).timeZone
            EntryHistoryJSON(history).printForPeople(timeZone: zone)
        }
    }

    struct Amend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "amend",
            abstract: "Correct an entry's fields; it is validated and scored again.",
            discussion: """
                --set replaces those fields only (--set name=null removes one). The homework
                type version the entry was logged with validates, scores and flags it again.
                Reinforcement does not change (it follows when an entry was made, not its
                values); to move an entry to another time, void it and log it again with --at.
                Example:
                  carryover entry amend 6c129219-... --set mood=4 --reason "client misread the scale"
                """)

        @Argument(help: "The entry id.") var entry: String
        @Option(
            name: .customLong("set"),
            help: ArgumentHelp(
                "A field as name=value (repeat); JSON values allowed.", valueName: "name=value"))
        var fields: [String] = []
        @Option(help: "Why (kept with the entry's history).") var reason: String
        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            guard !fields.isEmpty else {
                throw CommandFailure(.usage, "give the corrected fields with --set name=value")
            }
            let changes = try keyValues(fields, option: "--set")
            let practice = try await options.open()
            let outcome = try await reportingProblems {
                try await practice.amendEntry(entry, changes: changes, reason: reason)
            }
            if output.json { return try printJSON(EntryHistoryJSON(outcome.history)) }
            let amended = outcome.history.entry
            print(
                "Amended entry \(amended.id) (revision \(amended.revision)); the original is kept")
            if !amended.scores.isEmpty { print("  Scores: \(scoresText(amended.scores))") }
            for flag in amended.flags ?? [] where flag.needsAcknowledgement {
                print("  RISK \(flag.message)")
            }
        }
    }

    struct VoidEntry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "void",
            abstract: "Void an entry: it stays in history but no longer counts.",
            discussion: """
                What it earned is taken back by new ledger lines (at most the balance: what was
                spent stays spent); its risk flags stay until acknowledged.
                Example:
                  carryover entry void 6c129219-... --reason "logged for the wrong client"
                """)

        @Argument(help: "The entry id.") var entry: String
        @Option(help: "Why (kept with the entry's history).") var reason: String
        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let practice = try await options.open()
            let outcome = try await practice.voidEntry(entry, reason: reason)
            if output.json { return try printJSON(EntryHistoryJSON(outcome.history)) }
            print("Voided entry \(outcome.history.entry.id); it stays in its history")
            for line in outcome.ledger {
                print("  Ledger: \(line.amount) (\(line.note))")
            }
            if let balance = outcome.balance { print("  Balance: \(balance)") }
        }
    }
}

/// `carryover entry show --json` (and amend, void): the stable shape in Docs/cli.md.
struct EntryHistoryJSON: Encodable {
    struct RevisionJSON: Encodable {
        let number: Int
        let action: String
        let at: Date
        let actor: String
        let reason: String
        let previousFields: Value
        let previousScores: [String: Double]
    }

    let entry: Entry
    let revisions: [RevisionJSON]

    init(_ history: EntryHistory) {
        entry = history.entry
        revisions = history.revisions.map {
            RevisionJSON(
                number: $0.number, action: $0.action.rawValue, at: $0.at, actor: $0.actor,
                reason: $0.reason, previousFields: $0.previousFields,
                previousScores: $0.previousScores)
        }
    }

    func printForPeople(timeZone: String) {
        let state = entry.voided ? " [void]" : entry.revision > 0 ? " [amended]" : ""
        print(
            "\(entry.id)\(state)  \(entry.assignmentID)  \(localText(entry.performedAt, timeZone))")
        print("  source: \(entry.source.rawValue), recorded by \(entry.recordedBy ?? "unknown")")
        print("  fields: \(entry.fields.canonicalJSON())")
        if !entry.scores.isEmpty { print("  scores: \(scoresText(entry.scores))") }
        for revision in revisions {
            print(
                "  \(revision.number). \(revision.action) \(revision.at.formatted(.iso8601)) by "
                    + "\(revision.actor): \(revision.reason)")
            print("     before: \(revision.previousFields.canonicalJSON())")
        }
    }
}
