import CarryoverCore
import CarryoverExport
import CarryoverStore
import CarryoverTestSupport
import Foundation
import Testing

@testable import CarryoverPractice

/// The FHIR export names the source of every QuestionnaireResponse (the
/// patient, or a supporter as a RelatedPerson) and its author, and still
/// validates with `fhir.resources`.
@Suite struct ResponseSourceTests {
    /// Validates every resource and prints "type source-type author" per QuestionnaireResponse.
    static let sources =
        TestPython.imports("icalendar, recurring_ical_events, fhir.resources") + """
            import json
            from fhir.resources.R4B import get_fhir_model_class
            data = json.load(open(sys.argv[1]))
            get_fhir_model_class("Bundle").model_validate(data)
            resources = {e["fullUrl"]: e["resource"] for e in data["entry"]}
            for r in resources.values():
                get_fhir_model_class(r["resourceType"]).model_validate(r)
            for r in resources.values():
                if r["resourceType"] != "QuestionnaireResponse": continue
                source = resources[r["source"]["reference"]]
                author = r["author"]
                who = resources[author["reference"]]["resourceType"] if "reference" in author else author["type"] + ":" + author["display"]
                relation = source.get("relationship", [{}])[0].get("text", "-")
                print(r["questionnaire"].rsplit("/", 1)[-1], source["resourceType"], relation, who)
            """

    @Test func measuresTypedInByTheTherapistAreThePatientsAnswersAuthoredByTheTherapist()
        async throws
    {
        let scenario = try await ExportScenario.make()
        let bundle = try FHIRBundle.json(
            try await scenario.practice.carePlan(clientID: ExportScenario.clientID))
        let lines = try #require(try TestPython.check(Self.sources, file: bundle, suffix: ".json"))
        // The scenario's two PHQ-9s were logged with `log` by the acting therapist.
        let therapist = "phq-9 Patient - Practitioner:\(Principal.currentUser().name)"
        #expect(
            lines.split(separator: "\n").map(String.init) == [therapist, therapist], "\(lines)")
    }

    @Test func aPortalAnswerIsThePatientsAndAParentReportIsTheRelatedPersons() throws {
        let parent = Respondent.Supporter(id: "c-017-s1", name: "Maria", relation: "parent")
        let export = CarePlanExport(
            patient: .init(pseudonym: "c-017", identifierSystem: "https://clinic.invalid/id"),
            planID: "plan-c-017", planTitle: "Homework plan",
            measures: [
                MeasureSeries(
                    instrumentID: "org.carryover.phq9", title: "PHQ-9", maxTotal: 27, bands: [],
                    administrations: [
                        MeasureAdministration(
                            id: "e-1", date: LocalDate(year: 2026, month: 12, day: 7)!,
                            itemScores: [1, 1, 1, 1, 1, 1, 1, 1, 0], total: 8, bandName: "mild")
                    ])
            ],
            informantResponses: [
                InformantResponse(
                    id: "e-2", homeworkType: "org.example.behaviour-diary",
                    date: LocalDate(year: 2026, month: 12, day: 8)!,
                    answers: [
                        .init(linkID: "calm", text: "How calm was your child?", value: .int(7)),
                        .init(linkID: "notes", text: "Notes", value: .string("A good week")),
                    ], respondent: Respondent(supporter: parent))
            ])
        let bundle = try FHIRBundle.json(export)
        let lines = try #require(try TestPython.check(Self.sources, file: bundle, suffix: ".json"))
        #expect(
            lines.split(separator: "\n") == [
                "org.carryover.phq9 Patient - Patient",
                "informant RelatedPerson parent RelatedPerson",
            ], "\(lines)")
        // Pseudonymous by default: the supporter's name stays out, their id is the identifier.
        #expect(!bundle.contains("Maria") && bundle.contains("c-017-s1"))
        #expect(bundle.contains(#""code":"PRN""#) || bundle.contains(#""code" : "PRN""#))
    }
}
