import CarryoverCore
import CarryoverTestSupport
import Foundation
import Testing

@testable import CarryoverExport

/// The FHIR export checked by an independent library (Python `fhir.resources`,
/// R4B models, which equal R4 for every resource used here) and by hand.
@Suite struct FHIRBundleTests {
    /// Validates the Bundle and each resource with its own model class
    /// (fhir.resources checks structure and datatypes, not code bindings), then
    /// checks the required code bindings against the R4 value sets and that every
    /// reference resolves to a fullUrl in the bundle.
    static let validateScript =
        TestPython.imports("fhir.resources") + #"""
            import json
            from fhir.resources.R4B import get_fhir_model_class
            bundle = json.load(open(sys.argv[1]))
            get_fhir_model_class("Bundle").model_validate(bundle)
            # Required bindings, from the R4 spec (hl7.org/fhir/R4, each resource's page).
            bindings = {
                ("Task", "status"): {"draft", "requested", "received", "accepted", "rejected", "ready",
                                     "cancelled", "in-progress", "on-hold", "failed", "completed",
                                     "entered-in-error"},
                ("Task", "intent"): {"unknown", "proposal", "plan", "order", "original-order",
                                     "reflex-order", "filler-order", "instance-order", "option"},
                ("CarePlan", "status"): {"draft", "active", "on-hold", "revoked", "completed",
                                         "entered-in-error", "unknown"},
                ("CarePlan", "intent"): {"proposal", "plan", "order", "option"},
                ("Goal", "lifecycleStatus"): {"proposed", "planned", "accepted", "active", "on-hold",
                                              "completed", "cancelled", "entered-in-error", "rejected"},
                ("Observation", "status"): {"registered", "preliminary", "final", "amended",
                                            "corrected", "cancelled", "entered-in-error", "unknown"},
                ("QuestionnaireResponse", "status"): {"in-progress", "completed", "amended",
                                                      "entered-in-error", "stopped"},
            }
            full_urls = [e["fullUrl"] for e in bundle["entry"]]
            assert len(set(full_urls)) == len(full_urls), "duplicate fullUrl"
            problems, counts, references = [], {}, []
            def walk(node):
                if isinstance(node, dict):
                    if isinstance(node.get("reference"), str): references.append(node["reference"])
                    for v in node.values(): walk(v)
                elif isinstance(node, list):
                    for v in node: walk(v)
            for entry in bundle["entry"]:
                resource = entry["resource"]
                kind = resource["resourceType"]
                get_fhir_model_class(kind).model_validate(resource)
                counts[kind] = counts.get(kind, 0) + 1
                if entry["fullUrl"] != "urn:uuid:" + resource["id"]:
                    problems.append("fullUrl does not match id")
                for (rtype, field), allowed in bindings.items():
                    if rtype == kind and resource.get(field) not in allowed:
                        problems.append(f"{kind}.{field}={resource.get(field)}")
                walk(resource)
            unresolved = [r for r in references if r not in full_urls]
            import uuid
            pseudonym = sys.argv[2]
            patient_uuid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"carryover:{pseudonym}/Patient/{pseudonym}"))
            print(json.dumps({"counts": counts, "problems": problems, "unresolved": unresolved,
                              "references": len(references),
                              "patientIdIsUUID5": bundle["entry"][0]["resource"]["id"] == patient_uuid}))
            """#

    struct Report: Decodable {
        var counts: [String: Int]
        var problems: [String]
        var unresolved: [String]
        var references: Int
        var patientIdIsUUID5: Bool
    }

    static func sampleExport() throws -> CarePlanExport {
        let phq9 = MeasureSeries(
            instrumentID: "phq-9", title: "PHQ-9", maxTotal: 27,
            bands: [MeasureSeries.Band(name: "minimal", lower: 0, upper: 4)],
            administrations: [
                MeasureAdministration(
                    id: "m1", date: LocalDate(year: 2026, month: 3, day: 1)!,
                    itemScores: [2, 2, 1, 2, 1, 2, 1, 1, 0],
                    total: 12, bandName: "moderate"),
                MeasureAdministration(
                    id: "m2", date: LocalDate(year: 2026, month: 3, day: 29)!,
                    itemScores: [1, 1, 0, 1, 0, 1, 0, 0, 0],
                    total: 4, bandName: "minimal"),
            ], loincTotal: Instrument.phq9.loincTotal)
        let gad7 = MeasureSeries(
            instrumentID: "gad-7", title: "GAD-7", maxTotal: 21, bands: [],
            administrations: [
                MeasureAdministration(
                    id: "g1", date: LocalDate(year: 2026, month: 3, day: 1)!,
                    itemScores: [1, 1, 1, 1, 1, 1, 1],
                    total: 7, bandName: "mild")
            ], loincTotal: Instrument.gad7.loincTotal)
        let scores = HomeworkScores(
            homeworkType: "org.example.thought-record", title: "Thought record",
            points: [
                .init(
                    date: LocalDate(year: 2026, month: 3, day: 2)!, name: "belief_drop", value: 35.5
                ),
                .init(
                    date: LocalDate(year: 2026, month: 3, day: 3)!, name: "belief_drop", value: 20),
            ],
            // What a plugin declares in metadata.loinc and metadata.units.
            codes: ScoreCodes(loinc: ["belief_drop": "00000-0"], units: ["belief_drop": "%"]))
        return CarePlanExport(
            patient: .init(
                pseudonym: "c-017", identifierSystem: "urn:carryover:clinic-a:client",
                displayName: "Alex <b>Doe</b>"),
            planID: "plan-1", planTitle: "Depression, spring 2026",
            goals: [
                .init(
                    id: "g-1", description: "Walk 20 minutes on 5 days a week",
                    lifecycleStatus: .active,
                    measure: "days walked per week", detail: "5",
                    dueDate: LocalDate(year: 2026, month: 5, day: 1)!
                )
            ],
            tasks: [
                .init(
                    assignmentID: "a1", description: "Thought record", status: .active,
                    start: LocalDate(year: 2026, month: 3, day: 1)!),
                .init(
                    assignmentID: "a2", description: "Walk", status: .paused,
                    start: LocalDate(year: 2026, month: 3, day: 1)!,
                    end: LocalDate(year: 2026, month: 4, day: 1)!),
                .init(
                    assignmentID: "a3", description: "Diary", status: .completed,
                    start: LocalDate(year: 2026, month: 3, day: 1)!),
                .init(
                    assignmentID: "a4", description: "Ladder", status: .abandoned,
                    start: LocalDate(year: 2026, month: 3, day: 1)!),
            ],
            measures: [phq9, gad7], scores: [scores])
    }

    @Test func bundleValidatesWithFhirResourcesAndReferencesResolve() throws {
        let json = try FHIRBundle.json(Self.sampleExport())
        guard
            let output = try TestPython.check(
                Self.validateScript, file: json, suffix: ".json", arguments: ["c-017"])
        else { return }
        let report = try JSONDecoder().decode(Report.self, from: Data(output.utf8))
        // By hand: 1 Patient, 1 Goal, 1 CarePlan, 4 Tasks, 3 QuestionnaireResponses,
        // 3 measure Observations + 2 score Observations = 5 Observations.
        #expect(
            report.counts == [
                "Patient": 1, "Goal": 1, "CarePlan": 1, "Task": 4, "QuestionnaireResponse": 3,
                "Observation": 5,
            ])
        #expect(report.problems.isEmpty)
        #expect(report.unresolved.isEmpty)
        // Subjects: Goal 1 + CarePlan 1 + Tasks 4 (+4 basedOn) + QR 3 + Obs 5 = 18;
        // CarePlan goal 1 + activity 4 = 5; derivedFrom 3; each QR's source and
        // author (the patient, who answered on the portal) 3 x 2 = 6. Total 32.
        #expect(report.references == 32)
        #expect(report.patientIdIsUUID5)  // recomputed with Python's uuid.uuid5
    }

    @Test func resourcesCarryTheMappedValues() throws {
        let bundle = try FHIRBundle.bundle(Self.sampleExport())
        let resources = bundle["entry"]!.array!.map { $0["resource"]! }
        func all(_ type: String) -> [Value] {
            resources.filter { $0["resourceType"] == .string(type) }
        }

        #expect(bundle["type"] == "collection")
        #expect(
            all("Task").map { $0["status"]!.string! } == [
                "in-progress", "on-hold", "completed", "cancelled",
            ])
        let patient = try #require(all("Patient").first)
        #expect(patient["name"] == nil)  // pseudonymous unless asked
        #expect(!(try FHIRBundle.json(Self.sampleExport())).contains("Alex"))

        let totals = all("Observation").filter { $0["valueInteger"] != nil }
        let codes = totals.compactMap { $0["code"]?["coding"]?.array?.first?["code"]?.string }
        #expect(codes == ["44261-6", "44261-6", "70274-6"])  // LOINC PHQ-9 and GAD-7 totals
        #expect(totals.map { $0["valueInteger"]! } == [12, 4, 7])
        #expect(totals.first?["interpretation"]?.array?.first?["text"] == "moderate")
        let scored = all("Observation").filter { $0["valueQuantity"] != nil }
        #expect(
            scored.first?["valueQuantity"]
                == ["value": 35.5, "unit": "%", "system": "http://unitsofmeasure.org", "code": "%"])
        let coding = scored.first?["code"]?["coding"]?.array ?? []
        #expect(coding.first == ["system": "http://loinc.org", "code": "00000-0"])
        #expect(coding.count == 2)  // the project's own code stays beside it
        let firstResponse = try #require(all("QuestionnaireResponse").first)
        #expect(firstResponse["item"]!.array!.count == 9)
        #expect(firstResponse["item"]!.array![8]["answer"]!.array![0]["valueInteger"] == 0)
    }

    @Test func idsAreNameBasedUUIDsThatOthersCanRecompute() throws {
        // SHA-1 test vector from FIPS 180-4 appendix / RFC 3174: "abc".
        let abc = SHA1.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(abc == "a9993e364706816aba3e25717850c26c9cd0d89d")
        // Python docs (uuid module): uuid5(NAMESPACE_DNS, 'python.org') = 886313e1-3b8a-5372-9b90-0c9aee199e5d.
        let dns: [UInt8] = [
            0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4,
            0x30, 0xc8,
        ]
        #expect(
            NameBasedUUID.v5("python.org", namespace: dns) == "886313e1-3b8a-5372-9b90-0c9aee199e5d"
        )
        // A two-block message (> 55 bytes) exercises padding into a second chunk:
        // FIPS 180-4 example "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".
        let long = SHA1.digest(
            Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        #expect(
            long.map { String(format: "%02x", $0) }.joined()
                == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")

        let first = try FHIRBundle.json(Self.sampleExport())
        #expect(try FHIRBundle.json(Self.sampleExport()) == first)
    }

    @Test func nameIsWrittenOnlyWhenAsked() throws {
        var export = try Self.sampleExport()
        export.patient.includeName = true
        let patient = try FHIRBundle.bundle(export)["entry"]!.array![0]["resource"]!
        #expect(patient["name"] == [["text": "Alex <b>Doe</b>"]])
    }

    @Test func unknownPlanStatusAndNonFiniteScoresAreRefused() throws {
        var export = try Self.sampleExport()
        export.planStatus = "maybe"
        #expect(throws: ExportError.self) { try FHIRBundle.json(export) }
        export = try Self.sampleExport()
        export.scores[0].points[0].value = .nan
        #expect(throws: ExportError.self) { try FHIRBundle.json(export) }
    }
}
