import Foundation

/// A client's therapy goal: SMART fields, GROW coaching notes, and the
/// time-bound phases and tasks it is broken into.
public struct Goal: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var clientID: String
    public var title: String
    /// S: the behaviour, e.g. "write a thought record after each panic attack".
    public var specific: String
    /// M: how progress is measured and the target, e.g. "3 thought records a week".
    public var measure: String
    /// A: why the target is within reach, e.g. "already writes 1 a week".
    public var achievable: String
    /// R: the treatment problem it serves, e.g. "panic disorder: catastrophic thoughts".
    public var relevant: String
    /// T: the local date by which the goal is met.
    public var timeBound: LocalDate?
    public var grow: GROWNotes
    /// Consecutive phases, oldest first, all inside the time bound.
    public var phases: [GoalPhase]

    /// A goal; empty SMART fields are allowed and reported by ``smartCheck(today:)``.
    public init(
        id: String, clientID: String, title: String, specific: String = "", measure: String = "",
        achievable: String = "", relevant: String = "", timeBound: LocalDate? = nil,
        grow: GROWNotes = GROWNotes(), phases: [GoalPhase] = []
    ) {
        self.id = id
        self.clientID = clientID
        self.title = title
        self.specific = specific
        self.measure = measure
        self.achievable = achievable
        self.relevant = relevant
        self.timeBound = timeBound
        self.grow = grow
        self.phases = phases
    }

    /// The phase running on `date`, if any.
    public func phase(on date: LocalDate) -> GoalPhase? {
        phases.first { $0.start <= date && date <= $0.end }
    }
}

/// Notes from a GROW conversation (Whitmore, "Coaching for Performance").
public struct GROWNotes: Sendable, Hashable, Codable {
    /// What the client wants.
    public var goal: String
    /// Where things stand now.
    public var reality: String
    /// What the client could do.
    public var options: String
    /// What the client will do next, and when.
    public var wayForward: String

    public init(
        goal: String = "", reality: String = "", options: String = "", wayForward: String = ""
    ) {
        self.goal = goal
        self.reality = reality
        self.options = options
        self.wayForward = wayForward
    }
}

/// A stretch of a goal with its own dates and tasks (e.g. "weeks 1-2: monitoring").
public struct GoalPhase: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var title: String
    /// First and last local day of the phase, inclusive.
    public var start: LocalDate
    public var end: LocalDate
    public var tasks: [GoalTask]

    /// A phase; ``Goal/validate()`` checks its dates against the goal.
    public init(id: String, title: String, start: LocalDate, end: LocalDate, tasks: [GoalTask] = [])
    {
        self.id = id
        self.title = title
        self.start = start
        self.end = end
        self.tasks = tasks
    }
}

/// One thing to do in a phase, carried out by an assignment.
public struct GoalTask: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var title: String
    /// The assignment doing this task; nil until the therapist assigns it.
    public var assignmentID: String?

    public init(id: String, title: String, assignmentID: String? = nil) {
        self.id = id
        self.title = title
        self.assignmentID = assignmentID
    }
}
