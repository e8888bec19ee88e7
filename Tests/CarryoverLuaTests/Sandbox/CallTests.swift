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

    /// A homework type's sandbox is named after its file: the file is said
    /// once (issue 16's doc list found `plugin.lua plugin.lua:64: ...`).
    @Test func aPluginNamedByItsFileIsNamedOnce() throws {
        let type = sandboxError {
            _ = try HomeworkType(
                source: "local x = nil\nx.y = 1", file: "plugin.lua", clock: FixedClock(testInstant)
            )
        }
        #expect(type?.description == "plugin.lua:2: attempt to index a nil value (local 'x')")
        let other = SandboxError(
            .runtime, plugin: "org.example", file: "a.lua", line: 3, message: "m")
        #expect(other.description == "org.example a.lua:3: m")
        #expect(SandboxError(.runtime, plugin: "p", message: "m").description == "p: m")
        #expect(
            SandboxError(.runtime, plugin: "p", file: "f.lua", message: "m").description
                == "p f.lua: m")
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

    /// print joins its arguments with tabs and ends the line, like Lua's own;
    /// long arguments take the buffer past its inline size.
    @Test func printIsCaptured() throws {
        let sandbox = try makeSandbox(
            """
            function report() print('mood', 7, nil, true) print(('x'):rep(3000), ('y'):rep(3000)) return 1 end
            """)
        #expect(try sandbox.call("report", []) == 1)
        let long = String(repeating: "x", count: 3000) + "\t" + String(repeating: "y", count: 3000)
        #expect(sandbox.output == "mood\t7\tnil\ttrue\n" + long + "\n")
        _ = try sandbox.call("report", [])
        // Each call starts empty: "mood, 7, nil, true" with tabs and newline is 16 bytes,
        // the long line 6,002.
        #expect(sandbox.output.utf8.count == 16 + 6002)
    }

    /// The sandbox's own resume, wrap and close keep Lua's behaviour.
    @Test func coroutinesBehaveAsInLua() throws {
        let sandbox = try makeSandbox(
            """
            function generate()
              local next_square = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i * i) end return 'done' end)
              return { next_square(), next_square(), next_square(), next_square() }
            end
            function resumed()
              local co = coroutine.create(function(a, b) local c = coroutine.yield(a + b) return c * 2 end)
              local _, first = coroutine.resume(co, 1, 2)
              local _, second = coroutine.resume(co, 10)
              local again, message = coroutine.resume(co)
              return { first, second, coroutine.status(co), again, message }
            end
            function closed()
              local co = coroutine.create(function() coroutine.yield() end)
              coroutine.resume(co)
              return { coroutine.close(co), coroutine.status(co) }
            end
            function wrapped_error()
              coroutine.wrap(function() error('inner') end)()
            end
            """)
        #expect(try sandbox.call("generate", []) == [1, 4, 9, "done"])
        #expect(
            try sandbox.call("resumed", []) == [
                3, 20, "dead", false, "cannot resume dead coroutine",
            ])
        #expect(try sandbox.call("closed", []) == [true, "dead"])
        let error = sandboxError { _ = try sandbox.call("wrapped_error", []) }
        #expect(error?.code == .runtime)
        #expect(error?.message.hasSuffix("inner") == true)
        #expect(error?.line == 18)
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
