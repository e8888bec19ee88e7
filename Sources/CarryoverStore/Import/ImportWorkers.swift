import Synchronization

/// Runs the per-line work of an import on a few workers at once, each with
/// its own state (a homework type's Lua state is never shared), and gives
/// the results back in line order so the importer commits as it always did.
///
/// Lines are claimed one at a time, so a worker held up by a slow plugin
/// call (bounded by its budget) does not hold up the lines the others take.
struct ImportWorkers {
    /// How many workers may run at once (1: everything on the caller's task).
    let count: Int
    /// Fewer lines than this per worker are not worth another worker (each
    /// loads its own copy of the plugin), so a small file runs on one.
    let minimumLinesPerWorker: Int

    /// `body(worker, index)` for every index below `lines`, on up to `count`
    /// workers; the results in index order. `worker` is the same number for
    /// the same worker throughout, and no two calls with one number overlap.
    ///
    /// - Throws: the error of the lowest index that threw; the other
    ///   workers stop taking lines once one has thrown (or the task is
    ///   cancelled: `CancellationError`).
    func map<T: Sendable>(
        _ lines: Int, _ body: @escaping (_ worker: Int, _ index: Int) throws -> T
    ) async throws -> [T] {
        let active = min(count, lines / max(1, minimumLinesPerWorker))
        guard active > 1 else {
            return try (0..<lines).map {
                try Task.checkCancellation()
                return try body(0, $0)
            }
        }
        let shared = Unchecked(body)
        let claims = Claims()
        let parts = try await withThrowingTaskGroup(of: Part<T>.self) { group in
            for worker in 0..<active {
                group.addTask {
                    var part = Part<T>()
                    while true {
                        let index = claims.next.withLock { next in
                            defer { next += 1 }
                            return next
                        }
                        guard index < lines else { return part }
                        do {
                            try Task.checkCancellation()
                            part.results.append((index, try shared.value(worker, index)))
                        } catch {
                            // Everyone stops taking lines; ours ends here.
                            claims.next.withLock { $0 = lines }
                            part.failure = (index, error)
                            return part
                        }
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        if let failure = parts.compactMap(\.failure).min(by: { $0.index < $1.index }) {
            throw failure.error
        }
        var ordered = [T?](repeating: nil, count: lines)
        for part in parts {
            for (index, result) in part.results { ordered[index] = result }
        }
        return ordered.map { $0! }
    }

    /// The next line to take, shared by the workers.
    private final class Claims: Sendable {
        let next = Mutex(0)
    }

    /// What one worker did.
    private struct Part<T: Sendable>: Sendable {
        var results: [(Int, T)] = []
        var failure: (index: Int, error: any Error)?
    }

    /// The per-line closure, shared by the workers: each calls it only with
    /// its own worker number, whose state no other worker touches.
    private struct Unchecked<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
