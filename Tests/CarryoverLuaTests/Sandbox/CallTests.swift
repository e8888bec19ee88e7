import CarryoverCore
import Testing

@testable import CarryoverLua

@Suite struct CallTests {
    @Test func callsAGlobalFunctionWithConvertedArguments() throws {
        let sandbox = try makeSandbox("function add(a, b) return a + b end")
        #expect(try sandbox.call("add", [1, 2]) == .int(3))
    }

    @Test func loadReturnsTheChunksFirstResult() throws {
        let sandbox = try makeSandbox()
        #expect(try sandbox.load("return 6 * 7, 'ignored'", chunkName: "answer.lua") == .int(42))
    }

    @Test func aFunctionWithoutResultsGivesNull() throws {
        let sandbox = try makeSandbox("function nothing() end")
        #expect(try sandbox.call("nothing", []) == .null)
    }

    @Test func runtimeErrorsNamePluginFileAndLine() throws {
        let sandbox = try makeSandbox(
            "function ok() return 1 end\nfunction boom()\n  error('broken')\nend")
        let error = sandboxError { _ = try sandbox.call("boom", []) }
        #expect(
            error
                == SandboxError(
                    .runtime, plugin: "test.plugin", file: "plugin.lua", line: 3, message: "broken")
        )
        #expect(error?.description == "test.plugin plugin.lua:3: broken")
        expectStillUsable(sandbox)
    }

    @Test func syntaxErrorsNameFileAndLine() throws {
        let sandbox = try makeSandbox()
        let error = sandboxError {
            try sandbox.load("local x = 1\nlocal = 2", chunkName: "bad.lua")
        }
        #expect(error?.code == .syntax)
        #expect(error?.file == "bad.lua")
        #expect(error?.line == 2)
        expectStillUsable(sandbox)
    }

    @Test func callingAMissingFunctionIsARuntimeError() throws {
        let sandbox = try makeSandbox()
        let error = sandboxError { _ = try sandbox.call("absent", []) }
        #expect(error?.code == .runtime)
        #expect(error?.message == "plugin has no function 'absent'")
    }

    @Test func hasFunctionFindsOptionalHooks() throws {
        let sandbox = try makeSandbox("function validate() end\nversion = '1.0'")
        #expect(try sandbox.hasFunction("validate"))
        #expect(try !sandbox.hasFunction("feedback"))
        #expect(try !sandbox.hasFunction("version"))
    }

    @Test func descriptionsAreOneLine() throws {
        let sandbox = try makeSandbox("function boom() error('first\\nsecond') end")
        let error = sandboxError { _ = try sandbox.call("boom", []) }
        #expect(error?.message == "first\nsecond")
        #expect(error?.description == "test.plugin plugin.lua:1: first second")
    }

    /// Text that only looks like a position ("due: 10:30: ...") is not one.
    @Test func messagesWithoutPositionsStayWhole() throws {
        let sandbox = try makeSandbox("function late() error('due: 10:30: late', 0) end")
        let error = sandboxError { _ = try sandbox.call("late", []) }
        #expect(error?.message == "due: 10:30: late")
        #expect(error?.file == "plugin.lua")
        #expect(error?.line == 1)
    }

    /// The thought-record shape from the brief: changes worked out by hand
    /// (40 - 80 = -40 and 50 - 90 = -40).
    @Test func scoresAThoughtRecord() throws {
        let sandbox = try makeSandbox(
            """
            function score(entry)
              local e = entry.emotions[1]
              return { emotion_change = e.after - e.before,
                       belief_shift = entry.belief_after - entry.belief_before }
            end
            """)
        let entry: Value = [
            "emotions": [["name": "anxious", "before": 80, "after": 40]],
            "belief_before": 90, "belief_after": 50,
        ]
        #expect(try sandbox.call("score", [entry]) == ["emotion_change": -40, "belief_shift": -40])
    }
}
