import CarryoverCore
import Testing

@testable import CarryoverLua

/// No plugin state carries one client's data into another client's call:
/// a new scope rebuilds the state; sealing makes the globals read-only.
@Suite struct IsolationTests {
    private let stash = """
        local last
        function remember(x) local previous = last last = x return previous end
        """

    @Test func upvaluesDoNotCrossClientScopes() throws {
        let sandbox = try makeSandbox(stash)
        #expect(
            try sandbox.call("remember", ["alice: panic at work"], scope: "client-alice") == .null)
        // Same client: the plugin may keep its own state.
        #expect(
            try sandbox.call("remember", ["alice: slept badly"], scope: "client-alice")
                == "alice: panic at work")
        // Another client: a fresh state, nothing of Alice's is left.
        #expect(try sandbox.call("remember", ["bob: calm"], scope: "client-bob") == .null)
        #expect(try sandbox.call("remember", ["alice again"], scope: "client-alice") == .null)
    }

    @Test func globalsDoNotCrossClientScopesEvenUnsealed() throws {
        let sandbox = try makeSandbox("function keep(x) local old = kept kept = x return old end")
        #expect(try sandbox.call("keep", ["alice"], scope: "a") == .null)
        #expect(try sandbox.call("keep", ["bob"], scope: "b") == .null)
    }

    @Test func rebuildKeepsEveryLoadedChunkAndTheSeal() throws {
        let sandbox = try makeSandbox("base = 10")
        try sandbox.load(
            "function plus(x) return base + x end\nfunction write() base = 0 end",
            chunkName: "more.lua")
        try sandbox.seal()
        #expect(try sandbox.call("plus", [1], scope: "a") == 11)
        #expect(try sandbox.call("plus", [2], scope: "b") == 12)
        #expect(sandboxError { _ = try sandbox.call("write", [], scope: "c") }?.code == .forbidden)
    }

    @Test func sealedGlobalsCannotBeWritten() throws {
        let sandbox = try makeSandbox(
            """
            cache = { items = {} }
            function stash(x) saved = x end
            function overwrite() cache = nil end
            function push(x) cache.items[#cache.items + 1] = x end
            function viaRawset(x) rawset(cache, 'x', x) end
            function viaTableInsert(x) table.insert(cache.items, x) end
            """)
        try sandbox.seal()
        for name in ["stash", "overwrite", "push", "viaRawset", "viaTableInsert"] {
            let error = sandboxError { _ = try sandbox.call(name, ["alice"]) }
            #expect(error?.code == .forbidden, "\(name)")
        }
        #expect(
            sandboxError { _ = try sandbox.call("stash", ["alice"]) }?.message
                == "the global table is read-only (cannot set 'saved')")
        #expect(try evaluateSealed(sandbox, "cache") == ["items": []])
    }

    /// Sealed tables still read like ordinary ones.
    @Test func sealedTablesStillRead() throws {
        let sandbox = try makeSandbox(
            """
            config = { threshold = 5, steps = { 'look', 'touch', 'hold' } }
            Counter = {}
            Counter.__index = Counter
            function Counter.new() return setmetatable({ n = 0 }, Counter) end
            function Counter:inc() self.n = self.n + 1 return self.n end
            function read()
              local names = {}
              for i, step in ipairs(config.steps) do names[i] = step end
              local keys = 0
              for _ in pairs(config) do keys = keys + 1 end
              local c = Counter.new() c:inc()
              return { count = #config.steps, keys = keys, joined = table.concat(names, '+'),
                       threshold = config.threshold, counter = c:inc(),
                       first = next(config.steps), raw = rawget(config, 'threshold'), len = rawlen(config.steps) }
            end
            function config_table() return config end
            """)
        try sandbox.seal()
        #expect(
            try sandbox.call("read", []) == [
                "count": 3, "keys": 2, "joined": "look+touch+hold", "threshold": 5, "counter": 2,
                "first": 1, "raw": 5, "len": 3,
            ])
        #expect(
            try sandbox.call("config_table", []) == [
                "threshold": 5, "steps": ["look", "touch", "hold"],
            ])
    }

    private func evaluateSealed(_ sandbox: Sandbox, _ expression: String) throws -> Value {
        // Sealed: the probe function must exist before sealing, so use load's result.
        try sandbox.load("return \(expression)", chunkName: "probe.lua")
    }
}
