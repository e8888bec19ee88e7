import CarryoverCore

/// What the FHIR R4 export takes: the client's plan, goals, assignments,
/// measures and homework scores.
public struct CarePlanExport: Sendable, Hashable {
    /// The patient, pseudonymous by default.
    public struct Patient: Sendable, Hashable {
        /// The only identifier written unless `includeName` is set.
        public var pseudonym: String
        /// Namespace of the pseudonym, e.g. the clinic's identifier system URL.
        public var identifierSystem: String
        /// Only written when `includeName` is true (and then as `name.text`).
        public var displayName: String?
        /// Off by default: FHIR exports are pseudonymous.
        public var includeName: Bool

        public init(
            pseudonym: String, identifierSystem: String, displayName: String? = nil,
            includeName: Bool = false
        ) {
            self.pseudonym = pseudonym
            self.identifierSystem = identifierSystem
            self.displayName = displayName
            self.includeName = includeName
        }
    }

    /// A SMART goal as FHIR sees it.
    public struct Goal: Sendable, Hashable {
        /// FHIR Goal.lifecycleStatus values.
        public enum LifecycleStatus: String, Sendable, Hashable, CaseIterable {
            case proposed, planned, accepted, active
            case onHold = "on-hold"
            case completed, cancelled
            case rejected
        }

        public var id: String
        public var description: String
        public var lifecycleStatus: LifecycleStatus
        /// What is measured, in words (e.g. "PHQ-9 total").
        public var measure: String
        /// The target, in words (e.g. "below 10").
        public var detail: String?
        public var dueDate: LocalDate?

        public init(
            id: String, description: String, lifecycleStatus: LifecycleStatus, measure: String,
            detail: String? = nil, dueDate: LocalDate? = nil
        ) {
            self.id = id
            self.description = description
            self.lifecycleStatus = lifecycleStatus
            self.measure = measure
            self.detail = detail
            self.dueDate = dueDate
        }
    }

    /// An assignment, exported as a FHIR Task.
    public struct Task: Sendable, Hashable {
        public var assignmentID: String
        public var description: String
        /// Mapped to Task.status (paused -> on-hold, abandoned -> cancelled).
        public var status: Assignment.Status
        public var start: LocalDate
        public var end: LocalDate?

        public init(
            assignmentID: String, description: String, status: Assignment.Status,
            start: LocalDate, end: LocalDate? = nil
        ) {
            self.assignmentID = assignmentID
            self.description = description
            self.status = status
            self.start = start
            self.end = end
        }
    }

    public var patient: Patient
    /// Stable id of the plan (e.g. the treatment episode).
    public var planID: String
    public var planTitle: String
    /// FHIR CarePlan.status: draft, active, on-hold, revoked or completed.
    public var planStatus: String
    public var goals: [Goal]
    public var tasks: [Task]
    public var measures: [MeasureSeries]
    public var scores: [HomeworkScores]
    /// Supporters' answers to informant forms.
    public var informantResponses: [InformantResponse] = []
    /// Base URL of the project's own code systems and questionnaires.
    public var codeSystemBase: String

    public init(
        patient: Patient, planID: String, planTitle: String, planStatus: String = "active",
        goals: [Goal] = [], tasks: [Task] = [], measures: [MeasureSeries] = [],
        scores: [HomeworkScores] = [], informantResponses: [InformantResponse] = [],
        codeSystemBase: String = "https://carryover.invalid/fhir"
    ) {
        self.informantResponses = informantResponses
        self.patient = patient
        self.planID = planID
        self.planTitle = planTitle
        self.planStatus = planStatus
        self.goals = goals
        self.tasks = tasks
        self.measures = measures
        self.scores = scores
        self.codeSystemBase = codeSystemBase
    }
}

/// The scores of one homework type over time, for the FHIR export (one
/// Observation each).
public struct HomeworkScores: Sendable, Hashable, Codable {
    /// One named score on one day.
    public struct Point: Sendable, Hashable, Codable {
        public var date: LocalDate
        /// Score name from the plugin's `score` hook.
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
    /// The homework type's LOINC codes and units of its scores.
    public var codes: ScoreCodes

    public init(
        homeworkType: String, title: String, points: [Point], codes: ScoreCodes = ScoreCodes()
    ) {
        self.homeworkType = homeworkType
        self.title = title
        self.points = points
        self.codes = codes
    }
}
