import CarryoverCore
import CarryoverStore
import Foundation

/// What a therapist changes in a goal; nil parts stay as they are.
public struct GoalEdit: Sendable, Hashable {
    public var title: String?
    public var specific: String?
    public var measure: String?
    public var achievable: String?
    public var relevant: String?
    /// T: the date the goal is due by.
    public var timeBound: LocalDate?
    public var grow: GROWNotes?

    public init(
        title: String? = nil, specific: String? = nil, measure: String? = nil,
        achievable: String? = nil, relevant: String? = nil, timeBound: LocalDate? = nil,
        grow: GROWNotes? = nil
    ) {
        self.title = title
        self.specific = specific
        self.measure = measure
        self.achievable = achievable
        self.relevant = relevant
        self.timeBound = timeBound
        self.grow = grow
    }
}

extension Practice {
    /// The goal with `id`, or a not-found error that says where to look.
    public func goal(_ id: String) async throws -> Goal {
        do {
            return try await store.document(Goal.self, id: id)
        } catch let error as StoreError where error.code == .notFound {
            throw PracticeError(
                .notFound, "no goal '\(id)'; see 'carryover goal list CLIENT'", cause: error)
        }
    }

    /// Changes a goal's SMART fields, time bound or GROW notes and returns
    /// its SMART findings. The phases must still fit the time bound.
    ///
    /// - Throws: ``PracticeError`` `.invalidInput` when nothing changes; the
    ///   core's error when a phase would end after the new time bound.
    public func editGoal(_ id: String, _ edit: GoalEdit) async throws -> (Goal, [SMARTFinding]) {
        var goal = try await goal(id)
        let before = goal
        goal.title = edit.title ?? goal.title
        goal.specific = edit.specific ?? goal.specific
        goal.measure = edit.measure ?? goal.measure
        goal.achievable = edit.achievable ?? goal.achievable
        goal.relevant = edit.relevant ?? goal.relevant
        goal.timeBound = edit.timeBound ?? goal.timeBound
        goal.grow = edit.grow ?? goal.grow
        guard goal != before else {
            throw PracticeError(.invalidInput, "nothing to change in goal \(id)")
        }
        return (goal, try await saveGoal(goal))
    }

    /// Changes a phase's title or days (its time bound).
    ///
    /// - Throws: ``PracticeError`` `.notFound` for an unknown phase (with the
    ///   closest ids), `.invalidInput` when nothing changes; the core's error
    ///   when the days overlap another phase or pass the goal's time bound.
    public func editPhase(
        goalID: String, phaseID: String, title: String?, start: LocalDate?, end: LocalDate?
    ) async throws -> (Goal, GoalPhase, [SMARTFinding]) {
        var goal = try await goal(goalID)
        guard let index = goal.phases.firstIndex(where: { $0.id == phaseID }) else {
            throw PracticeError(
                .notFound,
                "goal \(goalID) has no phase '\(phaseID)';"
                    + Suggestions.hint(for: phaseID, among: goal.phases.map(\.id)))
        }
        let before = goal.phases[index]
        goal.phases[index].title = title ?? before.title
        goal.phases[index].start = start ?? before.start
        goal.phases[index].end = end ?? before.end
        guard goal.phases[index] != before else {
            throw PracticeError(.invalidInput, "nothing to change in phase \(phaseID)")
        }
        return (goal, goal.phases[index], try await saveGoal(goal))
    }
}
