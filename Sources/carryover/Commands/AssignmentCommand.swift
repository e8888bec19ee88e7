import ArgumentParser
import CarryoverCore
import CarryoverPractice
import Foundation

struct AssignmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assignment",
        abstract:
            "Pause, resume, modify, complete or abandon an assignment; every change keeps its reason.",
        subcommands: [
            Show.self, Modify.self, Start.self, AssignmentUpgradeCommand.self,
            AssignmentEntriesCommand.self,
            StatusChange<Pause>.self, StatusChange<Resume>.self,
            StatusChange<Complete>.self, StatusChange<Abandon>.self,
        ])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show an assignment with its progress, versions and history of changes.",
            discussion: "Example:\n  carryover assignment show c-017-1")

        @Argument(help: "The assignment id.") var id: String
        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let practice = try await options.open(.readOnly)
            let assignment = try await practice.assignment(id)
            let progress = try await practice.progress(of: assignment)
            if output.json {
                return try printJSON(AssignmentShowJSON(assignment, progress: progress))
            }
            print(
                "\(assignment.id): \(assignment.homeworkType) \(assignment.homeworkVersion) [\(assignment.status.rawValue)]"
            )
            printPlan(assignment)
            print("  params:        \(assignment.params.canonicalJSON())")
            if let summary = progress.progressSummary { print("  progress:      \(summary)") }
            if !assignment.versions.isEmpty {
                print("  versions:")
                for (version, current) in assignment.allVersions {
                    print(
                        "    \(AssignmentCommand.span(version, current: current, in: assignment))")
                    print("      schedule: \(version.schedule.description)")
                    print("      done when: \(version.completion.description)")
                    print("      reinforcement: \(version.reinforcement.schedule.description)")
                }
            }
            for change in assignment.history {
                print("  \(change.at.formatted(.iso8601)): \(change.what) (\(change.reason))")
            }
        }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Start an assignment that waits for its previous step.",
            discussion: """
                For a schedule such as "daily at 10:00 for 1 week starting 2 days after the
                previous step": the previous step was done now (or at --at), so the first
                day is 2 days after that. An assignment made with --after starts by itself
                when that assignment is completed.
                Examples:
                  carryover assignment start c-017-2
                  carryover assignment start c-017-2 --at "2026-12-01 18:00" --reason "step 1 done in session"
                """)

        @Argument(help: "The assignment id.") var id: String
        @Option(
            help: ArgumentHelp(
                "When the previous step was done: \"YYYY-MM-DD HH:MM\" in the client's time, or ISO 8601 (default: now).",
                valueName: "time"))
        var at: String?
        @Option(help: "Why (kept in the assignment's history).")
        var reason = "the previous step is done"
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let practice = try await options.open()
            let client = try await practice.client(try await practice.assignment(id).clientID)
            let anchor = try at.map { try parseInstant($0, timeZone: client.timeZone) }
            let assignment = try await practice.start(id, anchor: anchor, reason: reason)
            print("Started \(assignment.id): \(assignment.schedule.description)")
        }
    }

    /// "version 2: 2026-12-14 to 2026-12-20" / "version 3: from 2026-12-21 (current)".
    static func span(_ version: AssignmentVersion, current: Bool, in assignment: Assignment)
        -> String
    {
        let zone = TimeZone(identifier: assignment.schedule.timeZone) ?? .gmt
        let from = version.start?.date ?? LocalDate(assignment.createdAt, in: zone)
        guard !current else { return "version \(version.number): from \(from) (current)" }
        let through = LocalDate(version.until, in: zone).adding(days: -1)
        return through < from
            ? "version \(version.number): never in force (replaced the day it began, \(from))"
            : "version \(version.number): \(from) to \(through)"
    }

    struct Modify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "modify",
            abstract:
                "Change params, schedule, rule or reinforcement as a new version from a day on.",
            discussion: """
                The weeks before the change keep their terms, occurrences and adherence; the
                new version starts on --from (default: today in the client's time zone), and a
                new schedule phrase counts from that day.
                Example, a smaller step after repeated misses:
                  carryover assignment modify c-017-1 --schedule "every 2 days at 20:00 for 3 weeks" \\
                    --reason "missed 4 evenings in a row; smaller step"
                  carryover assignment modify c-017-1 --rule "3 in a row" --from 2026-12-14 \\
                    --reason "agreed in session"
                """)

        @Argument(help: "The assignment id.") var id: String
        @Option(
            name: .customLong("param"),
            help: ArgumentHelp(
                "A param as name=value (repeat); the others keep their values.",
                valueName: "name=value"))
        var params: [String] = []
        @Option(help: "A new schedule, in words.") var schedule: String?
        @Option(help: "A new completion rule, in words.") var rule: String?
        @Option(help: "New reinforcement, in words.") var reinforce: String?
        @Option(help: "Why (kept in the assignment's history).") var reason: String
        @Option(
            help: ArgumentHelp(
                "The new version's first day (default: today in the client's time zone).",
                valueName: "YYYY-MM-DD"))
        var from: String?
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let firstDay = try from.map(parseDate)
            let practice = try await options.open()
            var newParams: Value?
            if !params.isEmpty {
                var merged = try await practice.assignment(id).params.object ?? [:]
                merged.merge(try keyValues(params, option: "--param")) { _, new in new }
                newParams = .object(merged)
            }
            let assignment = try await reportingProblems {
                try await practice.modify(
                    id, params: newParams, schedule: schedule, completion: rule,
                    reinforcement: reinforce, reason: reason, from: firstDay)
            }
            print("Modified \(assignment.id): \(assignment.history.last?.what ?? "")")
        }
    }
}

/// The four status changes share one command shape.
protocol StatusVerb {
    static var name: String { get }
    static var status: Assignment.Status { get }
    static var abstract: String { get }
}

enum Pause: StatusVerb {
    static let name = "pause", status = Assignment.Status.paused
    static let abstract = "Pause an assignment (paused days do not count as missed)."
}
enum Resume: StatusVerb {
    static let name = "resume", status = Assignment.Status.active
    static let abstract = "Resume a paused assignment."
}
enum Complete: StatusVerb {
    static let name = "complete", status = Assignment.Status.completed
    static let abstract = "Mark an assignment completed (final)."
}
enum Abandon: StatusVerb {
    static let name = "abandon", status = Assignment.Status.abandoned
    static let abstract = "Abandon an assignment (final)."
}

struct StatusChange<Verb: StatusVerb>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Verb.name, abstract: Verb.abstract,
            discussion:
                "Example:\n  carryover assignment \(Verb.name) c-017-1 --reason \"holiday week\"")
    }

    @Argument(help: "The assignment id.") var id: String
    @Option(help: "Why (kept in the assignment's history).") var reason: String
    @OptionGroup var options: PracticeOptions

    func run() async throws {
        let assignment = try await options.open().setStatus(id, to: Verb.status, reason: reason)
        print("\(assignment.id) is now \(assignment.status.rawValue)")
    }
}

/// `carryover assignment show --json`: the assignment as stored, with the
/// plugin's own progress state.
struct AssignmentShowJSON: Encodable {
    let assignment: Assignment
    let progress: PluginProgressJSON?

    init(_ assignment: Assignment, progress: AssignmentProgress) {
        self.assignment = assignment
        self.progress = PluginProgressJSON(progress)
    }

    func encode(to encoder: any Encoder) throws {
        try assignment.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encodeIfPresent(progress, forKey: .progress)
    }

    private enum Keys: String, CodingKey { case progress }
}
