import CarryoverCore
import CarryoverStore
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
        let assignment = try await newAssignment(request)
        try await store.saveAssignment(assignment)
        return assignment
    }

    /// The assignment `request` makes, checked but not stored; `earlier`
    /// counts assignments made before it in the same write (for its id).
    func newAssignment(_ request: AssignmentRequest, earlier: Int = 0) async throws -> Assignment {
        let client = try await client(request.clientID)
        try Self.requireInTreatment(client)
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
        return Assignment(
            id: "\(client.id)-\(existing.count + earlier + 1)", clientID: client.id,
            taskID: request.taskID, homeworkType: source.id, homeworkVersion: source.version,
            params: request.params, schedule: schedule, completion: completion, reinforcement: plan,
            seed: random.next(), createdAt: clock.now(), startsAfter: request.startsAfter,
            homeworkTitle: type.declaration.title, declared: DeclaredHomework(type.declaration))
    }

    /// The assignment with `id`.
    ///
    /// - Throws: ``PracticeError`` `.notFound` that says where to see the ids
    ///   when there is none; the store's own error when it cannot tell (locked,
    ///   damaged, unreadable), never "no assignment" for a store that failed.
    public func assignment(_ id: String) async throws -> Assignment {
        do {
            return try await store.assignment(id: id)
        } catch let error as StoreError where error.code == .notFound {
            throw PracticeError(
                .notFound, "no assignment '\(id)'; see the ids with 'carryover status CLIENT'",
                cause: error)
        }
    }

    /// Moves an assignment to a new status with the therapist's reason.
    public func setStatus(_ id: String, to status: Assignment.Status, reason: String) async throws
        -> Assignment
    {
        var assignment = try await assignment(id)
        try assignment.transition(to: status, at: clock.now(), reason: reason)
        try await store.saveAssignment(assignment)
        await refreshDigests(of: [assignment])
        if status == .completed { try await startFollowers(of: assignment) }
        return assignment
    }

    /// Changes an assignment's params, schedule, rule or reinforcement as a
    /// new version from local day `from` on (default: today in the client's
    /// time zone), keeping the reason. The weeks before keep the terms,
    /// occurrences and adherence they had; a new schedule phrase counts from `from`.
    ///
    /// - Throws: ``PracticeError`` `.invalidInput` for params the type
    ///   refuses, a phrase it cannot read, a `from` before the last entry's
    ///   day (those entries would move to other terms) or a change between a
    ///   token and a voucher ledger; the core's error for an ended assignment
    ///   or a `from` before the current version began. Nothing is written then.
    public func modify(
        _ id: String, params: Value?, schedule: String?, completion: String?,
        reinforcement: String?, reason: String, from: LocalDate? = nil
    ) async throws -> Assignment {
        let changed = try await modified(
            try await assignment(id), params: params, schedule: schedule, completion: completion,
            reinforcement: reinforcement, reason: reason, from: from)
        try await store.saveAssignment(changed)
        await refreshDigests(of: [changed])
        return changed
    }

    /// The assignment with the change applied as ``modify(_:params:schedule:completion:reinforcement:reason:from:)``
    /// does, checked but not stored.
    func modified(
        _ assignment: Assignment, params: Value?, schedule: String?, completion: String?,
        reinforcement: String?, reason: String, from: LocalDate?
    ) async throws -> Assignment {
        var assignment = assignment
        let client = try await client(assignment.clientID)
        let from = from ?? today(in: client.timeZone)
        var change = AssignmentModification()
        if let params {
            let type = try loggableType(of: assignment)
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
                phrase: schedule, timeZone: client.timeZone, today: from)
        }
        if let completion {
            let type = try homeworkType(
                assignment.homeworkType, version: assignment.homeworkVersion, seed: 0)
            change.completion = try Self.completionRule(completion, for: type.declaration)
        }
        if let reinforcement {
            let plan = try ReinforcementPlan(
                phrase: reinforcement, catalogue: assignment.reinforcement.catalogue)
            try await checkLedgerUnit(of: assignment, becomes: plan)
            change.reinforcement = plan
        }
        try await checkNoEntriesAfter(from, in: assignment, zone: client.timeZone)
        try assignment.modify(change, from: from, at: clock.now(), reason: reason)
        return assignment
    }

    /// A new version may not take entries already logged on later days away
    /// from the terms they were logged under.
    private func checkNoEntriesAfter(_ from: LocalDate, in assignment: Assignment, zone: String)
        async throws
    {
        let timeZone = TimeZone(identifier: zone) ?? .gmt
        let later = try await store.entries(
            .init(
                assignmentID: assignment.id,
                from: timeZone.instant(of: from.adding(days: 1), at: .midnight),
                includeFields: false))
        if let last = later.last {
            let day = LocalDate(last.performedAt, in: timeZone)
            throw PracticeError(
                .invalidInput,
                "assignment \(assignment.id) has entries up to \(day); a new version can start "
                    + "on \(day) at the earliest (--from \(day))")
        }
    }

    /// Tokens and voucher money are not one balance: a change from one to the
    /// other is refused once anything was earned.
    private func checkLedgerUnit(of assignment: Assignment, becomes plan: ReinforcementPlan)
        async throws
    {
        let before = assignment.reinforcement.schedule.ledgerUnit
        guard let before, before != plan.schedule.ledgerUnit,
            try await !assignmentState(assignment).reinforcement.ledger.lines.isEmpty
        else { return }
        throw PracticeError(
            .invalidInput,
            "assignment \(assignment.id) keeps a ledger in \(before.rawValue); its reinforcement "
                + "can change only to one with the same unit. Make a new assignment for the other.")
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
