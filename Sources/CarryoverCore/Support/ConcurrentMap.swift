import Foundation

extension Array where Element: Sendable {
    /// `transform` applied to every element, in order, with the work split
    /// into one contiguous share per core.
    ///
    /// For many independent, CPU-bound steps (decoding thousands of stored
    /// documents for a caseload), which one thread would leave the other
    /// cores idle for. Below `minimumShare` elements per core it runs on the
    /// calling thread: splitting costs more than it saves. The first error
    /// thrown, in element order, is rethrown once every share has finished.
    public func concurrentMap<T: Sendable>(
        minimumShare: Int = 64, _ transform: @Sendable (Element) throws -> T
    ) throws -> [T] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let shares = Swift.min(cores, count / Swift.max(1, minimumShare))
        guard shares > 1 else { return try map(transform) }
        let results = ShareResults<T>(count: shares)
        let size = (count + shares - 1) / shares
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            let range = (share * size)..<Swift.min(count, (share + 1) * size)
            results.set(share, Result { try self[range].map(transform) })
        }
        return try results.joined()
    }
}

/// Each share's outcome, written by exactly one worker at its own index.
private final class ShareResults<T>: @unchecked Sendable {
    private var shares: [Result<[T], any Error>?]
    private let lock = NSLock()

    init(count: Int) { shares = Array(repeating: nil, count: count) }

    func set(_ share: Int, _ result: Result<[T], any Error>) {
        lock.withLock { shares[share] = result }
    }

    /// The shares in order, or the first share's error.
    func joined() throws -> [T] {
        try lock.withLock { shares }.flatMap { try $0!.get() }
    }
}
