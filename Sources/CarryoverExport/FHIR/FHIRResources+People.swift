import CarryoverCore

/// Who answered: the patient, or a supporter as a RelatedPerson; and who
/// recorded it (the therapist, by name, when they typed it in).
extension FHIRResources {
    /// Every supporter who answered something, once each, by id.
    var supporters: [Respondent.Supporter] {
        let all =
            export.measures.flatMap { $0.administrations.compactMap(\.respondent.supporter) }
            + export.informantResponses.compactMap(\.respondent.supporter)
        var seen: Set<String> = []
        return all.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
    }

    private var patientReference: Value {
        ids.reference("Patient", export.patient.pseudonym)
    }

    /// QuestionnaireResponse.source: who answered.
    func source(_ respondent: Respondent) -> Value {
        respondent.supporter.map { ids.reference("RelatedPerson", $0.id) } ?? patientReference
    }

    /// QuestionnaireResponse.author: who recorded the answers.
    func author(_ respondent: Respondent) -> Value {
        if let therapist = respondent.therapist {
            return ["type": "Practitioner", "display": .string(therapist)]
        }
        return source(respondent)
    }

    mutating func addRelatedPerson(_ supporter: Respondent.Supporter) {
        var fields: [String: Value] = [
            "identifier": [
                [
                    "system": .string(export.codeSystemBase + "/supporter-id"),
                    "value": .string(supporter.id),
                ]
            ],
            "active": true,
            "patient": patientReference,
            "relationship": [Self.relationship(supporter.relation)],
        ]
        if export.patient.includeName { fields["name"] = [["text": .string(supporter.name)]] }
        addResource("RelatedPerson", supporter.id, fields)
    }

    mutating func addInformant(_ response: InformantResponse) {
        addResource(
            "QuestionnaireResponse", response.id,
            [
                "status": "completed",
                "questionnaire": .string(
                    "\(export.codeSystemBase)/Questionnaire/\(response.homeworkType)/informant"),
                "subject": patientReference,
                "authored": .string(response.date.description),
                "source": source(response.respondent),
                "author": author(response.respondent),
                "item": .array(
                    response.answers.map { answer in
                        [
                            "linkId": .string(answer.linkID), "text": .string(answer.text),
                            "answer": [Self.answer(answer.value)],
                        ]
                    }),
            ])
    }

    /// A parent is HL7 v3 RoleCode PRN; the other relations have no exact
    /// code there and are written as text only.
    static func relationship(_ relation: String) -> Value {
        guard relation == "parent" else { return ["text": .string(relation)] }
        return [
            "coding": [
                [
                    "system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": "PRN",
                    "display": "parent",
                ]
            ],
            "text": "parent",
        ]
    }

    /// One answer in the FHIR type its value has; lists and groups as JSON text.
    static func answer(_ value: Value) -> Value {
        switch value {
        case .bool(let flag): ["valueBoolean": .bool(flag)]
        case .int(let number): ["valueInteger": .int(number)]
        case .double(let number): ["valueDecimal": .double(number)]
        case .string(let text): ["valueString": .string(text)]
        case .null, .array, .object: ["valueString": .string(value.canonicalJSON())]
        }
    }
}
