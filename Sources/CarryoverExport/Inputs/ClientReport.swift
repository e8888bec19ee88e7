import CarryoverCore

/// Everything the HTML report shows about one client over one period.
///
/// Plain values that the engine's results are mapped onto; the report
/// computes nothing clinical itself, only counts and chart positions.
public struct ClientReport: Sendable, Hashable, Codable {
    public var client: ReportClient
    /// First and last day shown, in the client's time zone.
    public var periodStart: LocalDate
    public var periodEnd: LocalDate
    public var flags: [ReportFlag]
    /// The client's goals with their phases and tasks.
    public var goals: [ReportGoal]
    /// One per assignment, running ones first.
    public var assignments: [AssignmentReport]
    /// The session reviews' decisions, oldest first (a timeline).
    public var reviews: [ReportReviewDecision] = []

    public init(
        client: ReportClient, periodStart: LocalDate, periodEnd: LocalDate,
        flags: [ReportFlag] = [], goals: [ReportGoal] = [], assignments: [AssignmentReport] = [],
        reviews: [ReportReviewDecision] = []
    ) {
        self.reviews = reviews
        self.client = client
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.flags = flags
        self.goals = goals
        self.assignments = assignments
    }
}

/// Who the report is about.
public struct ReportClient: Sendable, Hashable, Codable {
    /// Pseudonymous id, shown in the header (e.g. "c-017").
    public var pseudonym: String
    /// A name only the therapist sees; shown only when the report is rendered
    /// with `showDisplayName`.
    public var displayName: String?
    /// IANA time zone id the dates are in.
    public var timeZone: String

    public init(pseudonym: String, displayName: String? = nil, timeZone: String) {
        self.pseudonym = pseudonym
        self.displayName = displayName
        self.timeZone = timeZone
    }
}

/// Something the therapist should see first.
public struct ReportFlag: Sendable, Hashable, Codable {
    /// Ordered from most to least urgent.
    public enum Level: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case risk, attention, info

        public static func < (lhs: Level, rhs: Level) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var level: Level
    /// Stable code (e.g. "phq9-item9").
    public var code: String
    /// Shown as given; may name the likely barrier and a suggested change.
    public var message: String
    /// The day of the entry that raised it, for a flag raised by an entry.
    public var raisedOn: LocalDate?
    /// Who acknowledged a risk flag, when, and their note; `nil` while it is open.
    public var acknowledgement: String?

    public init(
        level: Level, code: String, message: String, raisedOn: LocalDate? = nil,
        acknowledgement: String? = nil
    ) {
        self.level = level
        self.code = code
        self.message = message
        self.raisedOn = raisedOn
        self.acknowledgement = acknowledgement
    }
}

/// Everything about one assignment: its own section of the report.
public struct AssignmentReport: Sendable, Hashable, Codable {
    public var assignmentID: String
    /// The homework type's title ("Mood log").
    public var title: String
    /// What tells it apart from the client's other assignments of the same
    /// type ("daily at 08:00"); nil when its title alone is unique.
    public var distinction: String?
    /// "active", "paused", "completed" or "abandoned".
    public var status: String
    /// The day a completed or abandoned assignment ended, and the therapist's reason.
    public var endedOn: LocalDate?
    public var endReason: String?
    /// What a schedule that starts after the previous step waits for
    /// ("starts 2 days after c-017-4 is completed"); nil once it has started.
    public var waitsFor: String?
    /// The schedule, the completion rule and the reinforcement, in words.
    public var schedule: String
    public var rule: String
    public var reinforcement: String
    /// Where the completion rule stands, in words, and whether it is met.
    public var ruleProgress: String
    public var ruleMet: Bool
    /// The goal task it carries out ("Fewer anxious evenings: Thought records").
    public var task: String?
    /// The homework type's own progress state in words (ladder step, speech level).
    public var progressSummary: String?
    public var adherence: AssignmentAdherence
    /// One series per score, each charted on its own (one unit per chart).
    public var scores: [ScoreSeries]
    /// Totals of a standardised measure (PHQ-9, GAD-7) from this assignment.
    public var measure: MeasureSeries?
    public var ladder: LadderProgress?
    public var speech: SpeechProgress?
    /// Every reinforcer given, when the assignment has a reinforcement schedule.
    public var ledger: LedgerSummary?
    /// Steps and levels as they were mastered, oldest first.
    public var milestones: [Milestone]

    public init(
        assignmentID: String, title: String, distinction: String? = nil, status: String = "active",
        endedOn: LocalDate? = nil, schedule: String = "", rule: String = "",
        reinforcement: String = "", ruleProgress: String = "", ruleMet: Bool = false,
        task: String? = nil, progressSummary: String? = nil,
        adherence: AssignmentAdherence, scores: [ScoreSeries] = [], measure: MeasureSeries? = nil,
        ladder: LadderProgress? = nil, speech: SpeechProgress? = nil,
        ledger: LedgerSummary? = nil, milestones: [Milestone] = []
    ) {
        self.assignmentID = assignmentID
        self.title = title
        self.distinction = distinction
        self.status = status
        self.endedOn = endedOn
        self.endReason = nil
        self.waitsFor = nil
        self.schedule = schedule
        self.rule = rule
        self.reinforcement = reinforcement
        self.ruleProgress = ruleProgress
        self.ruleMet = ruleMet
        self.task = task
        self.progressSummary = progressSummary
        self.adherence = adherence
        self.scores = scores
        self.measure = measure
        self.ladder = ladder
        self.speech = speech
        self.ledger = ledger
        self.milestones = milestones
    }

    /// Whether it was completed or abandoned: such a section is a summary.
    public var hasEnded: Bool { endedOn != nil || ["completed", "abandoned"].contains(status) }

    /// "Mood log", or "Mood log: daily at 08:00" when another assignment has the title.
    public var heading: String { distinction.map { "\(title): \($0)" } ?? title }
}

/// What happened on each scheduled day of one assignment.
public struct AssignmentAdherence: Sendable, Hashable, Codable {
    /// What became of a day's occurrence.
    public enum DayStatus: String, Sendable, Hashable, Codable, CaseIterable {
        case done, missed, pending, excused
    }

    public var assignmentID: String
    public var title: String
    /// Days with an occurrence; days not listed had nothing scheduled.
    public var days: [LocalDate: DayStatus]
    /// The assignment's versions, oldest first, when it was changed: each
    /// version's days were scheduled by its own terms.
    public var versions: [ReportVersion]

    public init(
        assignmentID: String, title: String, days: [LocalDate: DayStatus],
        versions: [ReportVersion] = []
    ) {
        self.assignmentID = assignmentID
        self.title = title
        self.days = days
        self.versions = versions
    }

    /// How many days have each status.
    public var counts: [DayStatus: Int] {
        days.values.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// Done days over days that were due and not excused (done + missed);
    /// `nil` when none were. Pending days are not yet due, so they do not count.
    public var rate: Double? {
        let done = counts[.done, default: 0]
        let due = done + counts[.missed, default: 0]
        return due == 0 ? nil : Double(done) / Double(due)
    }
}

/// One score of one assignment over time (e.g. peak distress of an exposure
/// ladder): one chart, one unit.
public struct ScoreSeries: Sendable, Hashable, Codable {
    /// The score's value on one day.
    public struct Point: Sendable, Hashable, Codable {
        public var date: LocalDate
        public var value: Double

        public init(date: LocalDate, value: Double) {
            self.date = date
            self.value = value
        }
    }

    /// The score's name from the plugin's `score` hook (e.g. "suds_peak").
    public var name: String
    /// The title the homework type gives it, with its unit ("Peak distress (SUDS 0-100)").
    public var title: String
    public var points: [Point]
    /// Days something was due and nothing was logged: the line breaks there.
    public var gaps: [LocalDate]

    public init(name: String, title: String, points: [Point], gaps: [LocalDate] = []) {
        self.name = name
        self.title = title
        self.points = points
        self.gaps = gaps
    }
}

/// A step or level mastered, or another change of the plugin's progress, on the day it happened.
public struct Milestone: Sendable, Hashable, Codable {
    public var date: LocalDate
    public var text: String

    public init(date: LocalDate, text: String) {
        self.date = date
        self.text = text
    }
}

/// One version of an assignment: the terms in force from a day on.
public struct ReportVersion: Sendable, Hashable, Codable {
    public var number: Int
    /// Its first day; `nil` for the first version (from the assignment's start).
    public var from: LocalDate?
    /// Its last day; `nil` for the version in force.
    public var through: LocalDate?
    /// Schedule, rule and reinforcement in words.
    public var terms: String

    public init(number: Int, from: LocalDate?, through: LocalDate?, terms: String) {
        self.number = number
        self.from = from
        self.through = through
        self.terms = terms
    }
}
