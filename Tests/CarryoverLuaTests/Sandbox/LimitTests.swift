import CarryoverCore
import Foundation
import Testing

@testable import CarryoverLua

/// Attacks on time, memory and output. Each must end with the exact typed
/// error within about two seconds and leave the sandbox usable.
/// Serialized: the wall-clock limits are only meaningful when these heavy
/// tests do not share the two cores with each other.
@Suite(.serialized) struct LimitTests {
    /// Calls `name`, expects `code`, checks the run ended in time, and returns
    /// the run's usage (read before the follow-up call that proves the
    /// sandbox still works).
    @discardableResult
    private func expectLimit(
        _ code: SandboxError.Code, calling name: String, in sandbox: Sandbox,
        limits: SandboxLimits? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> ResourceUsage {
        let start = ContinuousClock.now
        let error = sandboxError { _ = try sandbox.call(name, [], limits: limits) }
        #expect(error?.code == code, "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(ContinuousClock.now - start < .seconds(2), sourceLocation: sourceLocation)
        let usage = sandbox.lastUsage
        expectStillUsable(sandbox, sourceLocation: sourceLocation)
        return usage
    }

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

    @Test func wallClockDeadlineStopsALoop() throws {
        let limits = SandboxLimits(instructions: Int.max / 2, wallClock: .milliseconds(200))
        let sandbox = try makeSandbox("function spin() while true do end end", limits: limits)
        let usage = expectLimit(.timeLimit, calling: "spin", in: sandbox)
        #expect(usage.duration >= .milliseconds(200))
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

    @Test(arguments: [
        "local s = string.rep('x', 2^30)",
        "local s = ('x'):rep(1 << 40, ',')",
        "local s = 'x' while true do s = s .. s end",
        "local t = {} for i = 1, 1e9 do t[i] = i end",
        "local s = ('x'):rep(1000) while true do s = s:gsub('x', 'xx') end",
        "local s = ('x'):rep(2^19) local t = {} for i = 1, 100 do t[i] = s end return table.concat(t)",
        "local s = ('x'):rep(2^19) return string.format('%s%s%s', s, s, s)",
        "local s = ('x'):rep(2^19) return s .. s .. 'x'",
    ])
    func memoryBombsHitTheMemoryLimit(bomb: String) throws {
        let sandbox = try makeSandbox("function bomb() \(bomb) end")
        let usage = expectLimit(.memoryLimit, calling: "bomb", in: sandbox)
        #expect(usage.peakMemoryBytes <= SandboxLimits.default.memoryBytes)
    }

    /// String keys cost more time per byte than array slots: under the
    /// default 1 s and 32 MiB the deadline comes first on this machine, so
    /// the memory cap is tested with 8 MiB.
    @Test func tableGrowthWithStringKeysHitsTheMemoryLimit() throws {
        let sandbox = try makeSandbox(
            "function bomb() local t = {} for i = 1, 1e9 do t['k' .. i] = true end end")
        let usage = expectLimit(
            .memoryLimit, calling: "bomb", in: sandbox, limits: SandboxLimits(memoryBytes: 8 << 20))
        #expect(usage.peakMemoryBytes <= 8 << 20)
    }

    /// C functions do much work per instruction; fuel charges end these long
    /// before the 20 million instruction budget would in plain instructions.
    @Test(arguments: [
        "local s = ('x'):rep(2^20) while true do local t = s:rep(1) end",
        "local s = ('x'):rep(2^20) while true do local n = utf8.len(s) end",
        "local s = ('x'):rep(2^20) while true do local a = s:find('y', 1, true) end",
        "local t = {} for i = 1, 200000 do t[i] = i end while true do table.sort(t) end",
        "while true do table.move({}, 1, 1e12, 1, {}) end",
        "return string.find(('a'):rep(10000), '.-.-.-.-b$')",
        "return (('a'):rep(20000)):find('a*b')",
        "local s = (' '):rep(5000) .. 'x' return s:match('^%s*(.-)%s*$')",
        "local src = ('x = 1\\n'):rep(150000) while true do load(src) end",
        "while true do load(function() return ('-- x\\n'):rep(100000) end) end",
        "local n = ('1'):rep(2^20) while true do local v = tonumber(n) end",
    ])
    func cpuAmplificationInCFunctionsHitsTheBudget(attack: String) throws {
        let sandbox = try makeSandbox("function attack() \(attack) end")
        expectLimit(.instructionLimit, calling: "attack", in: sandbox)
    }

    /// Every string object is capped at maxStringBytes by the allocator,
    /// however it is built; exactly the limit is fine. Lua raises allocation
    /// failures without calling the message handler, so they carry no line.
    @Test func stringsAreCappedWhereverTheyAreBuilt() throws {
        let sandbox = try makeSandbox(
            "local half = ('x'):rep(2^19)\nfunction exact() return #(half .. half) end\nfunction over() return half .. half .. 'x' end"
        )
        #expect(try sandbox.call("exact", []) == 1_048_576)
        let error = sandboxError { _ = try sandbox.call("over", []) }
        #expect(
            error
                == SandboxError(
                    .memoryLimit, plugin: "test.plugin",
                    message: "a string longer than the 1048576-byte limit was refused"))
    }

    /// Fuel charged for C work, worked out by hand for `('x'):rep(2^20)`:
    /// the guard charges 2^20 / 64 = 16,384 units; the allocator charges the
    /// same for the 1 MiB build buffer and again for the 1 MiB + 25 byte
    /// string (integer division by 64), so 3 x 16,384 = 49,152. The few VM
    /// instructions stay below the hook period of 1,000 and are not counted.
    @Test func fuelForCWorkIsCounted() throws {
        let sandbox = try makeSandbox("function build() local s = ('x'):rep(2^20) end")
        _ = try sandbox.call("build", [])
        #expect(sandbox.lastUsage.instructions == 49_152)
        #expect(sandbox.lastUsage.peakMemoryBytes > 2 << 20)
    }

    /// VM instructions are counted per hook period of 1,000: a loop of
    /// 100,000 iterations runs 2 instructions each (FORLOOP plus the ADD)
    /// plus a few around it, so exactly 200 periods have passed.
    @Test func instructionsAreCountedInHookPeriods() throws {
        let sandbox = try makeSandbox(
            "function count() local n = 0 for i = 1, 100000 do n = n + i end return n end")
        _ = try sandbox.call("count", [])
        #expect(sandbox.lastUsage.instructions == 200_000)
    }

    @Test func ordinaryPatternsOnLongTextStayCheap() throws {
        let sandbox = try makeSandbox(
            """
            function trim(s) return (s:match('^%s*(.-)%s*$')) end
            function words(s) local n = 0 for _ in s:gmatch('%a+') do n = n + 1 end return n end
            """)
        let text = "  " + String(repeating: "good day ", count: 10_000) + "  "
        #expect(
            try sandbox.call("trim", [.string(text)])
                == .string(String(text.dropFirst(2).dropLast(3))))
        #expect(try sandbox.call("words", [.string(text)]) == 20_000)
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

    @Test func argumentsLargerThanTheMemoryCapFailCleanly() throws {
        let sandbox = try makeSandbox("function size(s) return #s end")
        let big = Value.string(String(repeating: "x", count: 1_000_000))
        let error = sandboxError {
            _ = try sandbox.call("size", [big], limits: SandboxLimits(memoryBytes: 500_000))
        }
        #expect(error?.code == .memoryLimit)
        #expect(try sandbox.call("size", [big]) == 1_000_000)
    }
}
