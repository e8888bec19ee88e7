import CarryoverCore
import Foundation
import Testing

@testable import CarryoverLua

/// 2023-11-14T22:13:20Z (epoch 1_700_000_000), the fixed instant of these tests.
let testInstant = Date(timeIntervalSince1970: 1_700_000_000)

/// A sandbox with a fixed clock and seed 42, and `source` loaded as "plugin.lua".
func makeSandbox(_ source: String = "", limits: SandboxLimits = .default) throws -> Sandbox {
    let sandbox = try Sandbox(
        plugin: "test.plugin", limits: limits, clock: FixedClock(testInstant), seed: 42)
    if !source.isEmpty { try sandbox.load(source, chunkName: "plugin.lua") }
    return sandbox
}

/// Runs `body` and returns the sandbox error it threw (nil if none or another error).
func sandboxError(_ body: () throws -> Void) -> SandboxError? {
    do {
        try body()
        return nil
    } catch let error as SandboxError {
        return error
    } catch {
        return nil
    }
}

/// Evaluates `expression` in the sandbox through a throwaway function.
func evaluate(_ sandbox: Sandbox, _ expression: String) throws -> Value {
    try sandbox.load("function __probe() return \(expression) end", chunkName: "probe.lua")
    return try sandbox.call("__probe", [])
}

/// Proves the sandbox still works normally after a failure.
func expectStillUsable(_ sandbox: Sandbox, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(throws: Never.self, sourceLocation: sourceLocation) {
        let sum = try evaluate(sandbox, "1 + 2")
        #expect(sum == .int(3), sourceLocation: sourceLocation)
    }
}

/// Calls `name`, expects `code`, checks the run ended within 2 s of CPU time
/// (and 10 s of wall time, for a heavily loaded machine), and returns the
/// run's usage (read before the follow-up call that proves the sandbox still
/// works).
///
/// Unless the test passes limits or expects the time limit, the call gets the
/// sandbox's limits with a 10 s deadline: the budget and the caps, not a
/// loaded machine's clock, must decide.
@discardableResult
func expectLimit(
    _ code: SandboxError.Code, calling name: String, in sandbox: Sandbox,
    limits: SandboxLimits? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) -> ResourceUsage {
    var relaxed = sandbox.limits
    relaxed.wallClock = .seconds(10)
    let limits = limits ?? (code == .timeLimit ? sandbox.limits : relaxed)
    let start = ContinuousClock.now
    let cpuStart = threadCPUTime()
    let error = sandboxError { _ = try sandbox.call(name, [], limits: limits) }
    #expect(error?.code == code, "\(String(describing: error))", sourceLocation: sourceLocation)
    #expect(threadCPUTime() - cpuStart < .seconds(2), sourceLocation: sourceLocation)
    #expect(ContinuousClock.now - start < .seconds(10), sourceLocation: sourceLocation)
    let usage = sandbox.lastUsage
    expectStillUsable(sandbox, sourceLocation: sourceLocation)
    return usage
}

/// CPU time of the calling thread (the sandbox runs on the caller's thread).
func threadCPUTime() -> Duration {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
}

/// Calls `name` with the sandbox's limits and a `deadline`, and checks the
/// run ends within 1.5 times the deadline (wall time, on a loaded machine)
/// with one of `codes`, or normally when `codes` allows `nil`; then that the
/// sandbox still works. Returns the error.
@discardableResult
func expectEndsInTime(
    calling name: String, _ arguments: [Value] = [], in sandbox: Sandbox,
    deadline: Duration = .seconds(1),
    codes: Set<SandboxError.Code?> = [.instructionLimit, .timeLimit],
    sourceLocation: SourceLocation = #_sourceLocation
) -> SandboxError? {
    var limits = sandbox.limits
    limits.wallClock = deadline
    let start = ContinuousClock.now
    var error: SandboxError?
    do {
        _ = try sandbox.call(name, arguments, limits: limits)
    } catch let caught as SandboxError {
        error = caught
    } catch {
        Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
    }
    let elapsed = ContinuousClock.now - start
    #expect(
        codes.contains(error?.code), "\(String(describing: error))", sourceLocation: sourceLocation)
    #expect(
        elapsed < deadline * 1.5, "took \(elapsed) against a deadline of \(deadline)",
        sourceLocation: sourceLocation)
    expectStillUsable(sandbox, sourceLocation: sourceLocation)
    return error
}
