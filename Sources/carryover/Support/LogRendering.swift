import CarryoverCore
import CarryoverPractice
import Foundation

/// The answer to a logged entry, for people: risk first; then the summary
/// for the therapist (scores, progress, what is next); then, apart, what the
/// client is told (the homework type's feedback and the reinforcement earned).
struct LogRendering {
    let terminal: Terminal
    let timeZone: String
    /// The homework type's scores in its order, with their titles.
    var scoreTitles = ScoreTitles()

    func print(_ outcome: LogOutcome) {
        for flag in outcome.flags where flag.level == .risk {
            Swift.print(
                terminal.paint(" RISK ", .redBackground) + " "
                    + terminal.paint(flag.message, .red, .bold))
        }
        let occurrence = outcome.occurrence.map { " for \(localText($0.due, timeZone))" } ?? ""
        Swift.print(terminal.paint("✓ Logged", .green, .bold) + occurrence)
        if outcome.occurrence == nil {
            // Otherwise a therapist sees "Logged" and wonders why adherence did not move.
            Swift.print(
                terminal.paint(
                    "  ! It counts for no scheduled time: it is after the due time (plus any"
                        + " grace) or outside the schedule. A schedule such as \"daily at 20:00"
                        + " grace 2 hours\" takes late entries.", .yellow))
        }
        if !outcome.entry.scores.isEmpty { Swift.print("  Scores:") }
        for name in scoreTitles.ordered(outcome.entry.scores.keys) {
            Swift.print(
                "    \(scoreTitles.title(name)): \(ScoreText.format(outcome.entry.scores[name]!))")
        }
        for flag in outcome.flags where flag.level != .risk {
            Swift.print(terminal.paint("  ! \(flag.message)", .yellow))
        }
        let met = outcome.completion.met ? terminal.paint(" - met", .green) : ""
        Swift.print("  So far: \(outcome.completion.progress)\(met)")
        if let change = outcome.progressChange {
            Swift.print(terminal.paint("  ▲ \(change)", .green, .bold))
        } else if let summary = outcome.progressSummary {
            Swift.print("  Progress: \(summary)")
        }
        if let next = outcome.next { Swift.print("  Next due: \(localText(next.due, timeZone))") }
        let forClient =
            (outcome.feedback.map { [$0] } ?? []) + outcome.reinforcement.map { "★ \($0.message)" }
            + (outcome.balance.map { ["Balance: \($0)"] } ?? [])
        guard !forClient.isEmpty else { return }
        Swift.print(terminal.paint("For the client:", .bold))
        for line in forClient { Swift.print(terminal.paint("  \(line)", .cyan)) }
    }
}

/// `carryover log --json`: the stable shape documented in Docs/cli.md.
struct LogJSON: Encodable {
    let entryID: String
    let assignmentID: String
    let performedAt: Date
    let occurrence: Int?
    let scores: [String: Double]
    let feedback: String?
    let flags: [PluginFlag]
    let reinforcement: [String]
    let balance: String?
    let completion: CompletionStatus
    let nextDue: Date?
    /// The step or level this entry completed, in words.
    let progressChange: String?
    /// The plugin's progress state, for types that keep one.
    let progress: Value?
    /// The ledger events the entry wrote, numbered as stored.
    let ledger: [LedgerLine]

    /// One stored ledger event: its number in the assignment's ledger and its kind.
    struct LedgerLine: Encodable {
        let seq: Int
        let kind: String
    }

    init(_ outcome: LogOutcome) {
        entryID = outcome.entry.id
        assignmentID = outcome.entry.assignmentID
        performedAt = outcome.entry.performedAt
        occurrence = outcome.occurrence?.index
        scores = outcome.entry.scores
        feedback = outcome.feedback
        flags = outcome.flags
        reinforcement = outcome.reinforcement.map(\.message)
        balance = outcome.balance
        completion = outcome.completion
        nextDue = outcome.next?.due
        progressChange = outcome.progressChange
        progress = outcome.progress == .null ? nil : outcome.progress
        ledger = outcome.ledger.map { LedgerLine(seq: $0.seq, kind: $0.kind) }
    }
}
