import CarryoverCore
import CarryoverLua
import CarryoverPacks
import Foundation
import Testing

@testable import CarryoverPractice

/// What was logged with a pack's homework type stays readable after its key
/// is revoked or the pack removed, also once the assignment is abandoned;
/// only new entries are refused, naming why. And a hook that fails during
/// `log` leaves nothing stored.
@Suite struct PackHistoryTests {
    let packs: ClinicPackFixture

    init() throws { packs = try ClinicPackFixture() }

    /// The example clinic's activity log (signed by `packs`) assigned to c-017.
    func loggedAndAbandoned(lua: ((String) -> String)? = nil) async throws -> (
        PracticeFixture, Assignment
    ) {
        try await packs.assigned(lua: lua)
    }

    /// Everything a therapist reads about the client works and names the type by its title.
    func historyReads(_ practice: Practice) async throws {
        let progress = try await practice.progress(clientID: "c-017")
        #expect(progress.map(\.title) == ["Activity log"])
        #expect(progress.first?.entries.first?.scores["completion_percent"] == 50)
        let report = try await practice.clientReport(clientID: "c-017")
        #expect(report.assignments.map(\.title) == ["Activity log"])
        #expect(try await practice.archiveJSON(clientID: "c-017").contains("completion_percent"))
        #expect(try await practice.entriesCSV(clientID: "c-017").contains("Felt better"))
        #expect(try await practice.carePlan(clientID: "c-017").tasks.count == 1)
    }

    @Test func aRevokedKeyLeavesHistoryReadableAndRefusesNewEntries() async throws {
        let (fixture, assignment) = try await loggedAndAbandoned()
        let practice = try fixture.at(instant("2026-11-30T18:30:00Z"))
        _ = try await practice.log(assignmentID: assignment.id, fields: ClinicPackFixture.entry)
        try TrustStore(practice: fixture.folder).revoke(packs.key.keyID)
        try await historyReads(practice)
        let refused = await #expect(throws: PracticeError.self) {
            _ = try await practice.log(assignmentID: assignment.id, fields: ClinicPackFixture.entry)
        }
        #expect(refused?.code == .revoked)
        #expect(refused?.message.contains("revoked") == true)
        #expect(refused?.message.contains("stays readable") == true)
        _ = try await practice.setStatus(assignment.id, to: .abandoned, reason: "pack withdrawn")
        try await historyReads(practice)
    }

    @Test func aRemovedPackLeavesHistoryReadable() async throws {
        let (fixture, assignment) = try await loggedAndAbandoned()
        let practice = try fixture.at(instant("2026-11-30T18:30:00Z"))
        _ = try await practice.log(assignmentID: assignment.id, fields: ClinicPackFixture.entry)
        _ = try await practice.setStatus(assignment.id, to: .abandoned, reason: "moved on")
        try PackShelf(root: fixture.folder).remove(id: ClinicPackFixture.packID)
        try await historyReads(practice)
        _ = try await practice.store.saveAssignment(
            {
                var open = assignment
                open.status = .active
                return open
            }())
        let refused = await #expect(throws: PracticeError.self) {
            _ = try await practice.log(assignmentID: assignment.id, fields: ClinicPackFixture.entry)
        }
        #expect(refused?.code == .notFound)
        #expect(refused?.message.contains("no longer installed") == true)
    }

    @Test func aFeedbackHookOverItsInstructionLimitStoresNothing() async throws {
        // The feedback hook loops until the sandbox's instruction budget runs out.
        let (fixture, assignment) = try await loggedAndAbandoned(lua: {
            $0.replacingOccurrences(
                of: "  feedback = function(entry, params, scores)\n",
                with: "  feedback = function(entry, params, scores)\n    while true do end\n")
        })
        // A budget a loaded machine reaches long before the wall clock runs out.
        let practice = Practice(
            folder: fixture.folder, store: fixture.practice.store,
            clock: FixedClock(instant("2026-11-30T18:30:00Z")),
            limits: SandboxLimits(instructions: 2_000_000, wallClock: .seconds(60)))
        let journal = try await practice.store.auditJournal(.init())
        let failed = await #expect(throws: PracticeError.self) {
            _ = try await practice.log(assignmentID: assignment.id, fields: ClinicPackFixture.entry)
        }
        #expect(failed?.code == .pluginFailed)
        #expect(
            failed?.message.contains("the feedback hook of \(ClinicPackFixture.typeID)") == true)
        #expect(failed?.message.contains("instruction-limit") == true)
        #expect(failed?.message.contains("nothing was saved") == true)
        #expect(try await practice.store.entries(.init(includeVoided: true)).isEmpty)
        #expect(try await practice.store.engineState(assignmentID: assignment.id) == nil)
        #expect(try await practice.store.ledger(assignmentID: assignment.id).isEmpty)
        #expect(try await practice.store.auditJournal(.init()) == journal)
    }
}
