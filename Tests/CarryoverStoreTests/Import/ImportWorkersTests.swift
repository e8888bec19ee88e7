import Foundation
import Synchronization
import Testing

@testable import CarryoverStore

/// The pool under the importer: results in line order whoever computed
/// them, a slow worker never holding lines the others could take.
@Suite struct ImportWorkersTests {
    struct Failure: Error, Equatable { let index: Int }

    final class Flag: Sendable {
        let raised = Mutex(false)
    }

    final class Taken: Sendable {
        let byWorker = Mutex<[Int: [Int]]>([:])
        func note(_ worker: Int, _ index: Int) {
            byWorker.withLock { $0[worker, default: []].append(index) }
        }
        var count: Int { byWorker.withLock { $0.values.map(\.count).reduce(0, +) } }
    }

    /// Line 0 stalls its worker (as a plugin at its time budget would)
    /// until every other line is taken: the other worker takes them all
    /// meanwhile, and the results still come back in line order.
    @Test func aStalledWorkerLeavesTheOtherLinesToTheRest() async throws {
        let taken = Taken()
        let workers = ImportWorkers(count: 2, minimumLinesPerWorker: 1)
        let results = try await workers.map(200) { worker, index in
            taken.note(worker, index)
            // Held until the rest are taken (or 20 s: then the check below fails).
            let deadline = Date().addingTimeInterval(20)
            while index == 0, taken.count < 200, Date() < deadline {
                Thread.sleep(forTimeInterval: 0.01)
            }
            return index * 3
        }
        #expect(results == (0..<200).map { $0 * 3 })
        let byWorker = taken.byWorker.withLock { $0 }
        let stalled = try #require(byWorker.first { $0.value.contains(0) }?.key)
        #expect(byWorker[stalled] == [0])
        #expect(byWorker[1 - stalled] == Array(1..<200))
    }

    /// Of two lines that fail, the earlier one's error is thrown (as one
    /// worker going through the lines in order would throw).
    @Test func theEarliestFailureIsThrown() async throws {
        let workers = ImportWorkers(count: 2, minimumLinesPerWorker: 1)
        let laterFailed = Flag()
        let error = await #expect(throws: Failure.self) {
            _ = try await workers.map(100) { _, index in
                // Line 70 fails first; line 30 once it has (or after 20 s).
                if index == 30 {
                    let deadline = Date().addingTimeInterval(20)
                    while !laterFailed.raised.withLock({ $0 }), Date() < deadline {
                        Thread.sleep(forTimeInterval: 0.01)
                    }
                    throw Failure(index: 30)
                }
                if index == 70 {
                    laterFailed.raised.withLock { $0 = true }
                    throw Failure(index: 70)
                }
                return index
            }
        }
        #expect(laterFailed.raised.withLock { $0 })
        #expect(error == Failure(index: 30))
    }

    /// Too few lines for a second worker: everything on worker 0, in order.
    @Test func aSmallChunkRunsOnOneWorker() async throws {
        let taken = Taken()
        let workers = ImportWorkers(count: 4, minimumLinesPerWorker: 64)
        let results = try await workers.map(100) { worker, index in
            taken.note(worker, index)
            return index
        }
        #expect(results == Array(0..<100))
        #expect(taken.byWorker.withLock { $0 } == [0: Array(0..<100)])
    }
}
