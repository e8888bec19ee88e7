import Foundation
import Synchronization
import Testing

@testable import carryover_bench

@Suite struct OpenLoadTests {
    // Poisson arrivals have exponential gaps: mean 1/rate, and (memoryless)
    // P(gap > 1/rate) = e^-1 = 0.3679. With 20,000 gaps the standard error
    // of the mean is 0.7% of it and of the share 0.0034; the bounds are over
    // four of those (and the seed makes the draw the same every run).
    @Test func arrivalsAreAPoissonStreamAtTheRate() {
        let rate = 250.0
        let times = OpenLoad.arrivals(count: 20_000, rate: rate, seed: 7)
        let gaps = zip(times, [0] + times.dropLast()).map { $0 - $1 }
        #expect(gaps.allSatisfy { $0 >= 0 })
        let mean = gaps.reduce(0, +) / Double(gaps.count)
        #expect(abs(mean * rate - 1) < 0.03)
        let longer = Double(gaps.filter { $0 > 1 / rate }.count) / Double(gaps.count)
        #expect(abs(longer - exp(-1)) < 0.015)
    }

    @Test func theSameSeedGivesTheSameArrivalsAndOrder() {
        #expect(
            OpenLoad.arrivals(count: 50, rate: 10, seed: 3)
                == OpenLoad.arrivals(count: 50, rate: 10, seed: 3))
        #expect(
            OpenLoad.arrivals(count: 50, rate: 10, seed: 3)
                != OpenLoad.arrivals(count: 50, rate: 10, seed: 4))
        #expect(
            OpenLoad.shuffled(Array(0..<50), seed: 3) == OpenLoad.shuffled(Array(0..<50), seed: 3))
        #expect(OpenLoad.shuffled(Array(0..<50), seed: 3).sorted() == Array(0..<50))
    }

    // Open-loop: a job is sent at its time even while earlier ones wait for
    // their answer, so slow answers overlap (a closed loop would have one at a time).
    @Test func sendsDoNotWaitForEarlierAnswers() async throws {
        let flight = InFlight()
        let times = try await OpenLoad.measure(Array(0..<8), rate: 10_000, seed: 1) { _ in
            flight.count.withLock {
                $0.now += 1
                $0.most = max($0.most, $0.now)
            }
            try await Task.sleep(for: .milliseconds(200))
            flight.count.withLock { $0.now -= 1 }
        }
        #expect(times.latencies.count == 8)
        #expect(times.latencies.allSatisfy { $0 >= 200 })
        #expect(flight.count.withLock { $0.most } > 1)
    }

    /// How many sends are under way, and the most at once.
    final class InFlight: Sendable {
        let count = Mutex((now: 0, most: 0))
    }
}
