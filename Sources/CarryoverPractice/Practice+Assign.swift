import CarryoverCore
import Foundation

/// What a therapist asks for when assigning homework, in words.
public struct AssignmentRequest: Sendable {
    public var clientID: String
    public var homeworkType: String
    public var params: Value
    /// e.g. "daily at 20:00 for 3 weeks"
    public var schedule: String
    /// e.g. "5 of 7 days"
    public var completion: String
    /// e.g. "token economy"
    public var reinforcement: String
    public var rewards: [Reward]
    public var taskID: String?
    /// The assignment whose completion starts this one (its schedule says
    /// "starting N days after the previous step").
    public var startsAfter: String?

    public init(
        clientID: String, homeworkType: String, params: Value = .object([:]), schedule: String,
        completion: String = "done", reinforcement: String = "none", rewards: [Reward] = [],
        taskID: String? = nil, startsAfter: String? = nil
    ) {
        self.clientID = clientID
        self.homeworkType = homeworkType
        self.params = params
        self.schedule = schedule
        self.completion = completion
        self.reinforcement = reinforcement
        self.rewards = rewards
        self.taskID = taskID
        self.startsAfter = startsAfter
    }
}

extension Practice {
    /// Checks a request against the client, the homework type's params and
    /// the phrase grammar, then stores the new assignment.
    ///
    /// - Throws: ``PracticeError`` with every params problem, or the core's
    ///   error for a phrase it cannot read; nothing is written then.
    public func assign(_ request: AssignmentRequest) async throws -> Assignment {
        let client = try await client(request.clientID)
        let source = try catalogue.source(id: request.homeworkType)
        let type = try homeworkType(source.id, version: source.version, seed: 0)
        let problems = type.validateParams(request.params)
        guard problems.isEmpty else {
            throw PracticeError(
                .invalidInput, "the params for \(source.id) have \(problems.count) problem(s)",
                problems: problems)
        }
        let schedule = try Schedule(
            phrase: request.schedule, timeZone: client.timeZone, today: today(in: client.timeZone))
        let completion = try Self.completionRule(request.completion, for: type.declaration)
        let plan = try ReinforcementPlan(phrase: request.reinforcement, catalogue: request.rewards)
        let existing = try await store.assignments(clientID: client.id, status: nil)
        if let taskID = request.taskID { try await requireTask(taskID, of: client) }
        if let previous = request.startsAfter {
            try requirePrevious(previous, among: existing, schedule: schedule, client: client)
        }
        var random = SystemRandomNumberGenerator()
        let assignment = Assignment(
            id: "\(client.id)-\(existing.count + 1)", clientID: client.id, taskID: request.taskID,
            homeworkType: source.id, homeworkVersion: source.version, params: request.params,
            schedule: schedule, completion: completion, reinforcement: plan,
            seed: random.next(), createdAt: clock.now(), startsAfter: request.startsAfter)
        try await store.saveAssignment(assignment)
        return assignment
    }

    /// The assignment with `id`, or a not-found error listing the client's ids.
    public func assignment(_ id: String) async throws -> Assignment {
        do {
            return try await store.assignment(id: id)
        } catch {
            throw PracticeError(
                .notFound, "no assignment '\(id)'; see the ids with 'carryover status CLIENT'")
        }
    }

    /// Moves an assignment to a new status with the therapist's reason.
    public func setStatus(_ id: String, to status: Assignment.Status, reason: String) async throws
        -> Assignment
    {
        var assignment = try await assignment(id)
        try assignment.transition(to: status, at: clock.now(), reason: reason)
        try await store.saveAssignment(assignment)
        if status == .completed { try await startFollowers(of: assignment) }
        return assignment
    }

    /// Changes an assignment's params, schedule, rule or reinforcement, keeping the reason.
    public func modify(
        _ id: String, params: Value?, schedule: String?, completion: String?,
        reinforcement: String?, reason: String
    ) async throws -> Assignment {
        var assignment = try await assignment(id)
        let client = try await client(assignment.clientID)
        var change = AssignmentModification()
        if let params {
            let type = try homeworkType(
                assignment.homeworkType, version: assignment.homeworkVersion, seed: 0)
            let problems = type.validateParams(params)
            guard problems.isEmpty else {
                throw PracticeError(
                    .invalidInput, "the new params have \(problems.count) problem(s)",
                    problems: problems)
            }
            change.params = params
        }
        if let schedule {
            change.schedule = try Schedule(
                phrase: schedule, timeZone: client.timeZone, today: today(in: client.timeZone))
        }
        if let completion {
            let type = try homeworkType(
                assignment.homeworkType, version: assignment.homeworkVersion, seed: 0)
            change.completion = try Self.completionRule(completion, for: type.declaration)
        }
        if let reinforcement {
            change.reinforcement = try ReinforcementPlan(
                phrase: reinforcement, catalogue: assignment.reinforcement.catalogue)
        }
        try assignment.modify(change, at: clock.now(), reason: reason)
        try await store.saveAssignment(assignment)
        return assignment
    }
}

extension Practice {
    /// A completion rule the practice can evaluate: the engine evaluates
    /// plugin predicates through a host the workflow does not provide yet,
    /// so such a rule is refused when it is assigned, not when status runs.
    /// A rule that names a score the homework type never gives is refused too.
    static func completionRule(_ phrase: String, for type: HomeworkDeclaration) throws
        -> CompletionRule
    {
        let rule = try CompletionRule(phrase: phrase)
        guard !rule.usesPluginPredicate else {
            throw PracticeError(
                .invalidInput,
                "plugin predicates ('plugin NAME') are not available in assignments yet; "
                    + "use a score threshold or an accuracy rule instead")
        }
        try rule.check(scores: type.scores, of: type.title)
        return rule
    }

    /// Refuses a goal task id that none of the client's goals has.
    func requireTask(_ taskID: String, of client: Client) async throws {
        let tasks = try await goals(clientID: client.id).flatMap(\.phases).flatMap(\.tasks)
        guard tasks.contains(where: { $0.id == taskID }) else {
            throw PracticeError(
                .notFound,
                "no task '\(taskID)' in \(client.id)'s goals."
                    + Suggestions.hint(for: taskID, among: tasks.map(\.id))
                    + " See 'carryover goal list \(client.id)'; add one with 'carryover goal task'."
            )
        }
    }
}
