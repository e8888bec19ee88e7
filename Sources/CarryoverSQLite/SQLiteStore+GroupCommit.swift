import CarryoverStore
import Foundation
import GRDB
import Synchronization

/// Writes that wait at the same moment, run in one transaction: group commit.
///
/// With `synchronous = FULL` every commit waits for the disk; a portal under
/// load would wait once per form. Here the writes that queued while one
/// transaction ran go together into the next, each in its own savepoint in
/// the order they came, each seeing the ones before it. A write whose body
/// throws undoes only its own savepoint and gets its own error; the others
/// go on. Every caller is answered only after the transaction committed,
/// with what its body returned, or, when the commit failed, with that
/// failure (then nothing of the group was written). Alone, a write is its
/// own group: one transaction, as before.
final class GroupCommit: Sendable {
    /// One waiting write: its body and how to answer its caller.
    struct Job: Sendable {
        /// Runs the body in a savepoint and keeps its result for `answer`.
        let run: @Sendable (Database) -> Void
        /// Answers the caller: with the body's result, or with the group's failure.
        let answer: @Sendable ((any Error)?) -> Void
    }

    /// At most this many writes share a transaction (a bound on how long the first one waits).
    static let groupLimit = 64

    private let queue = Mutex<(jobs: [Job], draining: Bool, taken: Int)>(([], false, 0))
    private let committed = Mutex(0)

    /// Writes waiting for a transaction.
    var waiting: Int { queue.withLock { $0.jobs.count } }
    /// Groups taken from the queue so far.
    var takenGroups: Int { queue.withLock { $0.taken } }
    /// Groups whose transaction committed so far.
    var committedGroups: Int { committed.withLock { $0 } }

    /// Counts a group whose transaction committed.
    func noteCommitted() { committed.withLock { $0 += 1 } }

    /// Queues `job`; true when the caller must start draining (no one else is).
    func enqueue(_ job: Job) -> Bool {
        queue.withLock { state in
            state.jobs.append(job)
            if state.draining { return false }
            state.draining = true
            return true
        }
    }

    /// The next group, oldest first; nil (and draining over) when none waits.
    func next() -> [Job]? {
        queue.withLock { state in
            guard !state.jobs.isEmpty else {
                state.draining = false
                return nil
            }
            let group = Array(state.jobs.prefix(Self.groupLimit))
            state.jobs.removeFirst(group.count)
            state.taken += 1
            return group
        }
    }
}

extension SQLiteStore {
    /// ``write(_:)`` by group commit (``GroupCommit``): `body` runs in a
    /// savepoint of a transaction it may share with other writes, and this
    /// returns once that transaction committed.
    func groupWrite<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T)
        async throws -> T
    {
        guard access == .readWrite else { return try await write(body) }
        return try await withCheckedThrowingContinuation { continuation in
            let result = GroupResult<T>()
            let path = self.path
            let job = GroupCommit.Job(
                run: { db in
                    result.keep(
                        Result {
                            var value: T?
                            try db.inSavepoint {
                                value = try body(db)
                                return .commit
                            }
                            guard let value else { throw Self.notRun }
                            return value
                        })
                },
                answer: { failure in
                    if let failure { return continuation.resume(throwing: failure) }
                    switch result.kept ?? .failure(Self.notRun) {
                    case .success(let value): continuation.resume(returning: value)
                    case .failure(let error):
                        continuation.resume(throwing: Self.bodyError(error, path: path))
                    }
                })
            if groupCommit.enqueue(job) { Task { await self.drainGroups() } }
        }
    }

    /// Runs the waiting groups one transaction each until none waits.
    private func drainGroups() async {
        while let group = groupCommit.next() {
            do {
                // A retry after busy runs the whole group again: it rolled back.
                try await write { db in
                    for job in group {
                        job.run(db)
                        // A full disk or an I/O error can end the whole transaction:
                        // then nothing of the group stays, and no later write may
                        // run outside it (each would commit on its own).
                        guard db.isInsideTransaction else { throw Self.groupEnded }
                    }
                }
                groupCommit.noteCommitted()
                for job in group { job.answer(nil) }
            } catch {
                for job in group { job.answer(error) }
            }
        }
    }

    private static var groupEnded: StoreError {
        StoreError(
            .io,
            "The practice's write transaction ended early (a full disk or an I/O error); "
                + "nothing was written: check the disk and try again.")
    }

    private static var notRun: StoreError {
        StoreError(.io, "A write did not run (a bug in carryover); nothing was written.")
    }

    /// A body's own failure as `write` would have passed it on.
    private static func bodyError(_ error: any Error, path: String) -> any Error {
        if let body = error as? EngineBodyError { return body.error }
        return SQLiteErrors.map(error, path: path)
    }
}

/// What one write of a group returned, kept until the group committed.
final class GroupResult<T: Sendable>: Sendable {
    private let result = Mutex<Result<T, any Error>?>(nil)

    func keep(_ outcome: Result<T, any Error>) { result.withLock { $0 = outcome } }

    var kept: Result<T, any Error>? { result.withLock { $0 } }
}
