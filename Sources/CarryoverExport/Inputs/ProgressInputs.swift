import CarryoverCore

/// Progress up an exposure ladder (hierarchy).
public struct LadderProgress: Sendable, Hashable, Codable {
    /// One rung of the ladder.
    public struct Step: Sendable, Hashable, Codable {
        public var index: Int
        public var label: String
        public var mastered: Bool

        public init(index: Int, label: String, mastered: Bool) {
            self.index = index
            self.label = label
            self.mastered = mastered
        }
    }

    public var assignmentID: String
    public var title: String
    /// Steps from easiest to hardest.
    public var steps: [Step]
    /// Index of the step the client works on now, if any.
    public var currentIndex: Int?

    public init(assignmentID: String, title: String, steps: [Step], currentIndex: Int?) {
        self.assignmentID = assignmentID
        self.title = title
        self.steps = steps
        self.currentIndex = currentIndex
    }
}

/// Mastery of one speech target (e.g. /r/ at word level).
public struct SpeechProgress: Sendable, Hashable, Codable {
    /// One practice session's accuracy.
    public struct Session: Sendable, Hashable, Codable {
        public var date: LocalDate
        /// Share of correct productions, 0...1.
        public var accuracy: Double

        public init(date: LocalDate, accuracy: Double) {
            self.date = date
            self.accuracy = accuracy
        }
    }

    public var target: String
    /// Current level (e.g. "syllable", "word", "sentence").
    public var level: String
    /// Accuracy the criterion asks for, 0...1 (drawn as a line).
    public var criterionAccuracy: Double
    /// The criterion in words (e.g. "80% in 3 consecutive sessions").
    public var criterion: String
    /// Whether the engine found the criterion met.
    public var mastered: Bool
    public var sessions: [Session]

    public init(
        target: String, level: String, criterionAccuracy: Double, criterion: String,
        mastered: Bool, sessions: [Session]
    ) {
        self.target = target
        self.level = level
        self.criterionAccuracy = criterionAccuracy
        self.criterion = criterion
        self.mastered = mastered
        self.sessions = sessions
    }
}

/// A client's token economy: balance, ledger and rewards.
public struct TokenSummary: Sendable, Hashable, Codable {
    public struct LedgerLine: Sendable, Hashable, Codable {
        public var date: LocalDate
        /// Tokens earned (positive) or spent (negative).
        public var amount: Int
        public var reason: String

        public init(date: LocalDate, amount: Int, reason: String) {
            self.date = date
            self.amount = amount
            self.reason = reason
        }
    }

    public struct Reward: Sendable, Hashable, Codable {
        public var name: String
        public var cost: Int
        /// When the client redeemed it, if they have.
        public var redeemedOn: LocalDate?

        public init(name: String, cost: Int, redeemedOn: LocalDate? = nil) {
            self.name = name
            self.cost = cost
            self.redeemedOn = redeemedOn
        }
    }

    public var balance: Int
    public var ledger: [LedgerLine]
    public var rewards: [Reward]

    public init(balance: Int, ledger: [LedgerLine], rewards: [Reward]) {
        self.balance = balance
        self.ledger = ledger
        self.rewards = rewards
    }
}
