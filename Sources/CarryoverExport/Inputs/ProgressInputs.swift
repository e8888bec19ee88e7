import CarryoverCore

/// Progress up an exposure ladder (hierarchy).
public struct LadderProgress: Sendable, Hashable, Codable {
    /// One rung of the ladder.
    public struct Step: Sendable, Hashable, Codable {
        public var index: Int
        public var label: String
        public var mastered: Bool
        /// The day it was mastered, when the engine recorded it.
        public var masteredOn: LocalDate?

        public init(index: Int, label: String, mastered: Bool, masteredOn: LocalDate? = nil) {
            self.index = index
            self.label = label
            self.mastered = mastered
            self.masteredOn = masteredOn
        }
    }

    /// Steps from easiest to hardest.
    public var steps: [Step]
    /// Index of the step the client works on now, if any.
    public var currentIndex: Int?

    public init(steps: [Step], currentIndex: Int?) {
        self.steps = steps
        self.currentIndex = currentIndex
    }
}

/// Mastery of a speech target (e.g. /r/) level by level.
public struct SpeechProgress: Sendable, Hashable, Codable {
    /// One practice session's accuracy at the level it was practised at.
    public struct Session: Sendable, Hashable, Codable {
        public var date: LocalDate
        /// Share of correct productions, 0...1.
        public var accuracy: Double
        public var level: String

        public init(date: LocalDate, accuracy: Double, level: String) {
            self.date = date
            self.accuracy = accuracy
            self.level = level
        }
    }

    /// One level of the hierarchy with the day it was mastered.
    public struct Level: Sendable, Hashable, Codable {
        public var name: String
        /// The day its criterion was met; nil while it is not (yet).
        public var masteredOn: LocalDate?

        public init(name: String, masteredOn: LocalDate? = nil) {
            self.name = name
            self.masteredOn = masteredOn
        }
    }

    public var target: String
    /// The level practised now; nil once every level is mastered.
    public var currentLevel: String?
    /// Accuracy the criterion asks for, 0...1 (drawn as a line).
    public var criterionAccuracy: Double
    /// The criterion in words (e.g. "80% in 3 consecutive sessions").
    public var criterion: String
    /// Levels reached so far, in order: mastered ones and the current one.
    public var levels: [Level]
    public var sessions: [Session]

    public init(
        target: String, currentLevel: String?, criterionAccuracy: Double, criterion: String,
        levels: [Level], sessions: [Session]
    ) {
        self.target = target
        self.currentLevel = currentLevel
        self.criterionAccuracy = criterionAccuracy
        self.criterion = criterion
        self.levels = levels
        self.sessions = sessions
    }
}

/// An assignment's ledger: every reinforcer given, what it bought, what is
/// still to hand over.
public struct LedgerSummary: Sendable, Hashable, Codable {
    /// What became of a line that is something to hand over.
    public enum Delivery: String, Sendable, Hashable, Codable {
        case pending, delivered, refunded
    }

    public struct Line: Sendable, Hashable, Codable {
        public var date: LocalDate
        /// The line in words ("+1 token earned (scheduled time 3)").
        public var words: String
        /// The change to the balance, formatted ("+1 token", "$2.50"), if any.
        public var amount: String?
        public var delivery: Delivery?

        public init(
            date: LocalDate, words: String, amount: String? = nil, delivery: Delivery? = nil
        ) {
            self.date = date
            self.words = words
            self.amount = amount
            self.delivery = delivery
        }
    }

    public struct Reward: Sendable, Hashable, Codable {
        public var name: String
        /// The price, formatted ("5 tokens", "$10.00").
        public var price: String
        public var vetoed: Bool

        public init(name: String, price: String, vetoed: Bool = false) {
            self.name = name
            self.price = price
            self.vetoed = vetoed
        }
    }

    /// "tokens", "vouchers", "prizes" or "reinforcers": what the ledger counts.
    public var kind: String
    /// The balance, formatted ("7 tokens"); nil for ledgers without one (prizes).
    public var balance: String?
    public var lines: [Line]
    public var rewards: [Reward]

    public init(kind: String, balance: String?, lines: [Line], rewards: [Reward] = []) {
        self.kind = kind
        self.balance = balance
        self.lines = lines
        self.rewards = rewards
    }

    /// Lines still to hand over.
    public var pendingCount: Int { lines.filter { $0.delivery == .pending }.count }
}

/// A goal with its phases and tasks, as the report lists it.
public struct ReportGoal: Sendable, Hashable, Codable {
    public struct Task: Sendable, Hashable, Codable {
        public var title: String
        /// The assignments carrying it out ("c-017-1 Mood log, active").
        public var assignments: [String]

        public init(title: String, assignments: [String]) {
            self.title = title
            self.assignments = assignments
        }
    }

    public struct Phase: Sendable, Hashable, Codable {
        public var title: String
        public var start: LocalDate
        public var end: LocalDate
        public var tasks: [Task]

        public init(title: String, start: LocalDate, end: LocalDate, tasks: [Task]) {
            self.title = title
            self.start = start
            self.end = end
            self.tasks = tasks
        }
    }

    public var title: String
    /// The SMART fields that are filled in, labelled ("Measure: 3 thought records a week").
    public var details: [String]
    public var timeBound: LocalDate?
    public var phases: [Phase]

    public init(title: String, details: [String], timeBound: LocalDate?, phases: [Phase]) {
        self.title = title
        self.details = details
        self.timeBound = timeBound
        self.phases = phases
    }
}
