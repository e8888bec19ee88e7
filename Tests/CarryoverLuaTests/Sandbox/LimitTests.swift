import CarryoverCore
import Foundation
import Testing

@testable import CarryoverLua

/// Attacks on time, stack, finalizers and output (memory and C work are in
/// ``LimitTests/Fuel``). Each must end with the exact typed
/// error within about two seconds and leave the sandbox usable.
/// Serialized: the wall-clock limits are only meaningful when these heavy
/// tests do not share the two cores with each other.
@Suite(.serialized) struct LimitTests {
    @Test func infiniteLoopHitsTheInstructionBudget() throws {
        let sandbox = try makeSandbox("function spin()\n  while true do end\nend")
        let usage = expectLimit(.instructionLimit, calling: "spin", in: sandbox)
        #expect(usage.instructions == SandboxLimits.default.instructions)
    }

    @Test func errorNamesTheLineOfTheLoop() throws {
        let sandbox = try makeSandbox(
            "local x = 0\nfunction spin()\n  while true do x = x + 1 end\nend")
        let error = sandboxError { _ = try sandbox.call("spin", []) }
        #expect(
            error
                == SandboxError(
                    .instructionLimit, plugin: "test.plugin", file: "plugin.lua", line: 3,
                    message: "instruction limit of 20000000 exceeded"))
    }

    @Test func pcallCannotSwallowTheBudgetError() throws {
        let sandbox = try makeSandbox(
            """
            function swallow()
              while true do pcall(function() while true do end end) end
            end
            function swallowOnce()
              pcall(function() while true do end end)
              return "escaped"
            end
            """)
        expectLimit(.instructionLimit, calling: "swallow", in: sandbox)
        expectLimit(.instructionLimit, calling: "swallowOnce", in: sandbox)
    }

    @Test func theBudgetFollowsIntoCoroutines() throws {
        let sandbox = try makeSandbox(
            """
            function inside() coroutine.wrap(function() while true do end end)() end
            function resumeForever()
              while true do coroutine.resume(coroutine.create(function() while true do end end)) end
            end
            """)
        expectLimit(.instructionLimit, calling: "inside", in: sandbox)
        expectLimit(.instructionLimit, calling: "resumeForever", in: sandbox)
    }

    /// Found by the sandbox fuzzer: a message handler runs where the error
    /// was raised, and Lua calls no hook while a hook runs. The kill is
    /// raised from the count hook, so a plugin's xpcall handler ran with no
    /// hook at all and `xpcall(spin, spin)` never ended. Once the run is
    /// over the sandbox's xpcall gives the plugin's handler no time.
    @Test(arguments: [
        "xpcall(spin, spin)",
        "xpcall(spin, function(e) return spin() end)",
        "coroutine.wrap(function() xpcall(spin, spin) end)()",
        "xpcall(spin, function() error(setmetatable({}, { __tostring = spin })) end)",
        "xpcall(function() local s = ('x'):rep(2^20) while true do s:rep(1) end end, spin)",
        "pcall(xpcall, {}, spin)",
        "xpcall(spin, xpcall, spin)",
    ])
    func messageHandlersCannotOutliveTheRun(attack: String) throws {
        let sandbox = try makeSandbox(
            "local function spin() while true do end end\nfunction attack() \(attack) end")
        expectEndsInTime(calling: "attack", in: sandbox)
    }

    /// Before the run is over a handler is an ordinary function.
    @Test func messageHandlersStillWork() throws {
        let sandbox = try makeSandbox(
            """
            function handled() return xpcall(function() error('x', 0) end, function(e) return e .. '!' end) end
            function passes() return select('#', xpcall(function(...) return ... end, print, 1, 2)) end
            """)
        #expect(try sandbox.call("handled", []) == false)
        #expect(try evaluate(sandbox, "select(2, handled())") == "x!")
        #expect(try sandbox.call("passes", []) == 3)
        let error = sandboxError { _ = try evaluate(sandbox, "xpcall(print, 42)") }
        #expect(error?.message.contains("bad argument #2 to 'xpcall'") == true)
    }

    @Test func wallClockDeadlineStopsALoop() throws {
        let limits = SandboxLimits(instructions: Int.max / 2, wallClock: .milliseconds(200))
        let sandbox = try makeSandbox("function spin() while true do end end", limits: limits)
        let usage = expectLimit(.timeLimit, calling: "spin", in: sandbox)
        #expect(usage.duration >= .milliseconds(200))
    }

    /// Extreme limits saturate instead of overflowing: no time limit in
    /// practice, or one that has already passed.
    @Test func extremeWallClockLimits() throws {
        let sandbox = try makeSandbox(
            "function one() return 1 end\nfunction spin() while true do end end")
        #expect(SandboxLimits(wallClock: .seconds(Int64.max)).wallClockNanoseconds == .max)
        // 1.5 s = 1,500,000,000 ns.
        #expect(SandboxLimits(wallClock: .milliseconds(1500)).wallClockNanoseconds == 1_500_000_000)
        #expect(
            try sandbox.call("one", [], limits: SandboxLimits(wallClock: .seconds(Int64.max))) == 1)
        let error = sandboxError {
            _ = try sandbox.call(
                "spin", [], limits: SandboxLimits(instructions: .max, wallClock: .seconds(-1)))
        }
        #expect(error?.code == .timeLimit)
    }

    /// A negative size limit allows nothing rather than everything.
    @Test func negativeLimitsAllowNothing() throws {
        let sandbox = try makeSandbox(
            "function grow() local t = {} for i = 1, 1000 do t[i] = {} end end")
        let error = sandboxError {
            _ = try sandbox.call("grow", [], limits: SandboxLimits(memoryBytes: -1))
        }
        #expect(error?.code == .memoryLimit)
        let refused = sandboxError {
            _ = try makeSandbox(limits: SandboxLimits(maxStringBytes: -1))
        }
        #expect(refused?.code == .memoryLimit)
        expectStillUsable(sandbox)
    }

    /// `next` from the start of a sparse million-slot table scans the empty
    /// slots inside one C call and is not charged as fuel; the deadline,
    /// checked every 1,000 instructions, still ends it (measured 1.0 to 1.15 s).
    @Test func unchargedCWorkIsBoundedByTheDeadline() throws {
        let sandbox = try makeSandbox(
            """
            function scan()
              local t = {} for i = 1, 1e6 do t[i] = i end for i = 1, 1e6 - 1 do t[i] = nil end
              while true do local k = next(t) end
            end
            """)
        expectLimit(.timeLimit, calling: "scan", in: sandbox)
    }

    @Test func perCallLimitsOverrideTheDefaults() throws {
        let sandbox = try makeSandbox(
            "function count() local n = 0 for i = 1, 100000 do n = n + i end return n end")
        let error = sandboxError {
            _ = try sandbox.call("count", [], limits: SandboxLimits(instructions: 1_000))
        }
        #expect(error?.code == .instructionLimit)
        // 1 + 2 + ... + 100000 = 100000 * 100001 / 2
        #expect(try sandbox.call("count", []) == .int(5_000_050_000))
    }

    /// Lua's stack grows to a million slots; under the default 32 MiB cap the
    /// memory runs out first, with a larger cap Lua's own overflow check wins.
    @Test func deepLuaRecursionEnds() throws {
        let source =
            "local function f(n) return 1 + f(n + 1) end\nfunction recurse() return f(1) end"
        let sandbox = try makeSandbox(source)
        expectLimit(.memoryLimit, calling: "recurse", in: sandbox)
        expectStackOverflow(try makeSandbox(source, limits: SandboxLimits(memoryBytes: 256 << 20)))
    }

    private func expectStackOverflow(
        _ sandbox: Sandbox, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = sandboxError { _ = try sandbox.call("recurse", []) }
        #expect(error?.code == .runtime, sourceLocation: sourceLocation)
        #expect(error?.message.contains("stack overflow") == true, sourceLocation: sourceLocation)
        expectStillUsable(sandbox, sourceLocation: sourceLocation)
    }

    @Test func cStackRecursionThroughGsubEnds() throws {
        expectStackOverflow(
            try makeSandbox(
                "local function g(s) return (s:gsub('.', g)) end\nfunction recurse() return g('ab') end"
            ))
    }

    @Test func closeHandlersRunUnderTheBudget() throws {
        let sandbox = try makeSandbox(
            """
            local stuck = { __close = function() while true do end end }
            function scoped() do local x <close> = setmetatable({}, stuck) end end
            function failing() local x <close> = setmetatable({}, stuck) error('first') end
            """)
        expectLimit(.instructionLimit, calling: "scoped", in: sandbox)
        expectLimit(.instructionLimit, calling: "failing", in: sandbox)
    }

    @Test func closingTheStateDoesNotRunPendingCloseHandlers() throws {
        let start = ContinuousClock.now
        do {
            let sandbox = try makeSandbox(
                """
                parked = coroutine.create(function()
                  local x <close> = setmetatable({}, { __close = function() while true do end end })
                  coroutine.yield()
                end)
                coroutine.resume(parked)
                """)
            #expect(try evaluate(sandbox, "coroutine.status(parked)") == "suspended")
        }
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test func printFloodingHitsTheOutputLimit() throws {
        let sandbox = try makeSandbox(
            "function flood() while true do print(('x'):rep(1000)) end end")
        expectLimit(.outputLimit, calling: "flood", in: sandbox)
        expectLimit(
            .outputLimit, calling: "flood", in: sandbox, limits: SandboxLimits(outputBytes: 2500))
        #expect(sandbox.output.isEmpty)  // the follow-up call printed nothing
        #expect(
            sandboxError {
                _ = try sandbox.call("flood", [], limits: SandboxLimits(outputBytes: 2500))
            }?.code == .outputLimit)
        // Two whole lines of 1001 bytes, then the first 498 bytes of the third.
        #expect(sandbox.output.utf8.count == 2500)
        #expect(sandbox.output.hasPrefix(String(repeating: "x", count: 1000) + "\n"))
    }

    @Test func errorObjectsWhoseTostringNeverEnds() throws {
        let sandbox = try makeSandbox(
            """
            function hang() error(setmetatable({}, { __tostring = function() while true do end end })) end
            function table_error() error({ code = 7 }) end
            function number_error() error(42) end
            """)
        expectLimit(.instructionLimit, calling: "hang", in: sandbox)
        let tableError = sandboxError { _ = try sandbox.call("table_error", []) }
        #expect(tableError?.code == .runtime)
        #expect(tableError?.message == "(error object is a table value)")
        #expect(tableError?.line == 2)
        #expect(sandboxError { _ = try sandbox.call("number_error", []) }?.message == "42")
    }

    /// The handler's own failure becomes the error (Lua calls the handler
    /// again with it, and that one is text).
    @Test func errorObjectsThatCannotBecomeText() throws {
        let sandbox = try makeSandbox(
            "function bad() error(setmetatable({}, { __tostring = function() return {} end })) end")
        let error = sandboxError { _ = try sandbox.call("bad", []) }
        #expect(error?.code == .runtime)
        #expect(error?.message == "'__tostring' must return a string")
        expectStillUsable(sandbox)
    }

    /// A limit may strike inside the prelude's code (here the read-through of
    /// a sealed table with an inherited __index); the error still names the
    /// plugin's file.
    @Test func limitsInsideHostCodeNameThePluginFile() throws {
        let sandbox = try makeSandbox(
            """
            Base = setmetatable({}, { __index = function() return nil end })
            function spin() while true do local v = Base.anything end end
            """)
        try sandbox.seal()
        let error = sandboxError { _ = try sandbox.call("spin", []) }
        #expect(error?.code == .instructionLimit)
        #expect(error?.file == "plugin.lua")
    }
}
