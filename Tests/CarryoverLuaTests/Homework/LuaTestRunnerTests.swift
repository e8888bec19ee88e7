import CarryoverCore
import Testing

@testable import CarryoverLua

@Suite struct LuaTestRunnerTests {
    let plugin = LuaSource(
        path: "walks.lua",
        text: """
            homework {
              id = "org.example.walks", version = "1.0.0", title = "Walks", instructions = "Walk.",
              fields = { field.duration("minutes") }, scores = { "minutes" },
              score = function(entry) return { minutes = entry.minutes } end,
            }
            """)

    @Test func reportsEachCaseWithNameFileLineAndValues() throws {
        let spec = LuaSource(
            path: "tests/walks_spec.lua",
            text: """
                describe("walks", function()
                  local entry
                  before_each(function() entry = { minutes = 30 } end)
                  it("scores minutes", function()
                    assert.are.same({ minutes = 30 }, plugin.score(entry))
                  end)
                  describe("when wrong", function()
                    it("shows expected and actual", function()
                      entry.minutes = 31
                      assert.are.same({ minutes = 30 }, plugin.score(entry))
                    end)
                    it("reports runtime errors", function()
                      local missing
                      return missing.field
                    end)
                  end)
                  it("sees a fresh entry after a case changed it", function()
                    assert.are.equal(30, entry.minutes)
                  end)
                  it("reads the fixed clock", function()
                    assert.are.equal(1736154000, clock.now())
                  end)
                end)
                """)
        let results = try LuaTestRunner.run(plugin: plugin, specs: [spec])
        #expect(
            results.map(\.name) == [
                "walks scores minutes", "walks when wrong shows expected and actual",
                "walks when wrong reports runtime errors",
                "walks sees a fresh entry after a case changed it",
                "walks reads the fixed clock",
            ])
        #expect(results.map(\.passed) == [true, false, false, true, true])
        #expect(
            results[1]
                == LuaTestResult(
                    name: "walks when wrong shows expected and actual", passed: false,
                    file: "tests/walks_spec.lua", line: 10, expected: "{ minutes = 30 }",
                    actual: "{ minutes = 31 }", message: "expected values to be the same"))
        #expect(results[2].line == 14)
        #expect(results[2].message == "attempt to index a nil value (local 'missing')")
        #expect(results[0].line == 4)
    }

    @Test func aSpecThatDoesNotLoadIsOneFailedResult() throws {
        let results = try LuaTestRunner.run(
            plugin: plugin, specs: [LuaSource(path: "tests/broken_spec.lua", text: "describe(\n")])
        #expect(results.count == 1)
        #expect(results.first?.name == "tests/broken_spec.lua")
        #expect(results.first?.passed == false)
        #expect(results.first?.file == "tests/broken_spec.lua")
    }

    @Test func negatedAndPlainAssertions() throws {
        let spec = LuaSource(
            path: "tests/asserts_spec.lua",
            text: """
                describe("asserts", function()
                  it("passes", function()
                    assert.are_not.equal(1, 2)
                    assert.is_true(true)
                    assert.is_nil(nil)
                    assert.is.near(0.3, 0.1 + 0.2, 1e-9)
                    assert.has_error(function() error("boom") end)
                    assert(1 == 1)
                  end)
                  it("fails plainly", function() assert(false, "plain message") end)
                  it("fails negated", function() assert.are_not.same({ 1 }, { 1 }) end)
                end)
                """)
        let results = try LuaTestRunner.run(plugin: plugin, specs: [spec])
        #expect(results.map(\.passed) == [true, false, false])
        #expect(results[1].message == "plain message")
        #expect(results[1].line == 10)
        #expect(results[2].message == "expected values not to be the same")
    }
}

@Suite struct LuaTestRunnerLimitTests {
    @Test func hooksSeeTheSealedGlobalsAsInUse() throws {
        let plugin = LuaSource(
            path: "cache.lua",
            text: """
                homework { id = "org.example.cache", version = "1.0.0", title = "Cache",
                  instructions = "-", fields = { field.number("n") }, scores = { "n" },
                  score = function(entry) last_entry = entry; return { n = entry.n } end }
                """)
        let spec = LuaSource(
            path: "tests/cache_spec.lua",
            text: """
                describe("cache", function()
                  it("scores", function() assert.are.same({ n = 1 }, plugin.score({ n = 1 })) end)
                end)
                """)
        let result = try #require(try LuaTestRunner.run(plugin: plugin, specs: [spec]).first)
        #expect(!result.passed)
        #expect(result.message?.contains("read-only") == true)
        #expect(result.file == "cache.lua")
        #expect(result.line == 3)
    }

    @Test func aRunawayCaseFailsAloneWithItsName() throws {
        let plugin = LuaSource(
            path: "walks.lua",
            text: """
                homework { id = "org.example.walks", version = "1.0.0", title = "Walks",
                  instructions = "Walk.", fields = { field.duration("minutes") } }
                """)
        let spec = LuaSource(
            path: "tests/loop_spec.lua",
            text: """
                describe("limits", function()
                  it("loops forever", function() while true do pcall(function() end) end end)
                  it("still runs the next case", function() assert.are.equal(2, 1 + 1) end)
                end)
                """)
        let results = try LuaTestRunner.run(
            // Loading charges 4 units per source byte, the prelude's ~27 KB included:
            // 200,000 leaves room for that and stops the loop at once.
            plugin: plugin, specs: [spec], limits: SandboxLimits(instructions: 200_000))
        #expect(results.map(\.name) == ["limits loops forever", "limits still runs the next case"])
        #expect(results.map(\.passed) == [false, true])
        #expect(results[0].message?.contains("instruction") == true)
    }
}
