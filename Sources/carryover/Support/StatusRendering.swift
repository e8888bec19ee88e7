import CarryoverCore
import CarryoverPractice
import Foundation

/// One client's status for people: risk flags first and unmistakable, then
/// each assignment in plain clinical words.
struct StatusRendering {
    let terminal: Terminal
    let client: Client
    /// When the client last opened the portal (`carryover serve`), if ever.
    let portalLastOpened: Date?

    func print(_ progress: [AssignmentProgress]) {
        Swift.print(
            terminal.paint("\(client.id)  \(client.displayName)  (\(client.timeZone))", .bold))
        Swift.print(
            "Portal: "
                + (portalLastOpened.map { "last opened \(localText($0, client.timeZone))" }
                    ?? "not opened yet"))
        // Open risk flags stay here, whatever came later, until acknowledged.
        for item in progress {
            for flag in item.openFlags {
                let day = localText(flag.performedAt, client.timeZone)
                Swift.print(
                    terminal.paint(" RISK ", .redBackground) + " "
                        + terminal.paint(
                            "\(flag.message) [\(item.assignment.id), \(day)]", .red, .bold)
                        + " (acknowledge: carryover flags ack \(flag.id) --note ...)")
            }
            for flag in item.pluginFlags where flag.needsAcknowledgement {
                Swift.print(
                    terminal.paint(" RISK ", .redBackground) + " "
                        + terminal.paint("\(flag.message) [\(item.assignment.id)]", .red, .bold))
            }
        }
        if progress.isEmpty { Swift.print("No assignments yet: give one with 'carryover assign'.") }
        for item in progress { print(item) }
    }

    private func print(_ item: AssignmentProgress) {
        let assignment = item.assignment
        Swift.print("")
        Swift.print(
            terminal.paint(
                "\(assignment.id)  \(item.title)  [\(assignment.status.rawValue)]", .bold))
        Swift.print("  Schedule: \(assignment.schedule.description)")
        for line in StatusLines(item: item, timeZone: client.timeZone).lines {
            Swift.print("  " + line)
        }
        let fromPortal = item.entries.filter { $0.viaPortal && $0.source == .client }
        if let latest = fromPortal.last {
            Swift.print(
                "  From the portal: \(fromPortal.count) of \(item.entries.count) entries, "
                    + "latest \(localText(latest.loggedAt, client.timeZone))")
        }
        let confirmed = item.entries.filter { $0.kind == .confirmation }
        if !confirmed.isEmpty {
            Swift.print(
                "  Confirmed by supporters: \(confirmed.count) "
                    + "(\(confirmed.filter(\.counts).count) counted)")
        }
        let met = item.completion.met ? terminal.paint(" - met", .green) : ""
        Swift.print("  Counts as done when: \(assignment.completion.description)")
        Swift.print("  So far: \(item.completion.progress)\(met)")
        if let summary = item.progressSummary { Swift.print("  Progress: \(summary)") }
        if !assignment.status.isFinal {
            for trend in item.trends {
                let title = item.scoreTitles.title(trend.name)
                Swift.print(
                    "  \(title): \(trend.sparkline)  latest \(ScoreText.format(trend.last)), "
                        + "mean \(ScoreText.format(trend.mean))")
            }
        }
        if let balance = item.balance { Swift.print("  Balance: \(balance)") }
        for flag in item.pluginFlags where flag.level != .risk {
            Swift.print(terminal.paint("  ! \(flag.message)", .yellow))
        }
        for flag in item.barrierFlags {
            Swift.print(
                terminal.paint("  ! \(flag.message) Suggestion: \(flag.suggestion)", .yellow))
        }
    }
}

/// The lines about when the homework is due and how it went, which depend on
/// whether the assignment runs, waits for its previous step or has ended.
struct StatusLines {
    let item: AssignmentProgress
    let timeZone: String

    var lines: [String] {
        let assignment = item.assignment
        let overall = item.adherence.overall
        let percent = overall.fraction.map { " (\(Int(($0 * 100).rounded()))%)" } ?? ""
        let adherence = "\(overall.done) of \(overall.due) scheduled times done\(percent)"
        if assignment.status.isFinal {
            let ended = assignment.endedAt.map { " on \(localDay($0, timeZone))" } ?? ""
            return ["Ended (\(assignment.status.rawValue))\(ended): \(adherence) before it ended."]
        }
        var lines: [String] = []
        if assignment.waitsForAnchor {
            let after = assignment.startsAfter.map { "when \($0) is completed" } ?? "by hand"
            return [
                "Not started: waits for the previous step (starts \(after); or "
                    + "'carryover assignment start \(assignment.id)')."
            ]
        }
        if assignment.status == .active, let next = item.next {
            lines.append("Next due: \(localText(next.due, timeZone))")
        } else if assignment.status == .active {
            lines.append("Next due: none (the schedule has ended)")
        }
        lines.append("Adherence: \(adherence)")
        let week = item.adherence.currentWeek
        lines.append(
            "This week (\(weekText(week.weekStart, timeZone))): "
                + "\(week.count.done) of \(week.count.due) done")
        lines.append(
            "Streak: \(item.streak.current) in a row now, longest \(item.streak.longest)")
        return lines
    }
}

/// `carryover status CLIENT --json`: the stable shape documented in Docs/cli.md.
struct ClientStatusJSON: Encodable {
    struct AssignmentJSON: Encodable {
        let id, homeworkType, title, status, schedule, rule, reinforcement: String
        let nextDue: Date?
        let startsAfter: String?
        let waitsForPreviousStep: Bool
        let endedAt: Date?
        let adherence: AdherenceCount
        let thisWeek: WeekAdherence
        let weeks: [WeekAdherence]
        let streak: StreakJSON
        let completion: CompletionStatus
        let progress: PluginProgressJSON?
        let scores: [ScoreJSON]
        let balance: String?
        let flags: [PluginFlag]
        let openFlags: [RaisedFlag]
        let barriers: [ProgressFlag]
        /// Entries the client submitted on the portal.
        let portalEntries: Int
        /// Supporters' confirmations of practice, and how many of them count.
        let supporterConfirmations: Int
        let countedConfirmations: Int
    }

    struct StreakJSON: Encodable {
        let current, longest: Int
    }

    struct ScoreJSON: Encodable {
        let name, title: String
        let last, mean, min, max: Double
        let slopePerWeek: Double?
        let sparkline: String
    }

    let client: Client
    let assignments: [AssignmentJSON]
    let portalLastOpened: Date?

    init(client: Client, progress: [AssignmentProgress], portalLastOpened: Date?) {
        self.client = client
        self.portalLastOpened = portalLastOpened
        assignments = progress.map { item in
            let assignment = item.assignment
            return AssignmentJSON(
                id: assignment.id, homeworkType: assignment.homeworkType,
                title: item.title, status: assignment.status.rawValue,
                schedule: assignment.schedule.description,
                rule: assignment.completion.description,
                reinforcement: assignment.reinforcement.description, nextDue: item.next?.due,
                startsAfter: assignment.startsAfter,
                waitsForPreviousStep: assignment.waitsForAnchor, endedAt: assignment.endedAt,
                adherence: item.adherence.overall, thisWeek: item.adherence.currentWeek,
                weeks: item.adherence.weeks,
                streak: StreakJSON(current: item.streak.current, longest: item.streak.longest),
                completion: item.completion, progress: PluginProgressJSON(item),
                scores: item.trends.map {
                    ScoreJSON(
                        name: $0.name, title: item.scoreTitles.title($0.name), last: $0.last,
                        mean: $0.mean, min: $0.min, max: $0.max, slopePerWeek: $0.slopePerWeek,
                        sparkline: $0.sparkline)
                }, balance: item.balance, flags: item.pluginFlags, openFlags: item.openFlags,
                barriers: item.barrierFlags,
                portalEntries: item.entries.filter { $0.viaPortal && $0.source == .client }.count,
                supporterConfirmations: item.entries.filter { $0.kind == .confirmation }.count,
                countedConfirmations: item.entries.filter { $0.kind == .confirmation && $0.counts }
                    .count)
        }
    }
}

/// A plugin's own progress state, in words and as the plugin keeps it.
struct PluginProgressJSON: Encodable {
    let summary: String
    let state: Value

    init?(_ item: AssignmentProgress) {
        guard let summary = item.progressSummary else { return nil }
        self.summary = summary
        state = item.pluginProgress
    }
}
