import CarryoverCore
import CarryoverPacks
import Foundation
import Testing

@testable import CarryoverPractice

/// Which time a hook sees (reference.md): while an entry is logged, and when
/// status re-reads its flags, `clock.now()` and `clock.today()` are the
/// moment the client did the homework (`log --at`), not the logging moment.
@Suite struct EntryMomentTests {
    let packs: ClinicPackFixture

    init() throws { packs = try ClinicPackFixture() }

    @Test func hooksSeeTheEntrysMomentNotTheLoggingMoment() async throws {
        let fixture = try PracticeFixture(now: instant("2026-11-30T08:00:00Z"))
        try packs.trust(in: fixture.practice)
        let pack = try packs.pack(version: "1.0.0") { lua in
            lua.replacingOccurrences(
                of: "  feedback = function(entry, params, scores)\n",
                with: "  feedback = function(entry, params, scores)\n"
                    + "    if true then return \"seen \" .. clock.today() .. \" \" .. clock.now() end\n"
            )
        }
        try PackShelf(root: fixture.folder).install(from: pack)
        _ = try await fixture.practice.addClient(
            id: "c-017", displayName: "Client 17", timeZone: "Europe/Berlin")
        let assignment = try await fixture.practice.assign(
            AssignmentRequest(
                clientID: "c-017", homeworkType: ClinicPackFixture.typeID,
                schedule: "daily at 20:00 for 3 weeks"))
        // Logged on Wednesday for Monday evening (--at).
        let monday = instant("2026-11-30T18:30:00Z")
        let logged = try await fixture.at(instant("2026-12-02T10:00:00Z")).log(
            assignmentID: assignment.id, fields: ClinicPackFixture.entry, performedAt: monday)
        #expect(logged.feedback == "seen 2026-11-30 \(Int(monday.timeIntervalSince1970))")
        // Without --at, the logging moment is the entry's moment.
        let now = instant("2026-12-02T19:00:00Z")
        let plain = try await fixture.at(now).log(
            assignmentID: assignment.id, fields: ClinicPackFixture.entry)
        #expect(plain.feedback == "seen 2026-12-02 \(Int(now.timeIntervalSince1970))")
    }
}
