import CarryoverCore
import Foundation
import Testing

@testable import CarryoverLua

/// Issue 14, class 6: error codes come from the host alone, and nothing a
/// plugin can print or format reveals a host address.
@Suite struct ErrorCodeTests {
    @Test(arguments: [
        #"error("memory-limit: fake", 0)"#,
        #"error("forbidden: fake", 0)"#,
        #"error("forbidden: fake")"#,
        #"error("not enough memory", 0)"#,
        #"error("instruction limit exceeded", 0)"#,
        #"error("time limit exceeded", 0)"#,
        #"error("output limit exceeded", 0)"#,
        // A genuine refusal first, caught; then a forged code.
        #"pcall(function() string.x = 1 end) error("forbidden: fake", 0)"#,
        #"pcall(string.rep, "x", 2^40) error("memory-limit: fake", 0)"#,
        #"pcall(string.rep, "x", 2^40) error("result of 1.099511627776e+12 bytes exceeds the 1048576-byte string limit", 0)"#,
    ])
    func forgedCodesAreRuntimeErrors(body: String) throws {
        let sandbox = try makeSandbox("function forge()\n\(body)\nend")
        let error = sandboxError { _ = try sandbox.call("forge", []) }
        #expect(error?.code == .runtime, "\(String(describing: error))")
        expectStillUsable(sandbox)
    }

    /// Passing on the host's own error is not forging: it keeps its code.
    /// (Lua's memory error is one interned string, "not enough memory": after
    /// a refusal in the same run, raising that text is the same value as
    /// passing the refusal on, and counts as such.)
    @Test func rethrownHostErrorsKeepTheirCode() throws {
        let sandbox = try makeSandbox(
            """
            function frozen() local ok, e = pcall(function() string.x = 1 end) error(e, 0) end
            function huge() local ok, e = pcall(string.rep, "x", 2^40) error(e, 0) end
            """)
        #expect(sandboxError { _ = try sandbox.call("frozen", []) }?.code == .forbidden)
        #expect(sandboxError { _ = try sandbox.call("huge", []) }?.code == .memoryLimit)
    }

    @Test(arguments: [
        "tostring(print)", "tostring({})", "tostring(string.upper)", "tostring(function() end)",
        "tostring(coroutine.create(print))", "tostring(coroutine.running())",
        "tostring(setmetatable({}, { __name = 'Thing' }))", "tostring(string)", "tostring(_G)",
        "string.format('%s', {})", "string.format('%s %s', print, {})",
        "string.format('%20s', {})", "('%s'):format(coroutine.running())",
        "select(2, pcall(string.format, '%p', print))",
        "select(2, pcall(string.format, '%10p', {}))",
        "select(2, pcall(error, {}))",
        "(function() local t = {} for i = 1, 3 do t[i] = tostring({}) end return table.concat(t, ' ') end)()",
    ])
    func noHostAddresses(expression: String) throws {
        let sandbox = try makeSandbox()
        let shown = try evaluate(sandbox, expression).string ?? ""
        #expect(!Self.looksLikeAnAddress(shown), "\(expression) shows \(shown)")
    }

    @Test func printShowsNoAddresses() throws {
        let sandbox = try makeSandbox(
            "function show() print({}, print, coroutine.running(), string) end")
        _ = try sandbox.call("show", [])
        #expect(!sandbox.output.isEmpty)
        #expect(!Self.looksLikeAnAddress(sandbox.output), "\(sandbox.output)")
    }

    /// A `__name` that is not a string is ignored, as Lua ignores it, and
    /// leaves nothing behind on the stack (print's buffer and format's
    /// arguments depend on that).
    @Test func namesThatAreNotStrings() throws {
        let sandbox = try makeSandbox(
            """
            local odd = setmetatable({}, { __name = {} })
            function show() print(odd, 'after') return string.format('%s|%s', odd, 'x') .. '|' .. tostring(odd) end
            function long() print(odd, odd, ('x'):rep(3000), odd) return select('#', ('%s'):format(odd)) end
            function short() return select(2, pcall(string.format, '%s %s', odd)) end
            """)
        // A left-over value would have become format's missing argument,
        // and shown as Lua shows it: with its address.
        #expect(try sandbox.call("short", []).string?.contains("no value") == true)
        #expect(try sandbox.call("show", []) == "table: #1|x|table: #1")
        #expect(sandbox.output == "table: #1\tafter\n")
        #expect(try sandbox.call("long", []) == 1)
        let line = "table: #1\ttable: #1\t" + String(repeating: "x", count: 3000) + "\ttable: #1\n"
        #expect(sandbox.output == line)
    }

    @Test func percentPIsForbidden() throws {
        let sandbox = try makeSandbox("function leak() return string.format('%p', print) end")
        let error = sandboxError { _ = try sandbox.call("leak", []) }
        #expect(error?.code == .forbidden)
        #expect(error?.line == 1)
    }

    /// `0x` followed by hex digits, or a run of eight or more hex digits.
    static func looksLikeAnAddress(_ text: String) -> Bool {
        text.contains("0x") || text.contains(/[0-9a-fA-F]{8,}/)
    }
}
