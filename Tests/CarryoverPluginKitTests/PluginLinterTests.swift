import CarryoverLua
import CarryoverTestSupport
import Testing

@testable import CarryoverPluginKit

@Suite struct PluginLinterTests {
    /// This test's plugin folders, removed when the test ends.
    private let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder(prefix: "carryover-toolkit") }

    private func lines(_ findings: [LintFinding]) -> [String] {
        findings.map { "\($0.file):\($0.line) \($0.severity) \($0.message)" }
    }

    @Test func manifestMistakesAreFoundAtTheirLines() throws {
        let path = try ToolkitFixture.folder(
            [
                "homework.toml": """
                # a manifest with mistakes
                id = "Probe"
                version = "1.0"
                title = "Probe"
                main = "plugin.lua"
                tests = ["tests/missing_spec.lua"]
                colour = "blue"
                """,
                "plugin.lua": ToolkitFixture.homework(fields: #"field.text("note")"#),
            ], in: scratch)
        let findings = PluginLinter.lint(try PluginFolder(path: path))
        #expect(
            lines(findings) == [
                "homework.toml:2 error id 'Probe' differs from the plugin's id 'org.test.probe'",
                "homework.toml:2 error id 'Probe' is not reverse-DNS",
                "homework.toml:3 error version '1.0' differs from the plugin's version '1.0.0'",
                "homework.toml:3 error version '1.0' is not semantic",
                "homework.toml:6 error test file 'tests/missing_spec.lua' is missing",
                "homework.toml:7 error unknown key 'colour'",
            ])
        #expect(PluginLinter.hasErrors(findings))
    }

    @Test func sandboxGlobalsAndGlobalWritesAreFound() throws {
        let lua = """
            local function helper(entry) return unpack(entry) end
            \(ToolkitFixture.homework(fields: #"field.number("count")"#, """
              score = function(entry)
                total = entry.count
                return { count = os.time() }
              end,
              scores = { "count" },
            """))
            """
        let findings = PluginLinter.lint(
            try ToolkitFixture.plugin(
                lua, specs: ["tests/a_spec.lua": #"it("x", function() assert.is_true(true) end)"#],
                in: scratch))
        #expect(
            lines(findings) == [
                "plugin.lua:1 error uses global 'unpack', which the sandbox does not provide",
                "plugin.lua:7 error assigns global 'total' inside a function; globals are read-only once the plugin is loaded",
                "plugin.lua:8 error uses global 'os', which the sandbox does not provide",
            ])
        #expect(findings.first?.hint == "use table.unpack (Lua 5.4)")
    }

    @Test func hooksNeverDefinedUnknownOrNotGivenAreFound() throws {
        let lua = """
            local function flags(entry) return {} end
            \(ToolkitFixture.homework(fields: #"field.text("note")"#, "  validate = validate_entry,"))
            """
        let findings = PluginLinter.lint(try ToolkitFixture.plugin(lua, in: scratch))
        #expect(
            lines(findings) == [
                "plugin.lua:6 error hook 'validate' is declared but never defined (its value is nil)",
                "plugin.lua:6 error uses global 'validate_entry', which the sandbox does not provide",
                "homework.toml:5 warning no tests are listed",
                "plugin.lua:1 warning hook function 'flags' is defined but never given to homework { }",
            ])
    }

    @Test func unknownHookKeyGetsTheClosestName() throws {
        let lua = ToolkitFixture.homework(
            fields: #"field.text("note")"#, "  scroe = function() return {} end,")
        let findings = PluginLinter.lint(try ToolkitFixture.plugin(lua, in: scratch))
        let unknown = try #require(findings.first { $0.message.contains("scroe") })
        #expect(unknown.line == 5)
        #expect(unknown.hint == "did you mean 'score'?")
        // The loader's own "unknown key" error is the same finding, reported once.
        #expect(!findings.contains { $0.message.contains("does not load") })
    }

    @Test func declarationErrorsComeFromTheDSLWithTheirLine() throws {
        let lua = ToolkitFixture.homework(fields: #"field.rating("mood", { min = 10, max = 0 })"#)
        let finding = try #require(
            PluginLinter.lint(try ToolkitFixture.plugin(lua, in: scratch)).first {
                $0.severity == .error
            })
        #expect(finding.file == "plugin.lua")
        #expect(finding.line == 4)
        #expect(
            finding.message.contains("field.rating: needs whole-number min and max, min below max"))
    }

    @Test func emptyAndShortInstructionsAreFound() throws {
        let short = ToolkitFixture.homework(fields: #"field.text("note")"#)
            .replacingOccurrences(
                of: "Write down what happened and rate it from 0 to 10.", with: "Do it.")
        #expect(
            lines(PluginLinter.lint(try ToolkitFixture.plugin(short, in: scratch))).contains(
                "plugin.lua:3 warning instructions are very short (6 characters)"))
        let blank = short.replacingOccurrences(of: "\"Do it.\"", with: "\"   \"")
        #expect(
            lines(PluginLinter.lint(try ToolkitFixture.plugin(blank, in: scratch))).contains(
                "plugin.lua:3 error instructions are empty"))
    }
}
