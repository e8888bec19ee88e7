import CarryoverCore
import CarryoverExport
import CarryoverTestSupport
import Foundation
import Testing

@testable import CarryoverPractice

/// Each export of ``ExportScenario``'s client passes an independent validator.
@Suite struct ExportValidatorTests {
    /// Expands the calendar with `icalendar` + `recurring_ical_events`; prints
    /// "UID instant" per occurrence, instants in UTC.
    static let expandCalendar =
        TestPython.imports("icalendar, recurring_ical_events, fhir.resources") + """
            import datetime
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
            for ev in recurring_ical_events.of(cal).between((2026, 1, 1), (2028, 1, 1)):
                start = ev["DTSTART"].dt.astimezone(datetime.timezone.utc)
                print(str(ev["UID"]), start.strftime("%Y-%m-%dT%H:%M:%SZ"))
            """

    @Test func calendarOccurrencesEqualTheEnginesAcrossDaylightSavingChanges() async throws {
        let scenario = try await ExportScenario.make()
        let practice = scenario.practice
        // New York leaves daylight saving on 2026-11-01; the assignment starts 2026-10-26.
        _ = try await practice.addClient(
            id: "c-020", displayName: "Client Twenty", timeZone: "America/New_York")
        _ = try await practice.assign(
            AssignmentRequest(
                clientID: "c-020", homeworkType: "org.carryover.gratitude",
                schedule: "daily at 20:00 for 3 weeks"))
        for clientID in [ExportScenario.clientID, "c-020"] {
            let calendar = try ReminderCalendar(stamp: practice.clock.now())
                .render(try await practice.reminders(clientID: clientID))
            let expanded = try #require(try TestPython.check(Self.expandCalendar, file: calendar, suffix: ".ics"))
            var fromPython: [String: [String]] = [:]
            for line in expanded.split(separator: "\n") {
                let parts = line.split(separator: " ")
                fromPython[String(parts[0]), default: []].append(String(parts[1]))
            }
            let everything = DateInterval(
                start: instant("2026-01-01T00:00:00Z"), end: instant("2028-01-01T00:00:00Z"))
            var fromEngine: [String: [String]] = [:]
            for assignment in try await practice.store.assignments(
                clientID: clientID, status: .active)
            {
                fromEngine["\(assignment.id)@carryover"] = assignment.schedule.occurrences(
                    in: everything
                )
                .map { ISO8601DateFormatter().string(from: $0.due) }
            }
            #expect(fromPython.mapValues { $0.sorted() } == fromEngine)
            #expect(fromEngine.count == (clientID == "c-020" ? 1 : 3))
        }
        // By hand: Berlin 20:00 is 18:00Z in summer time (to Oct 24), 19:00Z from Oct 25.
        let thought = try await practice.assignment(ExportScenario.thoughtRecord).schedule
            .occurrences(
                in: DateInterval(start: instant("2026-10-24T00:00:00Z"), duration: 2 * 86_400))
        #expect(
            thought.map(\.due) == [
                instant("2026-10-24T18:00:00Z"), instant("2026-10-25T19:00:00Z"),
            ])
    }

    @Test func fhirBundleValidatesAndThePHQ9TotalDerivesFromItsResponse() async throws {
        let scenario = try await ExportScenario.make()
        let bundle = try FHIRBundle.json(
            try await scenario.practice.carePlan(clientID: ExportScenario.clientID))
        let script =
            TestPython.imports("icalendar, recurring_ical_events, fhir.resources") + """
                import json
                from fhir.resources.R4B import get_fhir_model_class
                data = json.load(open(sys.argv[1]))
                get_fhir_model_class("Bundle").model_validate(data)
                resources = {e["fullUrl"]: e["resource"] for e in data["entry"]}
                for url, r in resources.items():
                    get_fhir_model_class(r["resourceType"]).model_validate(r)
                for r in resources.values():
                    if r["resourceType"] != "Observation": continue
                    codes = [c.get("code") for c in r["code"]["coding"]]
                    if "44261-6" not in codes: continue
                    source = resources[r["derivedFrom"][0]["reference"]]
                    items = [i["answer"][0]["valueInteger"] for i in source["item"]]
                    assert source["resourceType"] == "QuestionnaireResponse"
                    assert sum(items) == r["valueInteger"], (items, r["valueInteger"])
                    print(r["valueInteger"], r["interpretation"][0]["text"])
                """
        let totals = try #require(try TestPython.check(script, file: bundle, suffix: ".json"))
        // Totals 18 then 9 (Kroenke et al. 2001 bands: moderately severe, mild).
        #expect(totals.split(separator: "\n").sorted() == ["18 moderately severe", "9 mild"])
        #expect(!bundle.contains("Client Seventeen"))
    }

    @Test func csvParsesBackWithPythonsCSVModule() async throws {
        let scenario = try await ExportScenario.make()
        let csv = try await scenario.practice.entriesCSV(clientID: ExportScenario.clientID)
        let script =
            TestPython.imports("icalendar, recurring_ical_events, fhir.resources") + """
                import csv
                rows = list(csv.reader(open(sys.argv[1], newline="")))
                header = rows[0]
                assert all(len(row) == len(header) for row in rows), "ragged rows"
                situation = header.index("fields.situation")
                print(len(rows) - 1)
                print(sorted({row[situation] for row in rows[1:] if row[situation]})[0])
                """
        let output = try #require(try TestPython.check(script, file: csv, suffix: ".csv"))
        // 5 thought records + 2 ladder sessions + 2 PHQ-9 = 9 entries.
        #expect(output == "9\nFriend did not answer, \"again\"\n")
    }
}
