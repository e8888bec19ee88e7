import CarryoverCore
import CarryoverPacks
import Foundation
import Testing

@testable import CarryoverPractice

/// A risk flag raised by a clinic's own plugin (not the built-in PHQ-9) stays
/// open after a later calm entry, until a therapist acknowledges it.
@Suite struct PluginRiskFlagTests {
    let packs: ClinicPackFixture

    init() throws { packs = try ClinicPackFixture() }

    /// The example activity log whose flags hook also raises a risk when
    /// the note says "no point".
    static func withRiskHook(_ lua: String) -> String {
        lua.replacingOccurrences(
            of: "  flags = function(entry, params, scores)\n",
            with: """
                  flags = function(entry, params, scores)
                    if entry.note ~= nil and string.find(entry.note, "no point", 1, true) then
                      return { { level = "risk", code = "hopeless-note",
                        message = "the note speaks of hopelessness: review before the next session" } }
                    end

                """)
    }

    static func entry(note: String) -> Value {
        var entry = ClinicPackFixture.entry
        if case .object(var members) = entry {
            members["note"] = .string(note)
            entry = .object(members)
        }
        return entry
    }

    @Test func aClinicPluginsRiskStaysOpenUntilAcknowledged() async throws {
        let fixture = try PracticeFixture(now: instant("2026-11-30T08:00:00Z"))
        try packs.trust(in: fixture.practice)
        try PackShelf(root: fixture.folder).install(
            from: packs.pack(version: "1.0.0", lua: Self.withRiskHook))
        _ = try await fixture.practice.addClient(
            id: "c-017", displayName: "Client 17", timeZone: "Europe/Berlin")
        let assignment = try await fixture.practice.assign(
            AssignmentRequest(
                clientID: "c-017", homeworkType: ClinicPackFixture.typeID,
                schedule: "daily at 20:00 for 3 weeks"))

        let risky = try await fixture.at(instant("2026-11-30T18:30:00Z"))
            .log(assignmentID: assignment.id, fields: Self.entry(note: "there is no point"))
        #expect(risky.flags.map(\.code) == ["hopeless-note"])
        let calm = try await fixture.at(instant("2026-12-01T18:30:00Z"))
            .log(assignmentID: assignment.id, fields: Self.entry(note: "a good walk"))
        #expect(calm.flags.isEmpty)

        let practice = try fixture.at(instant("2026-12-02T08:00:00Z"))
        #expect(
            try await practice.progress(of: assignment).openFlags.map(\.code) == ["hopeless-note"])
        let open = try await practice.flags(clientID: "c-017")
        #expect(open.map(\.code) == ["hopeless-note"])
        _ = try await practice.acknowledgeFlags(ids: open.map(\.id), note: "spoke with the client")
        #expect(try await practice.progress(of: assignment).openFlags.isEmpty)
        let report = try await practice.clientReport(
            clientID: "c-017", from: LocalDate("2026-11-30"), to: LocalDate("2026-12-01"))
        #expect(
            report.flags.filter { $0.level == .risk }.map(\.raisedOn) == [LocalDate("2026-11-30")])
    }
}
