import CarryoverCore
import CarryoverLua
import CarryoverManifest
import CarryoverTestSupport
import Testing

@testable import CarryoverPluginKit

@Suite struct PluginFuzzerTests {
    private let options = FuzzOptions(runs: 300, seed: 7)
    /// This test's plugin folders, removed when the test ends.
    private let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder(prefix: "carryover-toolkit") }

    private func fuzz(
        _ body: String, fields: String = #"field.rating("level", { min = 0, max = 10 })"#,
        options: FuzzOptions? = nil
    ) throws -> FuzzReport {
        try PluginFuzzer.fuzz(
            ToolkitFixture.plugin(ToolkitFixture.homework(fields: fields, body), in: scratch),
            options: options ?? self.options)
    }

    @Test func findsARuntimeErrorAndShrinksItToAPastableCase() throws {
        let report = try fuzz(
            """
              scores = { "level" },
              score = function(entry)
                if entry.level == 7 then error("seven is unlucky") end
                return { level = entry.level }
              end,
            """)
        let failure = try #require(report.failures.first)
        #expect(report.failures.count == 1)
        #expect(failure.kind == .runtimeError)
        #expect(failure.hook == "score")
        #expect(failure.message.contains("plugin.lua:7: seven is unlucky"))
        #expect(failure.entry == ["level": 7])
        // The printed case reproduces the failure when run as a plugin test.
        let results = try LuaTestRunner.run(
            plugin: LuaSource(
                path: "plugin.lua",
                text: ToolkitFixture.homework(
                    fields: #"field.rating("level", { min = 0, max = 10 })"#,
                    """
                      scores = { "level" },
                      score = function(entry)
                        if entry.level == 7 then error("seven is unlucky") end
                        return { level = entry.level }
                      end,
                    """)),
            specs: [LuaSource(path: "fuzz_spec.lua", text: failure.luaTestCase)])
        #expect(results.count == 1)
        #expect(results.first?.passed == false)
        #expect(results.first?.message?.contains("seven is unlucky") == true)
    }

    @Test func findsScoresOutsideTheirDeclaredShape() throws {
        let report = try fuzz(
            """
              scores = { "level" },
              score = function(entry) return { level = entry.level, extra = 1 } end,
            """)
        #expect(report.failures.map(\.kind) == [.badScore])
        #expect(report.failures.first?.message.contains("'extra' is not a declared score") == true)
        let nan = try fuzz(
            """
              scores = { "ratio" },
              score = function(entry) return { ratio = entry.level / entry.level } end,
            """)
        // 0 / 0 is NaN in Lua; it only happens at level 0, which the shrinker keeps.
        #expect(nan.failures.map(\.kind) == [.badScore])
        #expect(nan.failures.first?.entry == ["level": 0])
    }

    @Test func findsNonDeterminismBetweenFreshSandboxes() throws {
        // pairs order over string keys follows a hash seed that differs per state.
        let report = try fuzz(
            """
              feedback = function(entry)
                local seen, order = {}, {}
                for i = 1, 16 do seen["key" .. i] = i end
                for key in pairs(seen) do order[#order + 1] = key end
                return table.concat(order, ",")
              end,
            """)
        #expect(report.failures.map(\.kind) == [.nonDeterministic])
        #expect(report.failures.first?.hook == "feedback")
    }

    @Test func findsLimitHits() throws {
        let limits = SandboxLimits(instructions: 200_000)
        let report = try fuzz(
            """
              flags = function(entry)
                while entry.level > 8 do end
                return {}
              end,
            """, options: FuzzOptions(runs: 100, seed: 7, limits: limits))
        let failure = try #require(report.failures.first)
        #expect(failure.kind == .limitHit)
        #expect(failure.message.contains("instruction limit"))
        // Shrunk toward 0 as far as the failure holds: 9 is the smallest level above 8.
        #expect(failure.entry == ["level": 9])
    }

    @Test func countsFailuresBeyondThoseReported() throws {
        let report = try fuzz(
            """
              feedback = function(entry)
                if entry.level == 1 then error("first") end
                if entry.level == 2 then error("second") end
                return nil
              end,
            """, options: FuzzOptions(runs: 300, seed: 7, maxReported: 1))
        #expect(report.failures.count == 1)
        #expect(report.unreportedKinds == 1)
        #expect(!report.passed)
        #expect(report.render().contains("... and 1 more kind(s) of failure"))
    }

    @Test func sameSeedGivesTheSameRun() throws {
        let body = #"  feedback = function(entry) return "level " .. entry.level end,"#
        let first = try fuzz(body)
        let second = try fuzz(body)
        #expect(first.validInputs == second.validInputs)
        #expect(first.invalidInputs == second.invalidInputs)
        #expect(first.validInputs + first.invalidInputs == 300)
        #expect(first.passed)
    }

    @Test(arguments: ToolkitFixture.shippedFolders)
    func generatedInputsAreValidOrInvalidAsMeant(_ path: String) throws {
        let type = try PluginFolder(path: path).load()
        var generator = ValueGenerator(random: SeededRandom(seed: 11))
        for _ in 0..<200 {
            generator.startInput()
            let entry = generator.valid(type.declaration.fields)
            #expect(
                FieldValidator.validate(entry, against: type.declaration.fields).isEmpty,
                "\(entry.canonicalJSON())")
            #expect(type.validateParams(generator.valid(type.declaration.params)).isEmpty)
            if let broken = generator.invalid(type.declaration.fields) {
                #expect(
                    !FieldValidator.validate(broken, against: type.declaration.fields).isEmpty,
                    "\(broken.canonicalJSON())")
            }
        }
    }
}

/// Example entries steer the fuzzer past cross-field rules.
@Suite struct FuzzExampleTests {
    /// This test's plugin folders, removed when the test ends.
    private let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder(prefix: "carryover-toolkit") }

    /// `high` must be exactly `low + 37`: drawn at random, almost never.
    static let lua = ToolkitFixture.homework(
        fields: """
            field.rating("low", { min = 0, max = 100 }), field.rating("high", { min = 0, max = 100 }),
              field.text("note")
            """,
        """
          validate = function(entry)
            if entry.high ~= entry.low + 37 then return { { field = "high", message = "low + 37" } } end
            return {}
          end,
        """)

    func folder(example: String?) throws -> PluginFolder {
        var files = [
            "homework.toml": HomeworkManifest(
                id: "org.test.probe", version: SemanticVersion(1, 0, 0), title: "Probe",
                main: "plugin.lua", tests: []
            ).toml,
            "plugin.lua": Self.lua,
        ]
        if let example { files["examples/entry.json"] = example }
        return try PluginFolder(path: ToolkitFixture.folder(files, in: scratch))
    }

    @Test func examplesLetInputsPastTheRules() throws {
        let options = FuzzOptions(runs: 400, seed: 3)
        let example = #"{"low": 13, "high": 50, "note": "a real entry"}"#
        let without = try PluginFuzzer.fuzz(try folder(example: nil), options: options)
        let with = try PluginFuzzer.fuzz(try folder(example: example), options: options)
        #expect(without.examples.isEmpty && without.inputsFromExamples == 0)
        #expect(with.examples == ["examples/entry.json"])
        #expect(with.inputsFromExamples > 150)
        // Changing only `note` keeps the rule; so do a reused 13 or 50.
        #expect(with.reachedAllHooks > 40)
        #expect(with.reachedAllHooks > 5 * max(1, without.reachedAllHooks))
        #expect(with.render().contains("inputs started from examples/entry.json"))
        let ignored = try PluginFuzzer.fuzz(
            try folder(example: example),
            options: FuzzOptions(runs: 400, seed: 3, useExamples: false))
        #expect(ignored.reachedAllHooks == without.reachedAllHooks)
    }

    @Test func anInvalidExampleIsRefusedWithItsFile() throws {
        let folder = try folder(example: #"{"low": 13, "high": 500, "note": "x"}"#)
        #expect {
            try PluginFuzzer.fuzz(folder, options: FuzzOptions(runs: 10))
        } throws: { error in
            let error = error as? SandboxError
            return error?.file == "examples/entry.json"
                && error?.message.contains("high: must be at most 100") == true
        }
    }
}
