import CarryoverCore
import Foundation
import Testing

@testable import CarryoverSQLite
@testable import CarryoverStore

/// Group commit (SQLiteStore+GroupCommit): engine writes that wait at the
/// same moment share one transaction, each in its own savepoint.
@Suite struct GroupCommitTests {
    struct Refused: Error {}

    // The first write holds the transaction until the other 39 wait behind
    // it, so they must go together into one more: two transactions, not 40.
    // Every write still sees the ones before it (the counter goes 0...29 with
    // no number twice), a refused body undoes only its own savepoint, and
    // every caller is answered after the commit, with its own result.
    @Test func writesThatWaitTogetherShareOneTransaction() async throws {
        let (stored, assignment) = try await Fixture.seeded(.sqlite)
        let store = try #require(stored as? SQLiteStore)
        let writes = 40
        let outcomes = try await withThrowingTaskGroup(of: (Int, Double?).self) { group in
            for index in 0..<writes {
                group.addTask {
                    do {
                        let (seen, _) = try await store.writeEngine(
                            assignmentID: assignment.id, entryID: nil
                        ) { snapshot in
                            if index == 0 { Self.waitFor(writes - 1, behind: store) }
                            // Every fourth write is refused after it read the state.
                            if index % 4 == 3 { throw Refused() }
                            let count = snapshot.state?["count"]?.number ?? 0
                            return (
                                EngineWrite(
                                    entry: Fixture.entry("e-\(index)", assignment: assignment),
                                    engineState: ["count": .double(count + 1)]),
                                count
                            )
                        }
                        return (index, seen)
                    } catch is Refused {
                        return (index, nil)
                    }
                }
                // The first write takes the store before the others queue.
                if index == 0 { try await Self.waitFor(transactionOf: store) }
            }
            return try await group.reduce(into: [(Int, Double?)]()) { $0.append($1) }
        }
        let refused = outcomes.filter { $0.1 == nil }.map(\.0).sorted()
        #expect(refused == Array(stride(from: 3, to: writes, by: 4)))
        let seen = outcomes.compactMap(\.1).sorted()
        #expect(seen == (0..<30).map(Double.init))
        #expect(try await store.engineState(assignmentID: assignment.id)?["count"]?.number == 30)
        #expect(try await store.entries(EntryQuery()).count == 30)
        #expect(store.groupCommit.committedGroups == 2)
    }

    // A write alone is a group of one: answered after its own commit.
    @Test func aWriteAloneIsItsOwnTransaction() async throws {
        let (stored, assignment) = try await Fixture.seeded(.sqlite)
        let store = try #require(stored as? SQLiteStore)
        for step in 0..<3 {
            _ = try await store.writeEngine(assignmentID: assignment.id, entryID: nil) { _ in
                (EngineWrite(entry: Fixture.entry("e-\(step)", assignment: assignment)), ())
            }
            #expect(try await store.entries(EntryQuery()).count == step + 1)
        }
        #expect(store.groupCommit.committedGroups == 3)
    }

    /// Blocks (on the store's thread) until `count` writes wait, or 30 s passed.
    private static func waitFor(_ count: Int, behind store: SQLiteStore) {
        let deadline = Date().addingTimeInterval(30)
        while store.groupCommit.waiting < count, Date() < deadline { usleep(1000) }
    }

    /// Blocks until the first group was taken from the queue, or 30 s passed.
    private static func waitFor(transactionOf store: SQLiteStore) async throws {
        let deadline = Date().addingTimeInterval(30)
        while store.groupCommit.takenGroups < 1, Date() < deadline {
            try await Task.sleep(for: .milliseconds(1))
        }
    }
}
