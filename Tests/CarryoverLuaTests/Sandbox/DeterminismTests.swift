import CarryoverCore
import Foundation
import Testing

@testable import CarryoverLua

/// Plugins see only the injected clock and a random source seeded by the host.
@Suite struct DeterminismTests {
    private let draws =
        "{ math.random(1, 100), math.random(1, 100), math.random(1, 100), math.random(1, 100), math.random(1, 100) }"

    /// Reference values from the stock interpreter on this machine:
    /// `lua5.4 -e 'math.randomseed(42) print(math.random(1,100), ...)'`
    /// printed 50 76 86 54 64.
    @Test func randomIsSeededByTheHost() throws {
        #expect(try evaluate(makeSandbox(), draws) == [50, 76, 86, 54, 64])
    }

    @Test func sameSeedSameSequenceOtherSeedOtherSequence() throws {
        let first = try Sandbox(plugin: "p", clock: FixedClock(testInstant), seed: 7)
        let second = try Sandbox(plugin: "p", clock: FixedClock(testInstant), seed: 7)
        let other = try Sandbox(plugin: "p", clock: FixedClock(testInstant), seed: 8)
        let sequence = try evaluate(first, draws)
        #expect(try evaluate(second, draws) == sequence)
        #expect(try evaluate(other, draws) != sequence)
    }

    /// Seeds above Int64.max reach Lua as the same 64 bits: UInt64.max is -1,
    /// and `lua5.4 -e 'math.randomseed(-1) print(math.random(1,1000000))'`
    /// printed 197426.
    @Test func fullWidthSeedsAreUsedBitForBit() throws {
        let sandbox = try Sandbox(plugin: "p", clock: FixedClock(testInstant), seed: .max)
        #expect(try evaluate(sandbox, "math.random(1, 1000000)") == 197_426)
    }

    @Test func pluginsCannotReseed() throws {
        let sandbox = try makeSandbox()
        #expect(try evaluate(sandbox, "math.randomseed") == .null)
    }

    @Test func osIsAbsentAndTheClockIsTheInjectedOne() throws {
        let sandbox = try makeSandbox()
        #expect(try evaluate(sandbox, "os") == .null)
        #expect(try evaluate(sandbox, "clock.now()") == 1_700_000_000)
        // `date -u -d @1700000000` prints Tue Nov 14 22:13:20 UTC 2023.
        #expect(try evaluate(sandbox, "clock.today()") == "2023-11-14")
    }

    /// The clock is read once per run: a plugin sees one instant per call,
    /// and the next call sees where the injected clock is then.
    @Test func theClockFollowsTheInjectedClockBetweenCalls() throws {
        let clock = SettableClock(seconds: 86_399.5)
        let sandbox = try Sandbox(plugin: "p", clock: clock, seed: 1)
        try sandbox.load(
            "function stamp() return { clock.now(), clock.now(), clock.today() } end",
            chunkName: "p.lua")
        // 86,399.5 s after the epoch is 23:59:59.5 on 1970-01-01; now() floors.
        #expect(try sandbox.call("stamp", []) == [86_399, 86_399, "1970-01-01"])
        clock.seconds = 86_400
        #expect(try sandbox.call("stamp", []) == [86_400, 86_400, "1970-01-02"])
        // Before the epoch: -0.5 s is 1969-12-31T23:59:59.5, floored to -1.
        clock.seconds = -0.5
        #expect(try sandbox.call("stamp", []) == [-1, -1, "1969-12-31"])
    }

    /// Errors inside objects are reported for the smallest key first, whatever
    /// order `pairs` would visit the keys in.
    @Test func conversionErrorsFollowKeyOrder() throws {
        let sandbox = try makeSandbox(
            "function bad() local t = {} for i = 50, 1, -1 do t['k' .. string.format('%02d', i)] = print end return t end"
        )
        for _ in 0..<5 {
            let error = sandboxError { _ = try sandbox.call("bad", []) }
            #expect(error?.message == "result.k01 is a function, which cannot be converted")
        }
    }
}

/// A clock the test moves by hand.
private final class SettableClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var value: TimeInterval

    init(seconds: TimeInterval) { value = seconds }

    var seconds: TimeInterval {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }

    func now() -> Date { Date(timeIntervalSince1970: seconds) }
}
