/// Wall-clock timing of one piece of work.
enum Stopwatch {
    /// Seconds `work` took on the monotonic clock.
    static func seconds(_ work: () async throws -> Void) async rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try await work()
        return (clock.now - start).seconds
    }

    /// Runs the project's and the baseline's measurement in turn, `rounds`
    /// times (A B A B ...), so drift on a shared machine hits both alike.
    static func alternate(
        rounds: Int, project: () async throws -> Double, baseline: () async throws -> Double
    ) async rethrows -> (project: [Double], baseline: [Double]) {
        var a: [Double] = []
        var b: [Double] = []
        for _ in 0..<rounds {
            a.append(try await project())
            b.append(try await baseline())
        }
        return (a, b)
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
