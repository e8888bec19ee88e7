import CarryoverCore
import Foundation

/// Submissions that arrive open-loop: at Poisson arrival times (seeded) at
/// a fixed rate, each sent at its time whether or not earlier ones were
/// answered, the way many clients' phones send independently.
///
/// A closed loop (every client sends its next form when the last one is
/// answered) measures the queue at saturation instead: there p50 is about
/// clients / throughput (Little's law) for any server.
enum OpenLoad {
    /// The arrival times, in seconds from the start, of `count` submissions
    /// at `rate` per second: exponential gaps drawn from `seed`.
    static func arrivals(count: Int, rate: Double, seed: UInt64) -> [Double] {
        var random = SeededRandom(seed: seed)
        var time = 0.0
        return (0..<count).map { _ in
            // 1 - u is in (0, 1], so the logarithm is finite.
            time += -Foundation.log(1 - random.nextUnitDouble()) / rate
            return time
        }
    }

    /// `jobs` in a seeded order, so clients take turns at random.
    static func shuffled<Job>(_ jobs: [Job], seed: UInt64) -> [Job] {
        var random = SeededRandom(seed: seed)
        return jobs.shuffled(using: &random)
    }

    /// Sends job `i` at arrival `i` (``arrivals(count:rate:seed:)``) and
    /// times each from its scheduled arrival to its answer, so a late send
    /// (the load generator shares the cores) counts against the server, not for it.
    static func measure<Job: Sendable>(
        _ jobs: [Job], rate: Double, seed: UInt64,
        _ send: @escaping @Sendable (Job) async throws -> Void
    ) async throws -> LoadTimes {
        let clock = ContinuousClock()
        let times = arrivals(count: jobs.count, rate: rate, seed: seed)
        let start = clock.now
        let latencies = try await withThrowingTaskGroup(of: Double.self) { group in
            for (job, offset) in zip(jobs, times) {
                let scheduled = start + .microseconds(Int64(offset * 1e6))
                try await clock.sleep(until: scheduled)
                group.addTask {
                    try await send(job)
                    return LoadTimes.milliseconds(clock.now - scheduled)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let seconds = LoadTimes.milliseconds(clock.now - start) / 1000
        return LoadTimes(latencies: latencies, throughput: Double(latencies.count) / seconds)
    }
}
