import CarryoverCore
import CarryoverPractice
import Foundation

/// The answer to a logged entry, for people: risk first, reward at once.
struct LogRendering {
    let terminal: Terminal
    let timeZone: String

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
                    "  ! It counts for no scheduled occurrence: it is after the due time (plus any"
                        + " grace) or outside the schedule. A schedule such as \"daily at 20:00"
                        + " grace 2 hours\" takes late entries.", .yellow))
        }
        if !outcome.entry.scores.isEmpty {
            Swift.print("  Scores: \(scoresText(outcome.entry.scores))")
        }
        if let feedback = outcome.feedback { Swift.print("  \(feedback)") }
        for event in outcome.reinforcement {
            Swift.print(terminal.paint("  ★ \(event.message)", .cyan))
        }
        if let balance = outcome.balance { Swift.print("  Balance: \(balance)") }
        for flag in outcome.flags where flag.level != .risk {
            Swift.print(terminal.paint("  ! \(flag.message)", .yellow))
        }
        let met = outcome.completion.met ? terminal.paint(" (met)", .green) : ""
        Swift.print("  Progress: \(outcome.completion.progress)\(met)")
        if let next = outcome.next { Swift.print("  Next: \(localText(next.due, timeZone))") }
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
    }
}
