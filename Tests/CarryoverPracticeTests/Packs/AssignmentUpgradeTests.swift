import CarryoverCore
import CarryoverPacks
import CarryoverStore
import Foundation
import Testing

@testable import CarryoverPractice

/// An assignment made with a pack's 1.0.0 keeps it through a pack upgrade,
/// moves to 1.1.0 only when the therapist says so, and old entries stay as
/// logged; `migrate` copies sit beside them.
@Suite struct AssignmentUpgradeTests {
    let packs: ClinicPackFixture

    init() throws { packs = try ClinicPackFixture() }

    /// A practice with pack 1.0.0 installed, the activity log assigned to
    /// c-017 and one entry logged (Monday 2026-11-30, 19:30 in Berlin).
    func setUp() async throws -> (PracticeFixture, Assignment, Entry) {
        let fixture = try PracticeFixture(now: instant("2026-11-30T08:00:00Z"))
        try packs.trust(in: fixture.practice)
        try PackShelf(root: fixture.folder).install(from: packs.pack(version: "1.0.0"))
        _ = try await fixture.practice.addClient(
            id: "c-017", displayName: "Client 17", timeZone: "Europe/Berlin")
        let assignment = try await fixture.practice.assign(
            AssignmentRequest(
                clientID: "c-017", homeworkType: ClinicPackFixture.typeID,
                schedule: "daily at 20:00 for 3 weeks"))
        let logged = try await fixture.at(instant("2026-11-30T18:30:00Z")).log(
            assignmentID: assignment.id, fields: ClinicPackFixture.entry)
        return (fixture, assignment, logged.entry)
    }

    @Test func packUpgradeLeavesTheAssignmentOnItsVersion() async throws {
        let (fixture, assignment, _) = try await setUp()
        #expect(assignment.homeworkVersion == "1.0.0")
        try PackShelf(root: fixture.folder).upgrade(from: packs.pack(version: "1.1.0"))
        let practice = try fixture.at(instant("2026-12-01T18:30:00Z"))
        // New work sees 1.1.0; the running assignment still logs 1.0.0's form.
        #expect(try practice.catalogue.source(id: ClinicPackFixture.typeID).version == "1.1.0")
        let again = try await practice.log(
            assignmentID: assignment.id, fields: ClinicPackFixture.entry)
        #expect(again.entry.homeworkVersion == "1.0.0")
        #expect(try await practice.assignment(assignment.id).homeworkVersion == "1.0.0")
    }

    @Test func upgradeRecordsTheReasonAndOldEntriesStayValidUnderTheirVersion() async throws {
        let (fixture, assignment, entry) = try await setUp()
        try PackShelf(root: fixture.folder).upgrade(from: packs.pack(version: "1.1.0"))
        let practice = try fixture.at(instant("2026-12-01T09:00:00Z"))
        let upgrade = try await practice.upgrade(
            AssignmentUpgradeRequest(
                assignmentID: assignment.id, version: "1.1.0", reason: "clinic's new form"))
        #expect(upgrade.fromVersion == "1.0.0")
        #expect(upgrade.migrated.isEmpty)
        let saved = try await practice.assignment(assignment.id)
        #expect(saved.homeworkVersion == "1.1.0")
        #expect(saved.history.last?.what == "homework version 1.0.0 -> 1.1.0")
        #expect(saved.history.last?.reason == "clinic's new form")
        #expect(saved.history.last?.at == instant("2026-12-01T09:00:00Z"))
        #expect(
            try await practice.checkEntries(assignmentID: assignment.id)
                == [EntryCheck(entryID: entry.id, version: "1.0.0", problems: [])])
        // The new form: `note` is now `reflection`, and new entries carry 1.1.0.
        await #expect(throws: PracticeError.self) {
            _ = try await practice.log(assignmentID: assignment.id, fields: ClinicPackFixture.entry)
        }
        var fields = try #require(ClinicPackFixture.entry.object)
        fields["reflection"] = fields.removeValue(forKey: "note")
        let next = try await practice.log(assignmentID: assignment.id, fields: .object(fields))
        #expect(next.entry.homeworkVersion == "1.1.0")
        let checks = try await practice.checkEntries(assignmentID: assignment.id)
        #expect(checks.map(\.version) == ["1.0.0", "1.1.0"])
        #expect(checks.allSatisfy { $0.problems.isEmpty })
    }

    @Test func migrateStoresCopiesAndNeverTouchesTheOriginal() async throws {
        let (fixture, assignment, entry) = try await setUp()
        try PackShelf(root: fixture.folder).upgrade(from: packs.pack(version: "1.1.0"))
        let practice = try fixture.at(instant("2026-12-01T09:00:00Z"))
        let upgrade = try await practice.upgrade(
            AssignmentUpgradeRequest(
                assignmentID: assignment.id, version: "1.1.0", reason: "new form",
                migrateEntries: true))
        let copy = try #require(upgrade.migrated.first)
        #expect(upgrade.migrated.count == 1)
        #expect(copy.id == "\(entry.id)@1.1.0")
        #expect(copy.originalEntryID == entry.id)
        #expect((copy.fromVersion, copy.toVersion) == ("1.0.0", "1.1.0"))
        #expect(copy.fields.object?["reflection"] == "Felt better after the walk")
        #expect(copy.fields.object?["note"] == nil)
        #expect(copy.fields.object?["activities"] == ClinicPackFixture.entry.object?["activities"])
        // Scores of the fixture entry worked by hand (see ClinicPackFixture.entry).
        #expect(
            copy.scores == [
                "planned": 2, "planned_done": 1, "completion_percent": 50, "mean_pleasure": 6,
                "mean_mastery": 4,
            ])
        #expect(try await practice.migratedEntries(assignmentID: assignment.id) == [copy])
        #expect(
            try await practice.assignment(assignment.id).history.last?.what
                == "homework version 1.0.0 -> 1.1.0; 1 old entries migrated")
        // The entry as logged: same fields, same version, still one entry.
        let stored = try await practice.store.entries(.init(assignmentID: assignment.id))
        #expect(stored.map(\.id) == [entry.id])
        #expect(stored.first?.fields == ClinicPackFixture.entry)
        #expect(stored.first?.homeworkVersion == "1.0.0")
    }

    @Test func aMigrateThatLeavesEntriesInvalidChangesNothing() async throws {
        let (fixture, assignment, entry) = try await setUp()
        try PackShelf(root: fixture.folder).upgrade(
            from: packs.pack(version: "1.2.0", migrate: false))
        let practice = try fixture.at(instant("2026-12-01T09:00:00Z"))
        do {
            _ = try await practice.upgrade(
                AssignmentUpgradeRequest(
                    assignmentID: assignment.id, version: "1.2.0", reason: "new form",
                    migrateEntries: true))
            Issue.record("an entry that no longer fits was migrated")
        } catch let error as PracticeError {
            #expect(error.code == .invalidInput)
            #expect(
                error.problems == [
                    ValidationProblem(
                        field: "entry \(entry.id) note", message: "is not a field of this form")
                ])
            // Health data stay out of the message: the note's text is not in it.
            #expect(!error.message.contains("walk"))
        }
        let unchanged = try await practice.assignment(assignment.id)
        #expect(unchanged.homeworkVersion == "1.0.0")
        #expect(unchanged.history.isEmpty)
        #expect(try await practice.migratedEntries(assignmentID: assignment.id).isEmpty)
    }

    @Test func packVersionsInUseAreThoseOfAssignmentsAndOfEntries() async throws {
        let (fixture, assignment, _) = try await setUp()
        let practice = fixture.practice
        let pack = ClinicPackFixture.packID
        #expect(try await practice.assignmentsUsing(packID: pack) == [assignment.id])
        try PackShelf(root: fixture.folder).upgrade(from: packs.pack(version: "1.1.0"))
        #expect(try await practice.assignmentsUsing(packID: pack, version: "1.1.0").isEmpty)
        let behind = try await practice.assignmentsBehind(packID: pack)
        #expect(behind.map { "\($0.assignment.id) \($0.newest)" } == ["c-017-1 1.1.0"])
        _ = try await practice.upgrade(
            AssignmentUpgradeRequest(assignmentID: assignment.id, version: "1.1.0", reason: "r"))
        #expect(try await practice.assignmentsUsing(packID: pack, version: "1.1.0") == ["c-017-1"])
        #expect(try await practice.assignmentsBehind(packID: pack).isEmpty)
        // Its entry was logged with 1.0.0, so that version is still in use.
        #expect(try await practice.assignmentsUsing(packID: pack, version: "1.0.0") == ["c-017-1"])
        #expect(try await practice.assignmentsUsing(packID: "org.example.none").isEmpty)
    }

    @Test func refusesOlderMissingAndUnexplainedVersions() async throws {
        let (fixture, assignment, _) = try await setUp()
        let practice = fixture.practice
        func refusal(_ version: String, reason: String = "why") async -> PracticeError.Code? {
            do {
                _ = try await practice.upgrade(
                    AssignmentUpgradeRequest(
                        assignmentID: assignment.id, version: version, reason: reason))
                return nil
            } catch let error as PracticeError {
                return error.code
            } catch {
                return nil
            }
        }
        #expect(await refusal("1.0.0") == .invalidInput)
        #expect(await refusal("0.9.0") == .invalidInput)
        #expect(await refusal("one") == .invalidInput)
        #expect(await refusal("2.0.0") == .notFound)
        try PackShelf(root: fixture.folder).upgrade(from: packs.pack(version: "1.1.0"))
        #expect(await refusal("1.1.0", reason: "  ") == .invalidInput)
        _ = try await practice.setStatus(assignment.id, to: .abandoned, reason: "moved away")
        #expect(await refusal("1.1.0") == .notActive)
        #expect(try await practice.assignment(assignment.id).homeworkVersion == "1.0.0")
    }
}
