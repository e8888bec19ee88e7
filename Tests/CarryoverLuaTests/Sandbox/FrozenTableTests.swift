import CarryoverCore
import Testing

@testable import CarryoverLua

/// Issue 14, class 4: a frozen table (a library table, `clock`, the string
/// metatable's decoy, the sealed globals) gives no way to its backing store.
/// Whatever pairs, next, ipairs, rawget or the metatables hand out, no table
/// among it accepts a write, and nothing the plugin relies on changes.
@Suite struct FrozenTableTests {
    static let routes = [
        "pairs(string)", "next(string)", "ipairs(string)", "rawget(string, 'upper')",
        "getmetatable(string)", "getmetatable('')", "getmetatable('').__index",
        "pairs(getmetatable(''))", "pcall(pairs, string)", "coroutine.wrap(pairs)(string)",
        "select(2, pairs(math))", "pairs(clock)", "pairs(_G)", "next(_G)", "ipairs(_G)",
        "rawget(_G, 'string')", "pairs(plugin_table)", "next(plugin_table, 'x')",
        "pairs(table)", "pairs(coroutine)", "pairs(utf8)",
    ]

    /// Calls every function a route hands out with each table it hands out,
    /// and tries to write every table that appears; counts the writes that
    /// went through.
    @Test(arguments: routes)
    func noRouteHandsOutAWritableTable(route: String) throws {
        let sandbox = try makeSandbox(
            """
            plugin_table = { x = 1, y = { 2 } }
            local function writes(t)
              local n = 0
              if pcall(function() t.__probe = true end) then n = n + 1 end
              if pcall(rawset, t, '__probe', true) then n = n + 1 end
              if pcall(table.insert, t, true) then n = n + 1 end
              return n
            end
            function attack()
              local found = table.pack(\(route))
              local n = 0
              for i = 1, found.n do
                local v = found[i]
                if type(v) == 'table' then n = n + writes(v) end
                if type(v) == 'function' then
                  for j = 1, found.n do
                    local results = table.pack(pcall(v, found[j]))
                    for k = 2, results.n do
                      if type(results[k]) == 'table' then n = n + writes(results[k]) end
                    end
                  end
                end
              end
              return n
            end
            function intact()
              return ('abc'):upper() .. string.upper('d') == 'ABCD' and rawget(_G, '__probe') == nil
                and string.__probe == nil and plugin_table.x == 1 and #plugin_table.y == 1
            end
            """)
        try sandbox.seal()
        #expect(try sandbox.call("attack", []) == 0)
        #expect(try sandbox.call("intact", []) == true)
    }

    /// The attack the catalogue found: through the hidden globals, validate
    /// replaced the hook dispatcher, and score then reported an undeclared
    /// score. The write is refused and score stays the plugin's.
    @Test func aHookCannotReplaceTheDispatcher() throws {
        let type = try numberType(
            hooks: """
                validate = function(entry)
                  local _, globals = pairs(_G)
                  globals.carryover_hook = function() return { evil = 1e300 } end
                  return {}
                end,
                score = function(entry) return { n = entry.n } end,
                """)
        let entry = Value.object(["n": 3])
        let error = sandboxError {
            _ = try type.validate(entry: entry, params: .object([:]), scope: "c-1")
        }
        #expect(error?.code == .forbidden)
        #expect(try type.score(entry: entry, params: .object([:]), scope: "c-1") == ["n": 3])
    }

    /// A score table whose `__pairs` hides a key from the DSL's check: the
    /// host reads tables raw, so the check must read them raw too.
    @Test func scoresCannotHideUndeclaredNames() throws {
        let type = try numberType(
            hooks: """
                score = function(entry)
                  return setmetatable({ n = entry.n, evil = 1e300 }, {
                    __pairs = function(t) return function(_, k) if k == nil then return "n", t.n end end, t, nil end,
                  })
                end,
                """)
        let error = sandboxError {
            _ = try type.score(entry: .object(["n": 3]), params: .object([:]), scope: "c-1")
        }
        #expect(error?.code == .runtime)
        #expect(error?.message.contains("'evil' is not a declared score") == true)
    }

    /// A homework type with one number field `n`, one score `n` and `hooks`.
    private func numberType(hooks: String) throws -> HomeworkType {
        try HomeworkType(
            source: """
                homework {
                  id = "org.example.poison", version = "1.0.0", title = "Poison",
                  instructions = "None.", fields = { field.number("n") }, scores = { "n" },
                  \(hooks)
                }
                """, file: "poison.lua", clock: FixedClock(testInstant))
    }
}

extension FrozenTableTests {
    /// The host checks the scores it read against the declaration itself,
    /// whatever the prelude let through.
    @Test func theHostRefusesUndeclaredScores() throws {
        let results = HookResults(plugin: "p.lua")
        #expect(try results.scores(.object(["n": 1]), declared: ["n"]) == ["n": 1])
        let error = sandboxError {
            _ = try results.scores(.object(["n": 1, "evil": .double(1e300)]), declared: ["n"])
        }
        #expect(error?.code == .conversion)
        #expect(error?.message == "score hook: 'evil' is not a declared score")
    }
}
