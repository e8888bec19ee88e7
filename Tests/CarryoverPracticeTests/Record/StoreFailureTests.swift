import CarryoverCore
import CarryoverErrors
import CarryoverPacks
import CarryoverStore
import CarryoverTestSupport
import Foundation
import Testing

@testable import CarryoverPractice

/// A store that fails is never read as "there is nothing there": a damaged
/// (or locked: Tests/CLITests/Record/StoreFailureCommandTests.swift) practice
/// keeps its own error and category up to the front end.
@Suite struct StoreFailureTests {
    /// c-017 with a daily mood log on a token economy, c-017-1.
    static func moodLog() async throws -> PracticeFixture {
        let fixture = try PracticeFixture(now: instant("2026-11-30T08:00:00Z"))
        _ = try await fixture.practice.addClient(
            id: "c-017", displayName: "Client 17", timeZone: "Europe/Berlin")
        _ = try await fixture.practice.assign(
            AssignmentRequest(
                clientID: "c-017", homeworkType: "org.carryover.mood-log",
                schedule: "daily at 21:00", reinforcement: "token economy"))
        return fixture
    }

    static func database(_ fixture: PracticeFixture) -> String {
        fixture.folder.appendingPathComponent(Practice.databaseName).path
    }

    @Test func anUnknownAssignmentIsNotFoundWithTheStoresErrorAsItsCause() async throws {
        let fixture = try await Self.moodLog()
        let error = try await #require(throws: PracticeError.self) {
            try await fixture.practice.assignment("c-017-9")
        }
        #expect(error.code == .notFound)
        #expect((error.cause as? StoreError)?.code == .notFound)
    }

    @Test func aDamagedStoreIsStorageNotNoAssignment() async throws {
        let fixture = try await Self.moodLog()
        try SQLiteFaults.corruptTable("assignment", inDatabase: Self.database(fixture))
        let practice = try fixture.at(instant("2026-11-30T09:00:00Z"))
        let error = try await #require(throws: StoreError.self) {
            try await practice.assignment("c-017-1")
        }
        #expect(error.code == .corrupt)
        #expect(error.category == .storage)
        // The SQLite error is kept as the cause, never shown: its text can quote values.
        #expect(error.cause != nil)
        #expect(!error.description.contains("SQLITE"))
    }

    /// The portal asks for an assignment by the id a browser sent: a damaged
    /// store is a storage failure there too, never "not on your list".
    @Test func aDamagedStoreIsStorageOnThePortalToo() async throws {
        let fixture = try await Self.moodLog()
        try SQLiteFaults.corruptTable("assignment", inDatabase: Self.database(fixture))
        let practice = try fixture.at(instant("2026-11-30T09:00:00Z"))
        let error = try await #require(throws: StoreError.self) {
            try await practice.portalDeclaration(clientID: "c-017", assignmentID: "c-017-1")
        }
        #expect(error.code == .corrupt && error.category == .storage)
    }

    /// A practice folder whose packs cannot be listed is a storage failure for
    /// a read that looks a homework type up in the packs; before, the read
    /// went on as if the type were gone. Progress reads what the assignment
    /// and its entries keep, and a built-in at its assigned version is found
    /// without listing the packs, so both still work.
    @Test func anUnreadablePacksFolderIsStorageNotATypeThatIsGone() async throws {
        let fixture = try await Self.moodLog()
        let practice = try fixture.at(instant("2026-11-30T19:30:00Z"))
        _ = try await practice.log(
            assignmentID: "c-017-1", fields: try Value.parse(json: #"{"mood": 6}"#))
        let packed = "org.example.from-a-pack"
        #expect(try practice.homeworkTypeIfItLoads(packed, version: "1.0.0", seed: 1) == nil)
        let packs = fixture.folder.appendingPathComponent("packs")
        try? FileManager.default.removeItem(at: packs)
        try Data("not a folder".utf8).write(to: packs)
        #expect(try await practice.progress(clientID: "c-017").count == 1)
        #expect(try await practice.carePlan(clientID: "c-017").tasks.count == 1)
        let error = try #require(throws: PackError.self) {
            try practice.homeworkTypeIfItLoads(packed, version: "1.0.0", seed: 1)
        }
        #expect(error.code == .io && error.category == .storage)
    }

    @Test func aLedgerLineThatDoesNotReadIsCorruptNotLeftOut() async throws {
        let fixture = try await Self.moodLog()
        let practice = try fixture.at(instant("2026-11-30T19:30:00Z"))
        let mood = try Value.parse(json: #"{"mood": 6}"#)
        _ = try await practice.log(assignmentID: "c-017-1", fields: mood)
        #expect(try await practice.rewards(assignmentID: "c-017-1").storedBalance == 1)
        let state = try #require(try await practice.store.engineState(assignmentID: "c-017-1"))
        try await practice.store.recordState(
            StateRecording(
                assignmentID: "c-017-1", engineState: state,
                events: [
                    NewLedgerEvent(
                        at: instant("2026-11-30T19:31:00Z"), kind: Practice.ledgerKind,
                        payload: .string("not a ledger line"))
                ], action: "test.damage"))
        // Before, the line was dropped and the balance shown as if it were not there.
        let error = try await #require(throws: StoreError.self) {
            try await practice.rewards(assignmentID: "c-017-1")
        }
        #expect(error.code == .corrupt)
    }
}
