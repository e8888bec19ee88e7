import CarryoverTestSupport
import Foundation
import Testing

/// `log` on a practice whose store fails: the store's own status, never
/// "no assignment", and nothing written.
@Suite struct StoreFailureCommandTests {
    static let entry = ["log", "c-017-1", "--set", "mood=6"]

    var database: (CLIFixture) -> String = { $0.practice.appending(path: "practice.sqlite").path }

    @Test func aMissingAssignmentIsNotFound() throws {
        let fixture = try CLIFixture.withMoodLog()
        try fixture.fails(
            ["log", "c-017-9", "--set", "mood=6"], status: Exit.notFound,
            saying: "no assignment 'c-017-9'")
    }

    @Test func aDamagedStoreIsStorageNotNoAssignment() throws {
        let fixture = try CLIFixture.withMoodLog()
        try SQLiteFaults.corruptTable("assignment", inDatabase: database(fixture))
        try fixture.fails(Self.entry, status: 74, saying: "damaged", "restore it from a backup")
    }

    /// Waits out the store's 30-second busy timeout once.
    @Test func aLockedStoreIsBusyAndWritesNothing() throws {
        let fixture = try CLIFixture.withMoodLog()
        let lock = try SQLiteFaults.holdLock(onDatabase: database(fixture))
        try fixture.fails(Self.entry, status: 75, saying: "busy", "run the command again")
        lock.release()
        #expect(try fixture.history().isEmpty)
    }
}
