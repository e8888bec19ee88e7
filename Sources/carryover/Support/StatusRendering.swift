import CarryoverCore
import CarryoverPractice
import Foundation

/// One client's status for people: risk flags first and unmistakable.
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
        let risks = progress.flatMap { item in
            item.pluginFlags.filter { $0.level == .risk }.map { (item, $0) }
        }
        for (item, flag) in risks {
            Swift.print(
                terminal.paint(" RISK ", .redBackground) + " "
                    + terminal.paint("\(flag.message) [\(item.assignment.id)]", .red, .bold))
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
        Swift.print("  \(assignment.schedule.description)")
        if assignment.status == .active, let next = item.next {
            Swift.print("  Next due: \(localText(next.due, client.timeZone))")
        }
        let overall = item.adherence.overall
        let percent = overall.fraction.map { " (\(Int(($0 * 100).rounded()))%)" } ?? ""
        Swift.print("  Adherence: \(overall.done) of \(overall.due) due\(percent)")
        let fromPortal = item.entries.filter { $0.source == .clientPortal }
        if let latest = fromPortal.last {
            Swift.print(
                "  From the portal: \(fromPortal.count) of \(item.entries.count) entries, "
                    + "latest \(localText(latest.loggedAt, client.timeZone))")
        }
        if let week = item.adherence.weeks.last {
            Swift.print(
                "  This week (\(week.isoYear)-W\(week.isoWeek)): \(week.count.done) of \(week.count.due)"
            )
        }
        Swift.print("  Streak: \(item.streak.current) now, \(item.streak.longest) longest")
        let met = item.completion.met ? terminal.paint(" met", .green) : ""
        Swift.print(
            "  Done when \(assignment.completion.description): \(item.completion.progress)\(met)")
        for trend in item.trends {
            Swift.print(
                "  \(trend.name): \(trend.sparkline)  last \(numberText(trend.last)), mean \(String(format: "%.1f", trend.mean))"
            )
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

/// `carryover status CLIENT --json`: the stable shape documented in Docs/cli.md.
struct ClientStatusJSON: Encodable {
    struct AssignmentJSON: Encodable {
        let id, homeworkType, title, status, schedule, rule: String
        let nextDue: Date?
        let adherence: AdherenceCount
        let weeks: [WeekAdherence]
        let streak: StreakJSON
        let completion: CompletionStatus
        let scores: [ScoreJSON]
        let balance: String?
        let flags: [PluginFlag]
        let barriers: [ProgressFlag]
        /// Entries the client submitted on the portal.
        let portalEntries: Int
    }

    struct StreakJSON: Encodable {
        let current, longest: Int
    }

    struct ScoreJSON: Encodable {
        let name: String
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
            AssignmentJSON(
                id: item.assignment.id, homeworkType: item.assignment.homeworkType,
                title: item.title, status: item.assignment.status.rawValue,
                schedule: item.assignment.schedule.description,
                rule: item.assignment.completion.description, nextDue: item.next?.due,
                adherence: item.adherence.overall, weeks: item.adherence.weeks,
                streak: StreakJSON(current: item.streak.current, longest: item.streak.longest),
                completion: item.completion,
                scores: item.trends.map {
                    ScoreJSON(
                        name: $0.name, last: $0.last, mean: $0.mean, min: $0.min, max: $0.max,
                        slopePerWeek: $0.slopePerWeek, sparkline: $0.sparkline)
                }, balance: item.balance, flags: item.pluginFlags, barriers: item.barrierFlags,
                portalEntries: item.entries.filter { $0.source == .clientPortal }.count)
        }
    }
}
