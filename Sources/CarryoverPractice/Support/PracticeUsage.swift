import Synchronization

/// How often a practice used its costly parts, by name: `load` (a homework
/// type's plugin loaded), `build` (a Lua state built for it, rebuilds
/// included), `hook.<name>` (a hook called in the sandbox) and `verify` (a
/// pack's signature and checksums checked).
///
/// Tests hold the one-pass path to these counts (one `log`, one `status`),
/// and the benchmark reports them.
package final class PracticeUsage: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    package init() {}

    /// The counts so far.
    package var snapshot: [String: Int] { counts.withLock { $0 } }

    /// Forgets the counts so far.
    package func reset() { counts.withLock { $0 = [:] } }

    func count(_ name: String, _ amount: Int = 1) {
        guard amount != 0 else { return }
        counts.withLock { $0[name, default: 0] += amount }
    }
}
