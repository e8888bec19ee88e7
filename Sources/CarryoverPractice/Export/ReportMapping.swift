import CarryoverCore
import CarryoverExport
import Foundation

/// The report's words for goals, for what tells an assignment apart, and its
/// score series.
enum ReportMapping {
    /// What tells an assignment apart from the client's others with the same
    /// title: its schedule in words, or nil when the title is unique.
    static func distinction(of item: AssignmentProgress, among all: [AssignmentProgress])
        -> String?
    {
        let namesakes = all.filter { $0.title == item.title }
        guard namesakes.count > 1 else { return nil }
        let phrase = item.assignment.schedule.phrase
        let same = namesakes.filter { $0.assignment.schedule.phrase == phrase }
        return same.count > 1 ? "\(phrase) (\(item.assignment.id))" : phrase
    }

    /// "Goal title: phase: task" of the task the assignment carries out.
    static func task(of assignment: Assignment, in goals: [Goal]) -> String? {
        for goal in goals {
            for phase in goal.phases {
                for task in phase.tasks
                where task.id == assignment.taskID || task.assignmentID == assignment.id {
                    return "\(goal.title): \(phase.title): \(task.title)"
                }
            }
        }
        return nil
    }

    /// Each goal with its filled-in SMART letters, phases and the assignments
    /// each task is carried out by (named from either side of the link).
    static func goals(_ goals: [Goal], assignments: [AssignmentProgress]) -> [ReportGoal] {
        goals.map { goal in
            let details = [
                ("Specific", goal.specific), ("Measure", goal.measure),
                ("Achievable", goal.achievable), ("Relevant", goal.relevant),
            ].filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1)" }
            return ReportGoal(
                title: goal.title, details: details, timeBound: goal.timeBound,
                phases: goal.phases.map { phase in
                    ReportGoal.Phase(
                        title: phase.title, start: phase.start, end: phase.end,
                        tasks: phase.tasks.map { task in
                            let carried = assignments.filter {
                                $0.assignment.taskID == task.id
                                    || $0.assignment.id == task.assignmentID
                            }
                            return ReportGoal.Task(
                                title: task.title,
                                assignments: carried.map {
                                    "\($0.assignment.id) \($0.title) (\($0.assignment.status.rawValue))"
                                })
                        })
                })
        }
    }

    /// One series per score, in the homework type's order with its titles;
    /// `gaps` are the days due and missed, where the chart's line breaks.
    static func scores(
        _ entries: [Entry], titles: ScoreTitles, gaps: [LocalDate], zone: TimeZone
    ) -> [ScoreSeries] {
        let sorted = entries.sorted { ($0.performedAt, $0.id) < ($1.performedAt, $1.id) }
        let names = titles.ordered(Set(sorted.flatMap(\.scores.keys)))
        return names.map { name in
            ScoreSeries(
                name: name, title: titles.title(name),
                points: sorted.compactMap { entry in
                    entry.scores[name].map {
                        .init(date: LocalDate(entry.performedAt, in: zone), value: $0)
                    }
                }, gaps: gaps.sorted())
        }
    }
}
