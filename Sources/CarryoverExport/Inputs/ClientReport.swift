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
    public var adherence: [AssignmentAdherence]
    public var scores: [ScoreSeries]
    public var measures: [MeasureSeries]
    public var ladders: [LadderProgress]
    public var speech: [SpeechProgress]
    public var tokens: TokenSummary?

    public init(
        client: ReportClient, periodStart: LocalDate, periodEnd: LocalDate,
        flags: [ReportFlag] = [], adherence: [AssignmentAdherence] = [],
        scores: [ScoreSeries] = [], measures: [MeasureSeries] = [],
        ladders: [LadderProgress] = [], speech: [SpeechProgress] = [],
        tokens: TokenSummary? = nil
    ) {
        self.client = client
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.flags = flags
        self.adherence = adherence
        self.scores = scores
        self.measures = measures
        self.ladders = ladders
        self.speech = speech
        self.tokens = tokens
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

/// Scores of one homework type over time (e.g. belief ratings of a thought record).
public struct ScoreSeries: Sendable, Hashable, Codable {
    /// One named score on one day.
    public struct Point: Sendable, Hashable, Codable {
        public var date: LocalDate
        /// Score name from the plugin's `score` hook (one line per name).
        public var name: String
        public var value: Double

        public init(date: LocalDate, name: String, value: Double) {
            self.date = date
            self.name = name
            self.value = value
        }
    }

    public var homeworkType: String
    public var title: String
    public var points: [Point]

    public init(homeworkType: String, title: String, points: [Point]) {
        self.homeworkType = homeworkType
        self.title = title
        self.points = points
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
