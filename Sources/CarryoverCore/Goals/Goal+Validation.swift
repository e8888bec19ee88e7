import Foundation

extension Goal {
    /// Checks the phase plan: each phase has a start not after its end, lies
    /// within the time bound, and begins after the previous one ends; ids are
    /// unique. Messages name ids and dates only, never the goal's wording.
    ///
    /// - Throws: ``CoreError`` `.invalidGoal` saying what to fix.
    public func validate() throws(CoreError) {
        guard !id.isEmpty else { throw invalid("give the goal an id") }
        guard !phases.isEmpty else { return }
        guard let timeBound else {
            throw invalid("set the goal's time bound (T) before breaking it into phases")
        }
        var previous: GoalPhase?
        for phase in phases {
            guard phase.start <= phase.end else {
                throw invalid(
                    "phase \(phase.id) ends (\(phase.end)) before it starts (\(phase.start))")
            }
            guard phase.end <= timeBound else {
                throw invalid(
                    "phase \(phase.id) ends \(phase.end), after the goal's time bound "
                        + "\(timeBound); end it by then or move the time bound")
            }
            if let previous, phase.start <= previous.end {
                throw invalid(
                    "phase \(phase.id) starts \(phase.start), before phase \(previous.id) ends "
                        + "\(previous.end); list phases in order without overlap")
            }
            previous = phase
        }
        if let repeated = Self.firstRepeated(phases.map(\.id)) {
            throw invalid("phase id \(repeated) is used twice; give each phase its own id")
        }
        let tasks = phases.flatMap(\.tasks)
        if let repeated = Self.firstRepeated(tasks.map(\.id)) {
            throw invalid("task id \(repeated) is used twice; give each task its own id")
        }
        if let task = tasks.first(where: { $0.assignmentID?.isEmpty == true }) {
            throw invalid("task \(task.id) links to an empty assignment id; give the id or none")
        }
    }

    /// Links task `taskID` to assignment `assignmentID`.
    ///
    /// - Throws: ``CoreError`` `.invalidGoal` when the goal has no such task.
    public mutating func link(task taskID: String, to assignmentID: String) throws(CoreError) {
        for phaseIndex in phases.indices {
            if let taskIndex = phases[phaseIndex].tasks.firstIndex(where: { $0.id == taskID }) {
                phases[phaseIndex].tasks[taskIndex].assignmentID = assignmentID
                return
            }
        }
        throw invalid("goal \(id) has no task \(taskID); add it to a phase first")
    }

    private static func firstRepeated(_ ids: [String]) -> String? {
        var seen: Set<String> = []
        return ids.first { !seen.insert($0).inserted }
    }

    private func invalid(_ message: String) -> CoreError {
        CoreError(.invalidGoal, "invalid goal: \(message)")
    }
}
