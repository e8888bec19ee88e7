import CarryoverCore
import Testing

@testable import CarryoverLua

/// Attacks that try to reach the host (files, OS, modules, bytecode, the real
/// globals) or to change what other code relies on (shared metatables and
/// library tables). Each ends with a normal call to prove the sandbox is fine.
@Suite struct EscapeTests {
    @Test(arguments: ["io", "os", "package", "require", "debug", "dofile", "loadfile", "warn"])
    func hostLibrariesAreAbsent(name: String) throws {
        let sandbox = try makeSandbox()
        #expect(try evaluate(sandbox, "type(\(name))") == "nil")
        #expect(try evaluate(sandbox, "type(load('return \(name)')())") == "nil")
        let error = sandboxError { _ = try evaluate(sandbox, "\(name).x") }
        #expect(error?.code == .runtime)
        #expect(error?.message == "attempt to index a nil value (global '\(name)')")
        expectStillUsable(sandbox)
    }

    @Test func stringDumpIsAbsent() throws {
        let sandbox = try makeSandbox()
        #expect(try evaluate(sandbox, "string.dump == nil and ('').dump == nil") == true)
    }

    /// Any chunk starting with ESC "Lua" is binary; the check happens before
    /// the rest is read, so a truncated header is enough to prove the refusal.
    @Test func loadRefusesBytecodeInsideThePlugin() throws {
        let sandbox = try makeSandbox()
        let answer = try evaluate(
            sandbox, #"select(2, load("\27LuaT\0\25\147\13\10\26\10", "bin", "b"))"#)
        #expect(answer == "attempt to load a binary chunk (mode is 't')")
        expectStillUsable(sandbox)
    }

    @Test func hostLoadRefusesBytecode() throws {
        let sandbox = try makeSandbox()
        let error = sandboxError { try sandbox.load("\u{1B}LuaT\0", chunkName: "bin.lua") }
        #expect(error?.code == .syntax)
        #expect(error?.message.contains("attempt to load a binary chunk") == true)
        expectStillUsable(sandbox)
    }

    @Test func loadDefaultsToTheSandboxEnvironment() throws {
        let sandbox = try makeSandbox("marker = 'sandbox'")
        #expect(try evaluate(sandbox, "load('return _G')() == _G") == true)
        #expect(try evaluate(sandbox, "load('return marker')()") == "sandbox")
        #expect(try evaluate(sandbox, "load('return _G.dofile, _G.require')()") == .null)
        // A global set through load lands in the sandbox environment.
        #expect(
            try evaluate(
                sandbox, "(function() load('escaped = 42')() return rawget(_G, 'escaped') end)()")
                == 42)
        // An explicit environment is honoured.
        #expect(try evaluate(sandbox, "load('return x', 'c', 't', { x = 5 })()") == 5)
    }

    @Test func theStringMetatableIsADecoy() throws {
        let sandbox = try makeSandbox()
        #expect(try evaluate(sandbox, "getmetatable('').__index == string") == true)
        let error = sandboxError {
            _ = try evaluate(sandbox, "(function() getmetatable('').__index = {} end)()")
        }
        #expect(error?.code == .forbidden)
        #expect(error?.file == "probe.lua")
        let rawError = sandboxError {
            _ = try evaluate(sandbox, "rawset(getmetatable(''), '__index', {})")
        }
        #expect(rawError?.code == .forbidden)
        #expect(try evaluate(sandbox, "('abc'):upper()") == "ABC")
        expectStillUsable(sandbox)
    }

    @Test(arguments: [
        "string.len = function() return 0 end",
        "table.insert = print",
        "math.pi = 3",
        "string.brand_new = 1",
        "clock.now = function() return 0 end",
        "coroutine.wrap = nil",
    ])
    func libraryTablesAreFrozen(assignment: String) throws {
        let sandbox = try makeSandbox("function poison() \(assignment) end")
        let error = sandboxError { _ = try sandbox.call("poison", []) }
        #expect(error?.code == .forbidden)
        #expect(error?.line == 1)
        #expect(try evaluate(sandbox, "('abc'):len() + #'de'") == 5)
        #expect(try evaluate(sandbox, "math.pi") == .double(3.141592653589793))
        #expect(try evaluate(sandbox, "clock.now()") == 1_700_000_000)
        expectStillUsable(sandbox)
    }

    @Test func rawsetCannotWriteFrozenTables() throws {
        let sandbox = try makeSandbox("function poison() rawset(string, 'len', nil) end")
        #expect(sandboxError { _ = try sandbox.call("poison", []) }?.code == .forbidden)
        #expect(try evaluate(sandbox, "string.len('abc')") == 3)
    }

    @Test func frozenMetatablesCannotBeReplaced() throws {
        let sandbox = try makeSandbox()
        #expect(try evaluate(sandbox, "getmetatable(string)") == "read-only")
        let error = sandboxError { _ = try evaluate(sandbox, "setmetatable(string, {})") }
        #expect(error?.code == .runtime)
        #expect(error?.message == "cannot change a protected metatable")
    }

    @Test func gcMetamethodsAreRefused() throws {
        let sandbox = try makeSandbox()
        let error = sandboxError {
            _ = try evaluate(
                sandbox, "setmetatable({}, { __gc = function() while true do end end })")
        }
        #expect(error?.code == .forbidden)
        #expect(error?.message == "__gc metamethods are not allowed")
        expectStillUsable(sandbox)
    }

    @Test(arguments: ["collect", "stop", "generational", "incremental", "step", "restart"])
    func collectgarbageOnlyCounts(option: String) throws {
        let sandbox = try makeSandbox(
            "function abuse() while true do collectgarbage('\(option)') end end")
        let error = sandboxError { _ = try sandbox.call("abuse", []) }
        #expect(error?.code == .forbidden)
        #expect(error?.message == "collectgarbage(\"\(option)\") is not allowed")
        #expect(try evaluate(sandbox, "collectgarbage('count') > 0") == true)
        #expect(sandboxError { _ = try evaluate(sandbox, "collectgarbage()") }?.code == .forbidden)
        expectStillUsable(sandbox)
    }
}
