import CarryoverCore
import Testing

@testable import CarryoverLua

/// Swift <-> Lua values: every kind, and every shape that must be refused.
@Suite struct ConversionTests {
    private func echo() throws -> Sandbox { try makeSandbox("function echo(x) return x end") }

    @Test(
        arguments: [
            Value.null, true, false, 0, -7, .int(.max), .int(.min), 2.5, -0.125, "", "héllo ✓",
            [], [1, "two", 3.0, [true]], ["a": 1, "b": ["c": [false, 2] as Value]],
        ] as [Value])
    func valuesRoundTrip(value: Value) throws {
        #expect(try echo().call("echo", [value]) == value)
    }

    /// Lua keeps integers and floats apart; 3.0 stays a float.
    @Test func integersAndFloatsStayApart() throws {
        let sandbox = try makeSandbox()
        #expect(try evaluate(sandbox, "3") == .int(3))
        #expect(try evaluate(sandbox, "3.0") == .double(3.0))
        #expect(try evaluate(sandbox, "7 // 2") == .int(3))
        #expect(try evaluate(sandbox, "7 / 2") == .double(3.5))
    }

    /// An empty table reads back as an empty array (Lua cannot tell).
    @Test func emptyTablesAreEmptyArrays() throws {
        #expect(try echo().call("echo", [.object([:])]) == .array([]))
    }

    @Test func numericStringKeysStayStrings() throws {
        #expect(
            try evaluate(makeSandbox(), "{ ['1'] = 'a', ['2'] = 'b' }") == ["1": "a", "2": "b"])
    }

    @Test(arguments: [
        ("0/0", "result is not a finite number"),
        ("1/0", "result is not a finite number"),
        ("{ scores = { 1, -1/0 } }", "result.scores[2] is not a finite number"),
        ("'\\255'", "result is not valid UTF-8"),
        ("{ ['\\255'] = 1 }", "result key is not valid UTF-8"),
        ("print", "result is a function, which cannot be converted"),
        ("{ scores = { 1, print } }", "result.scores[2] is a function, which cannot be converted"),
        ("coroutine.create(print)", "result is a thread, which cannot be converted"),
        ("{ 1, 2, x = 3 }", "result mixes integer and string keys"),
        ("{ [1] = 1, [3] = 3 }", "result has integer keys that are not exactly 1...2"),
        ("{ [0] = 1 }", "result has integer keys that are not exactly 1...1"),
        ("{ [1.5] = 1 }", "result has a number key; only strings or 1...n can be converted"),
        ("{ [true] = 1 }", "result has a boolean key; only strings or 1...n can be converted"),
        ("{ [{}] = 1 }", "result has a table key; only strings or 1...n can be converted"),
        (
            "{ ['odd key'] = { f = print } }",
            "result[\"odd key\"].f is a function, which cannot be converted"
        ),
    ])
    func unconvertibleResultsNameThePath(expression: String, message: String) throws {
        let sandbox = try makeSandbox()
        let error = sandboxError { _ = try evaluate(sandbox, expression) }
        #expect(error?.code == .conversion)
        #expect(error?.message == message)
        expectStillUsable(sandbox)
    }

    @Test func cyclesAreRefusedButSharedTablesAreFine() throws {
        let sandbox = try makeSandbox(
            """
            function cycle() local t = { name = 'x' } t.self = t return t end
            function shared() local s = { 1 } return { a = s, b = s } end
            """)
        let error = sandboxError { _ = try sandbox.call("cycle", []) }
        #expect(error?.code == .conversion)
        #expect(error?.message == "result.self contains a cycle")
        #expect(try sandbox.call("shared", []) == ["a": [1], "b": [1]])
    }

    /// maxDepth counts nested tables: 64 are fine, the 65th is refused, in
    /// both directions.
    @Test func depthIsCapped() throws {
        let sandbox = try makeSandbox(
            "function nest(n) local t = {} for i = 2, n do t = { t } end return t end\nfunction echo(x) return x end"
        )
        #expect(try sandbox.call("nest", [64]) == nested(64))
        let error = sandboxError { _ = try sandbox.call("nest", [65]) }
        #expect(error?.code == .conversion)
        #expect(error?.message.hasSuffix("is nested deeper than 64 levels") == true)
        #expect(try sandbox.call("echo", [nested(64)]) == nested(64))
        let argumentError = sandboxError { _ = try sandbox.call("echo", [nested(65)]) }
        #expect(argumentError?.code == .conversion)
        #expect(argumentError?.message.hasPrefix("arguments[1][1][1]") == true)
    }

    private func nested(_ depth: Int) -> Value {
        (1..<depth).reduce(Value.array([])) { inner, _ in .array([inner]) }
    }

    @Test func argumentsThatCannotBeLuaValuesAreRefused() throws {
        let sandbox = try echo()
        let error = sandboxError {
            _ = try sandbox.call("echo", [["ratings": [1, .double(.nan)]]])
        }
        #expect(error?.code == .conversion)
        #expect(error?.message == "arguments[1].ratings[2] is not a finite number")
    }

    /// Both directions cap a value's size: 1 MiB for results, 4 MiB for
    /// arguments (string bytes plus 16 per node).
    @Test func totalSizeIsCapped() throws {
        let sandbox = try makeSandbox(
            "function big() local s = ('x'):rep(2^20) return { s, s, s, s, s } end\nfunction echo(x) return x end"
        )
        let error = sandboxError { _ = try sandbox.call("big", []) }
        #expect(error?.code == .conversion)
        // 16 for the list, 16 + 2^20 for its first string: 1,048,608 > 1,048,576.
        #expect(error?.message == "result[1] is larger than 1048576 bytes")
        // Keys count too: 5 keys of 1 MiB each (the first alone is too much).
        let keysError = sandboxError {
            _ = try sandbox.load(
                "local t = {} for i = 1, 5 do t[('k'):rep(2^20 - 1) .. i] = i end return t",
                chunkName: "keys.lua")
        }
        #expect(keysError?.message == "result is larger than 1048576 bytes")
        let megabyte = Value.string(String(repeating: "y", count: 1 << 20))
        let argumentError = sandboxError {
            _ = try sandbox.call("echo", [[megabyte, megabyte, megabyte, megabyte, megabyte]])
        }
        #expect(argumentError?.code == .conversion)
        // 16 for the list, then 16 + 2^20 per string: the fourth makes
        // 16 + 4 * 1,048,592 = 4,194,384, past 4,194,304.
        #expect(argumentError?.message == "arguments[1][4] is larger than 4194304 bytes")
    }

    /// Lua tables cannot hold nil: a null array element is refused, a null
    /// object member is simply absent in Lua.
    @Test func nullsInsideContainers() throws {
        let sandbox = try echo()
        let error = sandboxError { _ = try sandbox.call("echo", [["c": [1, nil, 3]]]) }
        #expect(error?.code == .conversion)
        #expect(error?.message == "arguments[1].c[2] is null; Lua arrays cannot hold nil")
        #expect(try sandbox.call("echo", [["kept": 1, "gone": nil]]) == ["kept": 1])
    }

    /// Objects are built in sorted key order; every key arrives.
    @Test func objectsArriveWithEveryKey() throws {
        let sandbox = try makeSandbox(
            "function keys(t) local k = {} for key in pairs(t) do k[#k + 1] = key end table.sort(k) return table.concat(k, ',') end"
        )
        #expect(try sandbox.call("keys", [["b": 1, "a": 2, "c": 3]]) == "a,b,c")
    }
}
