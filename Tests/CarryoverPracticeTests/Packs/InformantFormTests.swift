import CarryoverCore
import CarryoverExport
import CarryoverPacks
import Foundation
import Testing

@testable import CarryoverPractice

/// A homework type that declares an informant form: a supporter allowed to
/// fill it in sends a parent report that counts nowhere, runs no hook, and
/// is exported as the supporter's QuestionnaireResponse.
@Suite struct InformantFormTests {
    let packs: ClinicPackFixture

    init() throws { packs = try ClinicPackFixture() }

    /// The example activity log with a parent-report form added.
    static func withInformant(_ lua: String) -> String {
        lua.replacingOccurrences(
            of: "  title = \"Activity log\",\n",
            with: """
                  title = "Activity log",
                  informant = {
                    title = "Parent report",
                    instructions = [[How active was your child this week, as you saw it?]],
                    fields = {
                      field.number("active_days", { integer = true, min = 0, max = 7, label = "Days with an activity" }),
                      field.text("seen", { max = 300, optional = true, label = "What you saw" }),
                    },
                  },

                """)
    }

    @Test func aParentReportIsStoredApartAndExportedAsTheRelatedPersons() async throws {
        let fixture = try PracticeFixture(now: instant("2026-11-30T08:00:00Z"))
        try packs.trust(in: fixture.practice)
        try PackShelf(root: fixture.folder).install(
            from: packs.pack(version: "1.0.0", lua: Self.withInformant))
        let practice = fixture.practice
        _ = try await practice.addClient(
            id: "c-017", displayName: "Client 17", timeZone: "Europe/Berlin")
        let log = try await practice.assign(
            AssignmentRequest(
                clientID: "c-017", homeworkType: ClinicPackFixture.typeID,
                schedule: "daily at 20:00 for 3 weeks", reinforcement: "token economy"))
        let mood = try await practice.assign(
            AssignmentRequest(
                clientID: "c-017", homeworkType: "org.carryover.mood-log",
                schedule: "daily at 21:00"))
        let parent = try await practice.addSupporter(
            clientID: "c-017", name: "Maria", relation: .parent)
        _ = try await practice.allow(
            supporterID: parent.id, assignmentID: log.id, permissions: [.see, .informant])
        // A type without an informant form cannot be granted one.
        await #expect(throws: PracticeError.self) {
            _ = try await practice.allow(
                supporterID: parent.id, assignmentID: mood.id, permissions: [.informant])
        }
        let form = try await practice.informantForm(
            supporterID: parent.id, clientID: "c-017", assignmentID: log.id)
        #expect(
            form.title == "Parent report" && form.fields.map(\.name) == ["active_days", "seen"])
        // Checked against the informant form's own fields, not the client's.
        await #expect(throws: PracticeError.self) {
            _ = try await practice.submitInformant(
                supporterID: parent.id, clientID: "c-017", assignmentID: log.id,
                fields: ["active_days": 9], idempotencyKey: "k-1")
        }
        let sent = try await practice.submitInformant(
            supporterID: parent.id, clientID: "c-017", assignmentID: log.id,
            fields: ["active_days": 4, "seen": "Out on his bike twice"], idempotencyKey: "k-2")
        #expect(sent.entry.kind == .informant && !sent.entry.counts && sent.entry.scores.isEmpty)
        #expect(sent.feedback == nil && sent.reinforcement.isEmpty)
        let progress = try #require(
            try await practice.progress(clientID: "c-017").first { $0.assignment.id == log.id })
        #expect(progress.balance == "0 tokens")
        #expect(progress.adherence.overall.done == 0)

        let export = try await practice.carePlan(clientID: "c-017")
        let response = try #require(export.informantResponses.first)
        #expect(response.respondent.supporter?.id == parent.id)
        #expect(response.answers.map(\.linkID) == ["active_days", "seen"])
        #expect(response.answers.first?.value == .int(4))
        let bundle = try FHIRBundle.json(export)
        #expect(bundle.contains("RelatedPerson") && !bundle.contains("Maria"))
    }
}
