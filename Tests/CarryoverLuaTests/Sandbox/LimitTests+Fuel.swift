import CarryoverCore
import Foundation
import Testing

@testable import CarryoverLua

extension LimitTests {
    /// Memory bombs and work done inside C functions, where the count hook
    /// never fires: size guards, the allocator's caps and fuel charges.
    /// Nested in ``LimitTests`` so these also run one at a time.
    @Suite struct Fuel {
        static let memoryBombs = [
            "local s = string.rep('x', 2^30)",
            "local s = ('x'):rep(1 << 40, ',')",
            "local s = 'x' while true do s = s .. s end",
            "local t = {} for i = 1, 1e9 do t[i] = i end",
            "local s = ('x'):rep(1000) while true do s = s:gsub('x', 'xx') end",
            "local s = ('x'):rep(2^19) local t = {} for i = 1, 100 do t[i] = s end return table.concat(t)",
            "local s = ('x'):rep(2^19) return string.format('%s%s%s', s, s, s)",
            "local s = ('x'):rep(2^19) return s .. s .. 'x'",
        ]

        @Test(arguments: memoryBombs)
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
                .memoryLimit, calling: "bomb", in: sandbox,
                limits: SandboxLimits(memoryBytes: 8 << 20, wallClock: .seconds(10)))
            #expect(usage.peakMemoryBytes <= 8 << 20)
        }

        /// C functions do much work per instruction; fuel charges end these long
        /// before the 20 million instruction budget would in plain instructions.
        static let amplifications = [
            "local s = ('x'):rep(2^20) while true do local t = s:rep(1) end",
            "local s = ('x'):rep(2^20) while true do local n = utf8.len(s) end",
            "local s = ('x'):rep(2^20) while true do local a = s:find('y', 1, true) end",
            "local t = {} for i = 1, 200000 do t[i] = i end while true do table.sort(t) end",
            "while true do table.move({}, 1, 1e12, 1, {}) end",
            "return string.find(('a'):rep(10000), '.-.-.-.-b$')",
            "return (('a'):rep(20000)):find('a*b')",
            "local s = (' '):rep(20000) .. 'x' return s:match('^(.-)%s*$')",
            "local src = ('x = 1\\n'):rep(150000) while true do load(src) end",
            "while true do load(function() return ('-- x\\n'):rep(100000) end) end",
            "local n = ('1'):rep(2^20) while true do local v = tonumber(n) end",
            "return ('').rep('', 1e15)",
        ]

        @Test(arguments: amplifications)
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
        /// the guard charges 2^20 / 64 = 16,384 units for the bytes and
        /// 2^20 / 2 = 524,288 for the copies (rep loops once per copy); the
        /// allocator charges 16,384 for the 1 MiB build buffer and 16,384 for the
        /// 1 MiB + 25 byte string (integer division by 64); reading the result
        /// (nil, one value) costs 8 (`LuaValueReader.unitsPerNode`). Total
        /// 573,448. The
        /// few VM instructions stay below the hook period of 1,000 and are not
        /// counted.
        @Test func fuelForCWorkIsCounted() throws {
            let sandbox = try makeSandbox("function build() local s = ('x'):rep(2^20) end")
            _ = try sandbox.call("build", [])
            #expect(sandbox.lastUsage.instructions == 573_448)
            #expect(sandbox.lastUsage.peakMemoryBytes > 2 << 20)
        }

        /// VM instructions are counted per hook period of 1,000: a loop of
        /// 100,000 iterations runs 2 instructions each (FORLOOP plus the ADD)
        /// plus a few around it, so exactly 200 periods have passed; reading the
        /// one result value costs 8 more (`LuaValueReader.unitsPerNode`).
        @Test func instructionsAreCountedInHookPeriods() throws {
            let sandbox = try makeSandbox(
                "function count() local n = 0 for i = 1, 100000 do n = n + i end return n end")
            _ = try sandbox.call("count", [])
            #expect(sandbox.lastUsage.instructions == 200_008)
        }

        /// A trim, a gmatch and a tokenizer loop calling find from each position
        /// over 90 KB of words all fit the default budget easily.
        @Test func ordinaryPatternsOnLongTextStayCheap() throws {
            let sandbox = try makeSandbox(
                """
                function trim(s) return (s:match('^%s*(.-)%s*$')) end
                function words(s) local n = 0 for _ in s:gmatch('%a+') do n = n + 1 end return n end
                function tokens(s)
                  local n, pos = 0, 1
                  while true do
                    local first, last = s:find('%a+', pos)
                    if not first then return n end
                    n, pos = n + 1, last + 1
                  end
                end
                """)
            let text = "  " + String(repeating: "good day ", count: 10_000) + "  "
            // The budget decides, not a loaded machine's clock.
            let patient = SandboxLimits(wallClock: .seconds(10))
            #expect(try sandbox.call("tokens", [.string(text)], limits: patient) == 20_000)
            #expect(sandbox.lastUsage.instructions < SandboxLimits.default.instructions / 10)
            #expect(
                try sandbox.call("trim", [.string(text)], limits: patient)
                    == .string(String(text.dropFirst(2).dropLast(3))))
            #expect(try sandbox.call("words", [.string(text)], limits: patient) == 20_000)
        }

        /// A memory refusal the plugin catches is not the call's failure; one it
        /// passes on is.
        @Test func caughtRefusalsDoNotMislabelLaterErrors() throws {
            let sandbox = try makeSandbox(
                """
                local function tooLong() local s = ('x'):rep(2^19) return s .. s .. 'x' end
                function caught() pcall(tooLong) error('own error') end
                function rethrown() local ok, e = pcall(tooLong) error(e) end
                function printCaught() pcall(print, ('x'):rep(100)) error('after print') end
                """)
            let caught = sandboxError { _ = try sandbox.call("caught", []) }
            #expect(caught?.code == .runtime)
            #expect(caught?.message == "own error")
            let rethrown = sandboxError { _ = try sandbox.call("rethrown", []) }
            #expect(rethrown?.code == .memoryLimit)
            #expect(rethrown?.message == "a string longer than the 1048576-byte limit was refused")
            #expect(rethrown?.line == 3)
            let printed = sandboxError {
                _ = try sandbox.call("printCaught", [], limits: SandboxLimits(outputBytes: 10))
            }
            #expect(printed?.code == .runtime)
            #expect(printed?.message == "after print")
        }

        /// With the heap full of live objects, every caught refusal makes Lua
        /// run a full emergency collection inside one instruction (measured
        /// 2.5 s for this attack before refusals were charged). Refusals
        /// charge the heap size as fuel and stop the running thread, also
        /// inside a coroutine.
        @Test(arguments: ["attack()", "coroutine.wrap(attack)()"])
        func emergencyCollectionsAreCharged(start: String) throws {
            let sandbox = try makeSandbox(
                """
                local function attack()
                  local keep, small = {}, function() return { 1 } end
                  pcall(function() for i = 1, 1e9 do keep[i] = { i } end end)
                  while true do pcall(small) end
                end
                function run() \(start) end
                """)
            expectLimit(.instructionLimit, calling: "run", in: sandbox)
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
}
