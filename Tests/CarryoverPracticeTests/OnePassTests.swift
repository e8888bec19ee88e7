import CarryoverCore
import CarryoverPacks
import CarryoverSQLite
import CarryoverStore
import Foundation
import Testing

@testable import CarryoverPractice

/// One pass per entry (issue 16 item 2): one `log` loads its plugin once,
/// already scoped, runs each hook once and reads the store no more than it
/// must; `status` loads no plugin at all. The counts come from the practice's
/// ``PracticeUsage``, from a store that counts its calls, and from inside the
/// plugin itself (a pack whose hooks count how often they run).
@Suite struct OnePassTests {
    let packs: ClinicPackFixture

    init() throws { packs = try ClinicPackFixture() }

    /// A practice whose store counts its calls, at `now`.
    static func counted(_ fixture: PracticeFixture, at now: Date) throws -> (
        Practice, CountingStore
    ) {
        let store = CountingStore(
            try SQLiteStore(
                path: fixture.folder.appendingPathComponent(Practice.databaseName).path,
                principal: Principal(name: "test"), clock: FixedClock(now)))
        return (Practice(folder: fixture.folder, store: store, clock: FixedClock(now)), store)
    }

    /// The activity log with every hook counting its runs; `advance`, the
    /// last hook of a log, returns the counts in its state (`calls`).
    static func countingHooks(_ lua: String) -> String {
        let counting = """
            local calls = { validate = 0, score = 0, feedback = 0, flags = 0, advance = 0 }
            local function counted(spec)
              for name in pairs(calls) do
                local hook = spec[name]
                spec[name] = function(...) calls[name] = calls[name] + 1; return hook(...) end
              end
              local advance = spec.advance
              spec.advance = function(...)
                local state = advance(...)
                state.calls = {}
                for name, count in pairs(calls) do state.calls[name] = count end
                return state
              end
              return spec
            end

            """
        var text = lua.replacingOccurrences(of: "homework {", with: "homework(counted {")
        text = text.replacingOccurrences(
            of: "\n}\n", with: "\n})\n", options: .backwards,
            range: text.range(of: "\n}\n", options: .backwards))
        return counting + text
    }

    /// A PHQ-9 (built in: no pack read) with a risk answer. On main before
    /// this change: 2 Lua states built (the declaration's, then a rebuild
    /// for the client), 5 store calls (assignment, writeEngine, entries,
    /// engineState, flags); the CLI added an assignment and an all-clients read.
    @Test func oneLogOfAPHQ9() async throws {
        let (fixture, assignment) = try await RiskFlagTests.weeklyPHQ9()
        let (practice, store) = try Self.counted(fixture, at: instant("2026-11-30T18:30:00Z"))
        let outcome = try await practice.log(
            assignmentID: assignment.id, fields: RiskFlagTests.phq9(item9: 1))
        #expect(outcome.flags.map(\.code) == ["phq9-item9"])
        // 8 items answered 1 and item 9 answered 1: 9 of 27.
        #expect(outcome.feedback?.contains("Your total is 9 of 27") == true)
        #expect(
            practice.usage.snapshot == [
                "load": 1, "build": 1, "hook.score": 1, "hook.flags": 1, "hook.feedback": 1,
            ])
        // One engine write, which reads the entries and keeps the progress digest
        // (Practice+Digest); before, the log read the entries again after it and
        // made a second write for the digest: writeEngine 2, entries 1.
        #expect(store.calls == ["assignment": 1, "client": 1, "writeEngine": 1])
    }

    /// A pack's type whose hooks count their own runs. On main before this
    /// change, inside the plugin: `score` ran 3 times (again for `feedback`
    /// and for `flags`); every installed pack was verified on every lookup
    /// (2 here), and the status of the client loaded the plugin again.
    @Test func oneLogOfACountingPack() async throws {
        let (fixture, assignment) = try await packs.assigned(lua: Self.countingHooks)
        let shelf = PackShelf(root: fixture.folder)
        #expect(fixture.practice.usage.snapshot["verify"] == 1)
        // Another pack with a later version of the type: the assignment stays on 1.0.0.
        try shelf.install(from: packs.pack(version: "2.0.0", packID: "org.example.other"))
        let (practice, store) = try Self.counted(fixture, at: instant("2026-11-30T18:30:00Z"))
        let outcome = try await practice.log(
            assignmentID: assignment.id, fields: ClinicPackFixture.entry)
        #expect(
            outcome.progress["calls"]
                == ["validate": 1, "score": 1, "feedback": 1, "flags": 1, "advance": 1])
        // The pack was verified once in this process (at assign); the other never.
        #expect(
            practice.usage.snapshot == [
                "load": 1, "build": 1, "hook.validate": 1, "hook.score": 1, "hook.flags": 1,
                "hook.feedback": 1, "hook.advance": 1,
            ])
        // One engine write, which reads the entries and keeps the digest (as above).
        #expect(store.calls == ["assignment": 1, "client": 1, "writeEngine": 1])
        // The progress change, as the store numbered it.
        #expect(outcome.ledger.map { "\($0.seq) \($0.kind)" } == ["1 progress"])

        practice.usage.reset()
        store.reset()
        let status = try await practice.progress(clientID: "c-017")
        #expect(status.first?.scoreTitles.names.first == "planned")
        #expect(practice.usage.snapshot.isEmpty)
        #expect(store.calls == ["progressRead": 1])
    }

    /// One client's status reads the store once however many assignments it
    /// has (issue 19): the client, its assignments, entries, engine states and
    /// open flags in one read. Before: 2 + 3 per assignment (entries, engine
    /// state, open flags), 11 for these three; then one per kind, 5.
    @Test func statusReadsTheStoreOnceHoweverManyAssignments() async throws {
        let (fixture, phq9) = try await RiskFlagTests.weeklyPHQ9()
        for type in ["org.carryover.mood-log", "org.carryover.gratitude"] {
            _ = try await fixture.practice.assign(
                AssignmentRequest(clientID: "c-017", homeworkType: type, schedule: "daily at 21:00")
            )
        }
        _ = try await fixture.at(instant("2026-11-30T17:00:00Z"))
            .log(assignmentID: phq9.id, fields: RiskFlagTests.phq9(item9: 2))
        let (practice, store) = try Self.counted(fixture, at: instant("2026-12-01T08:00:00Z"))
        let status = try await practice.progress(clientID: "c-017")
        #expect(status.count == 3)
        // Each assignment got its own entries, state and open flags.
        let risky = try #require(status.first { $0.assignment.id == phq9.id })
        #expect(risky.entries.count == 1)
        #expect(risky.openFlags.map(\.code) == ["phq9-item9"])
        #expect(status.filter { $0.assignment.id != phq9.id }.allSatisfy { $0.entries.isEmpty })
        #expect(status.filter { $0.assignment.id != phq9.id }.allSatisfy { $0.openFlags.isEmpty })
        #expect(store.calls == ["progressRead": 1])
    }

    /// A long-lived practice (a server) sees a pack installed after it
    /// opened, verifies it once, and stops offering it once removed.
    @Test func aLongLivedPracticeSeesPacksComeAndGo() async throws {
        let fixture = try PracticeFixture(now: instant("2026-11-30T08:00:00Z"))
        let practice = fixture.practice
        try packs.trust(in: practice)
        #expect(throws: PracticeError.self) {
            _ = try practice.declaration(of: ClinicPackFixture.typeID)
        }
        let shelf = PackShelf(root: fixture.folder)
        try shelf.install(from: packs.pack(version: "1.0.0"))
        #expect(try practice.declaration(of: ClinicPackFixture.typeID).version == "1.0.0")
        #expect(try practice.declaration(of: ClinicPackFixture.typeID).version == "1.0.0")
        #expect(practice.usage.snapshot["verify"] == 1)
        try shelf.upgrade(from: packs.pack(version: "1.1.0"))
        #expect(try practice.declaration(of: ClinicPackFixture.typeID).version == "1.1.0")
        #expect(practice.usage.snapshot["verify"] == 2)
        try shelf.remove(id: ClinicPackFixture.packID)
        let gone = #expect(throws: PracticeError.self) {
            _ = try practice.declaration(of: ClinicPackFixture.typeID)
        }
        #expect(gone?.code == .notFound)
    }
}
