import CarryoverCore
import CarryoverLua
import CarryoverTestSupport
import Foundation
import Testing

@testable import CarryoverPluginKit

@Suite struct ScaffoldAndRunTests {
    @Test func scaffoldPassesLintTestsAndFuzzAndRefusesToOverwrite() throws {
        let scratch = try TemporaryFolder(prefix: "carryover-toolkit")
        defer { withExtendedLifetime(scratch) {} }  // removed only when the test is done
        let path = scratch.path("sleep-diary").path
        let scaffold = try PluginScaffold(id: "org.clinic.sleep-diary", title: "Sleep \"diary\"")
        let written = try scaffold.write(to: path)
        #expect(
            written == [
                ".luarc.json", "README.md", "carryover.d.lua", "examples/entry.json",
                "examples/params.json", "homework.toml", "sleep_diary.lua",
                "tests/sleep_diary_spec.lua",
            ])
        let folder = try PluginFolder(path: path)
        #expect(PluginLinter.lint(folder).isEmpty)
        #expect(try PluginTestReport.run(folder).passed)
        let fuzz = try PluginFuzzer.fuzz(folder, options: FuzzOptions(runs: 300))
        #expect(fuzz.passed)
        #expect(fuzz.examples == ["examples/entry.json"])
        #expect(try folder.load().declaration.title == "Sleep \"diary\"")

        let luarc = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: path).appendingPathComponent(".luarc.json"))
        )
        #expect((luarc as? [String: Any])?["workspace.library"] as? [String] == ["carryover.d.lua"])

        let manifestBefore = try String(contentsOfFile: path + "/homework.toml", encoding: .utf8)
        #expect(throws: SandboxError.self) { try scaffold.write(to: path) }
        #expect(
            try String(contentsOfFile: path + "/homework.toml", encoding: .utf8) == manifestBefore)
    }

    @Test func scaffoldRefusesABadIdOrTitle() {
        #expect(throws: SandboxError.self) { try PluginScaffold(id: "Sleep Diary", title: "x") }
        #expect(throws: SandboxError.self) {
            try PluginScaffold(id: "org.clinic.sleep", title: " ")
        }
    }

    @Test func typeDefinitionsNameEveryFieldKindAndHook() {
        for kind in [
            "text", "number", "duration", "rating", "choice", "multi_choice", "list", "record",
            "boolean", "date", "time", "emotion",
        ] {
            #expect(LuaTypeDefinitions.source.contains("function field.\(kind)("), "\(kind)")
        }
        for hook in HomeworkHook.allCases {
            #expect(
                LuaTypeDefinitions.source.contains("---@field \(hook.rawValue)? fun("), "\(hook)")
        }
    }

    @Test func runShowsEveryHookAndTheLimits() throws {
        let folder = try PluginFolder(
            path: ToolkitFixture.root.appendingPathComponent("Modalities/exposure-ladder").path)
        let params: Value = ["steps": [["situation": "Photo of a dog", "expected_suds": 20]]]
        let entry: Value = [
            "step": 1, "suds_before": 40, "suds_peak": 60, "suds_after": 20, "minutes": 25,
        ]
        let report = try PluginRunReport.run(folder, entry: entry, params: params)
        #expect(report.succeeded)
        // (60 - 20) / 60 * 100 = 66.67 % (the ladder's own spec works the same case)
        #expect(abs((report.scores["drop_percent"] ?? 0) - 200.0 / 3) < 1e-9)
        #expect(report.state["streak"] == 1)
        #expect(
            report.usages.map(\.hook) == ["validate", "score", "feedback", "advance", "summarize"])
        let text = report.render()
        #expect(text.contains("/ 20000000"))
        #expect(text.contains("/ 32 MiB"))
        #expect(text.contains("/ 1000.000 ms"))
        #expect(report.json()["limits"]?["memoryBytes"] == .int(33_554_432))

        let invalid = try PluginRunReport.run(folder, entry: ["step": 1], params: params)
        #expect(!invalid.succeeded)
        #expect(
            invalid.problems.map(\.field) == ["suds_before", "suds_peak", "suds_after", "minutes"])
        let badParams = try PluginRunReport.run(folder, entry: entry, params: [:])
        #expect(badParams.paramProblems.map(\.description) == ["steps: is required"])
    }
}
