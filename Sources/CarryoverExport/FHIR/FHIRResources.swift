import CarryoverCore

/// Builds the resources of one bundle, in a fixed order: Patient, Goals,
/// CarePlan, Tasks, then per measure its QuestionnaireResponses and
/// Observations, then homework-score Observations.
struct FHIRResources {
    struct Entry {
        var fullURL: String
        var resource: Value
    }

    let export: CarePlanExport
    let ids: FHIRIds
    private(set) var entries: [Entry] = []

    init(export: CarePlanExport) {
        self.export = export
        ids = FHIRIds(pseudonym: export.patient.pseudonym)
    }

    private var subject: Value { ids.reference("Patient", export.patient.pseudonym) }

    mutating func build() {
        addPatient()
        for goal in export.goals { addGoal(goal) }
        addCarePlan()
        for task in export.tasks { addTask(task) }
        for supporter in supporters { addRelatedPerson(supporter) }
        for series in export.measures {
            for administration in series.administrations { addMeasure(administration, of: series) }
        }
        for response in export.informantResponses { addInformant(response) }
        for series in export.scores {
            for (index, point) in series.points.enumerated() {
                addScore(point, index: index, of: series)
            }
        }
    }

    mutating func addResource(_ type: String, _ id: String, _ fields: [String: Value]) {
        let uuid = ids.uuid(type, id)
        var resource = fields
        resource["resourceType"] = .string(type)
        resource["id"] = .string(uuid)
        entries.append(Entry(fullURL: "urn:uuid:" + uuid, resource: .object(resource)))
    }

    private mutating func addPatient() {
        let patient = export.patient
        var fields: [String: Value] = [
            "identifier": [
                ["system": .string(patient.identifierSystem), "value": .string(patient.pseudonym)]
            ]
        ]
        if patient.includeName, let name = patient.displayName {
            fields["name"] = [["text": .string(name)]]
        }
        addResource("Patient", patient.pseudonym, fields)
    }

    private mutating func addGoal(_ goal: CarePlanExport.Goal) {
        var target: [String: Value] = ["measure": ["text": .string(goal.measure)]]
        if let detail = goal.detail { target["detailString"] = .string(detail) }
        if let due = goal.dueDate { target["dueDate"] = .string(due.description) }
        addResource(
            "Goal", goal.id,
            [
                "lifecycleStatus": .string(goal.lifecycleStatus.rawValue),
                "description": ["text": .string(goal.description)],
                "subject": subject,
                "target": [.object(target)],
            ])
    }

    private mutating func addCarePlan() {
        addResource(
            "CarePlan", export.planID,
            [
                "status": .string(export.planStatus),
                "intent": "plan",
                "title": .string(export.planTitle),
                "subject": subject,
                "goal": .array(export.goals.map { ids.reference("Goal", $0.id) }),
                "activity": .array(
                    export.tasks.map { ["reference": ids.reference("Task", $0.assignmentID)] }),
            ])
    }

    /// Assignment status -> FHIR Task.status: a paused assignment is on hold,
    /// an abandoned one cancelled.
    static func taskStatus(_ status: Assignment.Status) -> String {
        switch status {
        case .active: return "in-progress"
        case .paused: return "on-hold"
        case .completed: return "completed"
        case .abandoned: return "cancelled"
        }
    }

    private mutating func addTask(_ task: CarePlanExport.Task) {
        var period: [String: Value] = ["start": .string(task.start.description)]
        if let end = task.end { period["end"] = .string(end.description) }
        addResource(
            "Task", task.assignmentID,
            [
                "status": .string(FHIRResources.taskStatus(task.status)),
                "intent": "plan",
                "for": subject,
                "basedOn": [ids.reference("CarePlan", export.planID)],
                "description": .string(task.description),
                "executionPeriod": .object(period),
            ])
    }

    private mutating func addMeasure(
        _ administration: MeasureAdministration, of series: MeasureSeries
    ) {
        let date = Value.string(administration.date.description)
        addResource(
            "QuestionnaireResponse", administration.id,
            [
                "status": "completed",
                "questionnaire": .string(
                    "\(export.codeSystemBase)/Questionnaire/\(series.instrumentID)"),
                "subject": subject,
                "authored": date,
                "source": source(administration.respondent),
                "author": author(administration.respondent),
                "item": .array(
                    administration.itemScores.enumerated().map { index, score in
                        [
                            "linkId": .string(String(index + 1)),
                            "answer": [["valueInteger": .int(Int64(score))]],
                        ]
                    }),
            ])
        let code: Value
        if let loinc = series.loincTotal {
            code = [
                "coding": [["system": "http://loinc.org", "code": .string(loinc)]],
                "text": .string("\(series.title) total score"),
            ]
        } else {
            code = projectCode(
                "measure-total", series.instrumentID, text: "\(series.title) total score")
        }
        var observation = observationBase(code: code, date: date)
        observation["valueInteger"] = .int(Int64(administration.total))
        observation["derivedFrom"] = [ids.reference("QuestionnaireResponse", administration.id)]
        observation["interpretation"] = [["text": .string(administration.bandName)]]
        addResource("Observation", "measure/\(administration.id)", observation)
    }

    private mutating func addScore(
        _ point: HomeworkScores.Point, index: Int, of series: HomeworkScores
    ) {
        var code = projectCode(
            "homework-score", "\(series.homeworkType)#\(point.name)",
            text: "\(series.title): \(point.name)")
        if let loinc = series.codes.loinc[point.name], case .object(var fields) = code,
            case .array(let codings) = fields["coding"]
        {
            // The plugin's LOINC code first; the project's own code stays beside it.
            fields["coding"] = .array(
                [["system": "http://loinc.org", "code": .string(loinc)]] + codings)
            code = .object(fields)
        }
        var observation = observationBase(code: code, date: .string(point.date.description))
        var quantity: [String: Value] = ["value": .double(point.value)]
        if let unit = series.codes.units[point.name] {
            quantity["unit"] = .string(unit)
            quantity["system"] = "http://unitsofmeasure.org"
            quantity["code"] = .string(unit)
        }
        observation["valueQuantity"] = .object(quantity)
        addResource(
            "Observation", "score/\(series.homeworkType)/\(point.name)/\(point.date)/\(index)",
            observation)
    }

    private func projectCode(_ system: String, _ code: String, text: String) -> Value {
        [
            "coding": [
                [
                    "system": .string("\(export.codeSystemBase)/CodeSystem/\(system)"),
                    "code": .string(code),
                ]
            ], "text": .string(text),
        ]
    }

    private func observationBase(code: Value, date: Value) -> [String: Value] {
        [
            "status": "final",
            "category": [
                [
                    "coding": [
                        [
                            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                            "code": "survey",
                        ]
                    ]
                ]
            ],
            "code": code,
            "subject": subject,
            "effectiveDateTime": date,
        ]
    }
}
