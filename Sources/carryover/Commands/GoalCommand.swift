import ArgumentParser
import CarryoverCore
import CarryoverPractice

struct GoalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goal",
        abstract: "SMART goals broken into phases and tasks.",
        subcommands: [
            Add.self, Phase.self, Task.self, List.self, Edit.self, EditPhase.self,
        ])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a goal; its SMART check is shown at once.",
            discussion: """
                Example:
                  carryover goal add c-017 --title "Fewer anxious evenings" \\
                    --specific "write a thought record when anxiety rises above 50" \\
                    --measure "5 thought records a week" --achievable "10 minutes after dinner" \\
                    --relevant "panic treatment plan" --by 2027-02-28
                """)

        @Argument(help: "The client id.") var client: String
        @Option(help: "A short title.") var title: String
        @Option(help: "S: the specific behaviour.") var specific = ""
        @Option(help: "M: how it is measured, with a number.") var measure = ""
        @Option(help: "A: why it is achievable now.") var achievable = ""
        @Option(help: "R: the treatment problem it serves.") var relevant = ""
        @Option(help: ArgumentHelp("T: the date it is due.", valueName: "YYYY-MM-DD")) var by:
            String?
        @Option(help: "GROW: goal.") var growGoal = ""
        @Option(help: "GROW: reality.") var growReality = ""
        @Option(help: "GROW: options.") var growOptions = ""
        @Option(help: "GROW: way forward.") var growWayForward = ""
        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let practice = try await options.open()
            let existing = try await practice.goals(clientID: try await practice.client(client).id)
            let goal = Goal(
                id: "\(client)-g\(existing.count + 1)", clientID: client, title: title,
                specific: specific, measure: measure, achievable: achievable, relevant: relevant,
                timeBound: try by.map(parseDate),
                grow: GROWNotes(
                    goal: growGoal, reality: growReality, options: growOptions,
                    wayForward: growWayForward))
            let findings = try await practice.saveGoal(goal)
            if output.json { return try printJSON(GoalJSON(goal: goal, findings: findings)) }
            print("Added goal \(goal.id): \(goal.title)")
            printSMART(findings)
        }
    }

    struct Phase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "phase",
            abstract: "Add a time-bound phase to a goal.",
            discussion: """
                Example:
                  carryover goal phase c-017-g1 --title "Notice and record" --from 2026-12-01 --to 2026-12-21
                """)

        @Argument(help: "The goal id.") var goal: String
        @Option(help: "A short title.") var title: String
        @Option(help: ArgumentHelp("First day.", valueName: "YYYY-MM-DD")) var from: String
        @Option(help: ArgumentHelp("Last day.", valueName: "YYYY-MM-DD")) var to: String
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let practice = try await options.open()
            var stored = try await practice.goal(goal)
            let phase = GoalPhase(
                id: "\(goal)-p\(stored.phases.count + 1)", title: title, start: try parseDate(from),
                end: try parseDate(to))
            stored.phases.append(phase)
            printSMART(try await practice.saveGoal(stored))
            print("Added phase \(phase.id): \(phase.title) (\(phase.start) to \(phase.end))")
        }
    }

    struct Task: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "task",
            abstract: "Add a task to a goal's phase, optionally carried out by an assignment.",
            discussion: """
                Example:
                  carryover goal task c-017-g1 --phase c-017-g1-p1 --title "Thought records" --assignment c-017-1
                """)

        @Argument(help: "The goal id.") var goal: String
        @Option(help: "The phase id.") var phase: String
        @Option(help: "A short title.") var title: String
        @Option(help: "The assignment that carries out the task.") var assignment: String?
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let practice = try await options.open()
            var stored = try await practice.goal(goal)
            guard let index = stored.phases.firstIndex(where: { $0.id == phase }) else {
                throw CommandFailure(
                    .notFound,
                    "goal \(goal) has no phase '\(phase)';"
                        + Suggestions.hint(for: phase, among: stored.phases.map(\.id)))
            }
            let task = GoalTask(
                id: "\(phase)-t\(stored.phases[index].tasks.count + 1)", title: title,
                assignmentID: assignment)
            if let assignment { _ = try await practice.assignment(assignment) }
            stored.phases[index].tasks.append(task)
            _ = try await practice.saveGoal(stored)
            print("Added task \(task.id): \(task.title)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List a client's goals with their SMART check, phases and tasks.",
            discussion: "Example:\n  carryover goal list c-017")

        @Argument(help: "The client id.") var client: String
        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let practice = try await options.open(.readOnly)
            let found = try await practice.client(client)
            let today = LocalDate(
                try PracticeOptions.clock().now(), in: .init(identifier: found.timeZone) ?? .gmt)
            let goals = try await practice.goals(clientID: found.id)
            if output.json {
                return try printJSON(
                    goals.map { GoalJSON(goal: $0, findings: $0.smartCheck(today: today)) })
            }
            for goal in goals {
                print("\(goal.id): \(goal.title)\(goal.timeBound.map { " (by \($0))" } ?? "")")
                printSMART(goal.smartCheck(today: today))
                for phase in goal.phases {
                    print("  \(phase.id): \(phase.title) \(phase.start) to \(phase.end)")
                    for task in phase.tasks {
                        print(
                            "    \(task.id): \(task.title)\(task.assignmentID.map { " -> \($0)" } ?? "")"
                        )
                    }
                }
            }
        }
    }
}

extension GoalCommand {
    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a goal's title, SMART fields, time bound or GROW notes.",
            discussion: """
                Options left out keep their values; the SMART check runs again.
                Example, set the time bound its phases need:
                  carryover goal edit c-017-g1 --by 2027-03-31
                """)

        @Argument(help: "The goal id.") var goal: String
        @Option(help: "A short title.") var title: String?
        @Option(help: "S: the specific behaviour.") var specific: String?
        @Option(help: "M: how it is measured, with a number.") var measure: String?
        @Option(help: "A: why it is achievable now.") var achievable: String?
        @Option(help: "R: the treatment problem it serves.") var relevant: String?
        @Option(help: ArgumentHelp("T: the date it is due.", valueName: "YYYY-MM-DD")) var by:
            String?
        @Option(help: "GROW: goal.") var growGoal: String?
        @Option(help: "GROW: reality.") var growReality: String?
        @Option(help: "GROW: options.") var growOptions: String?
        @Option(help: "GROW: way forward.") var growWayForward: String?
        @OptionGroup var options: PracticeOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let timeBound = try by.map(parseDate)
            let practice = try await options.open()
            var grow: GROWNotes?
            if [growGoal, growReality, growOptions, growWayForward].contains(where: { $0 != nil }) {
                let current = try await practice.goal(goal).grow
                grow = GROWNotes(
                    goal: growGoal ?? current.goal, reality: growReality ?? current.reality,
                    options: growOptions ?? current.options,
                    wayForward: growWayForward ?? current.wayForward)
            }
            let (edited, findings) = try await practice.editGoal(
                goal,
                GoalEdit(
                    title: title, specific: specific, measure: measure, achievable: achievable,
                    relevant: relevant, timeBound: timeBound, grow: grow))
            if output.json { return try printJSON(GoalJSON(goal: edited, findings: findings)) }
            print(
                "Changed goal \(edited.id): \(edited.title)\(edited.timeBound.map { " (by \($0))" } ?? "")"
            )
            printSMART(findings)
        }
    }

    struct EditPhase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit-phase",
            abstract: "Change a phase's title or days.",
            discussion: """
                Example:
                  carryover goal edit-phase c-017-g1 --phase c-017-g1-p1 --to 2026-12-27
                """)

        @Argument(help: "The goal id.") var goal: String
        @Option(help: "The phase id.") var phase: String
        @Option(help: "A short title.") var title: String?
        @Option(help: ArgumentHelp("First day.", valueName: "YYYY-MM-DD")) var from: String?
        @Option(help: ArgumentHelp("Last day.", valueName: "YYYY-MM-DD")) var to: String?
        @OptionGroup var options: PracticeOptions

        func run() async throws {
            let start = try from.map(parseDate)
            let end = try to.map(parseDate)
            let (_, edited, findings) = try await options.open().editPhase(
                goalID: goal, phaseID: phase, title: title, start: start, end: end)
            printSMART(findings)
            print("Changed phase \(edited.id): \(edited.title) (\(edited.start) to \(edited.end))")
        }
    }
}

struct GoalJSON: Encodable {
    let goal: Goal
    let findings: [SMARTFinding]
}

func printSMART(_ findings: [SMARTFinding]) {
    let terminal = Terminal.standardOutput
    if findings.isEmpty {
        print(terminal.paint("  SMART: all five letters are there.", .green))
    }
    for finding in findings {
        print(terminal.paint("  SMART \(finding.hint)", .yellow))
    }
}
