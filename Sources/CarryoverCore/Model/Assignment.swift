import Foundation

/// A homework type given to a client: what, with which params, when, when it
/// counts as done and what reinforces it.
public struct Assignment: Sendable, Hashable, Codable, Identifiable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case active, paused, completed, abandoned
    }

    public var id: String
    public var clientID: String
    /// The task of a goal this assignment carries out, if any.
    public var taskID: String?
    public var homeworkType: String
    /// The homework type's version the assignment was made with; entries keep it.
    public var homeworkVersion: String
    public var params: Value
    public var schedule: Schedule
    public var completion: CompletionRule
    public var reinforcement: ReinforcementPlan
    public var status: Status
    /// Seed of every random draw this assignment makes (reproducible draws).
    public var seed: UInt64
    public var createdAt: Date
    /// Every change after creation, oldest first, with the reason given.
    public var history: [AssignmentChange]
    /// The assignment whose completion starts this one, for a schedule that
    /// starts relative to an anchor ("2 days after the previous step").
    public var startsAfter: String?

    public init(
        id: String, clientID: String, taskID: String? = nil, homeworkType: String,
        homeworkVersion: String, params: Value = .object([:]), schedule: Schedule,
        completion: CompletionRule, reinforcement: ReinforcementPlan,
        status: Status = .active, seed: UInt64, createdAt: Date,
        history: [AssignmentChange] = [], startsAfter: String? = nil
    ) {
        self.id = id
        self.clientID = clientID
        self.taskID = taskID
        self.homeworkType = homeworkType
        self.homeworkVersion = homeworkVersion
        self.params = params
        self.schedule = schedule
        self.completion = completion
        self.reinforcement = reinforcement
        self.status = status
        self.seed = seed
        self.createdAt = createdAt
        self.history = history
        self.startsAfter = startsAfter
    }
}

/// One change to an assignment, kept with the therapist's reason.
public struct AssignmentChange: Sendable, Hashable, Codable {
    public var at: Date
    /// What changed, in words (e.g. "status active -> paused", "params.steps").
    public var what: String
    public var reason: String
    /// The status move, when the change was one; pauses are read from these.
    public var status: StatusChange?

    /// A move from one status to another.
    public struct StatusChange: Sendable, Hashable, Codable {
        public var from: Assignment.Status
        public var to: Assignment.Status

        public init(from: Assignment.Status, to: Assignment.Status) {
            self.from = from
            self.to = to
        }
    }

    public init(at: Date, what: String, reason: String, status: StatusChange? = nil) {
        self.at = at
        self.what = what
        self.reason = reason
        self.status = status
    }
}
