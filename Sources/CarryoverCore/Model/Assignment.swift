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
    /// The homework type's title when the assignment was made, so history
    /// reads the same after its pack is revoked or removed; `nil` for
    /// assignments made before titles were kept.
    public var homeworkTitle: String?
    /// What status reads of the homework type's declaration (scores and
    /// their titles, params' defaults, a progress state), kept when the
    /// assignment is made or upgraded; `nil` for assignments made before.
    public var declared: DeclaredHomework?
    /// The versions before the current one, oldest first: the params,
    /// schedule, rule and reinforcement in force until each was replaced.
    /// `params`, `schedule`, `completion` and `reinforcement` above are the
    /// current version's.
    public var versions: [AssignmentVersion]
    /// When the current version took effect; `nil` for the first version.
    public var versionStart: VersionStart?

    public init(
        id: String, clientID: String, taskID: String? = nil, homeworkType: String,
        homeworkVersion: String, params: Value = .object([:]), schedule: Schedule,
        completion: CompletionRule, reinforcement: ReinforcementPlan,
        status: Status = .active, seed: UInt64, createdAt: Date,
        history: [AssignmentChange] = [], startsAfter: String? = nil, homeworkTitle: String? = nil,
        declared: DeclaredHomework? = nil, versions: [AssignmentVersion] = [],
        versionStart: VersionStart? = nil
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
        self.homeworkTitle = homeworkTitle
        self.declared = declared
        self.versions = versions
        self.versionStart = versionStart
    }

    /// The current version's number (1 until the first versioned change).
    public var versionNumber: Int { versions.count + 1 }

    private enum CodingKeys: String, CodingKey {
        case id, clientID, taskID, homeworkType, homeworkVersion, params, schedule, completion
        case reinforcement, status, seed, createdAt, history, homeworkTitle, versions
        case versionStart, startsAfter, declared
    }

    /// Reads assignments stored before titles and versions were kept, too.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            clientID: try c.decode(String.self, forKey: .clientID),
            taskID: try c.decodeIfPresent(String.self, forKey: .taskID),
            homeworkType: try c.decode(String.self, forKey: .homeworkType),
            homeworkVersion: try c.decode(String.self, forKey: .homeworkVersion),
            params: try c.decode(Value.self, forKey: .params),
            schedule: try c.decode(Schedule.self, forKey: .schedule),
            completion: try c.decode(CompletionRule.self, forKey: .completion),
            reinforcement: try c.decode(ReinforcementPlan.self, forKey: .reinforcement),
            status: try c.decode(Status.self, forKey: .status),
            seed: try c.decode(UInt64.self, forKey: .seed),
            createdAt: try c.decode(Date.self, forKey: .createdAt),
            history: try c.decode([AssignmentChange].self, forKey: .history),
            startsAfter: try c.decodeIfPresent(String.self, forKey: .startsAfter),
            homeworkTitle: try c.decodeIfPresent(String.self, forKey: .homeworkTitle),
            declared: try c.decodeIfPresent(DeclaredHomework.self, forKey: .declared),
            versions: try c.decodeIfPresent([AssignmentVersion].self, forKey: .versions) ?? [],
            versionStart: try c.decodeIfPresent(VersionStart.self, forKey: .versionStart))
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
