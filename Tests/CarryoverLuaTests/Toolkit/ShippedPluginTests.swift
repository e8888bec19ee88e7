import Testing

@testable import CarryoverLua

/// Every built-in modality and both example types pass lint, their own tests
/// and a short fuzz run (the 10,000-run figures are in Docs/authoring/fuzzing.md).
@Suite struct ShippedPluginTests {
    @Test(arguments: ToolkitFixture.shippedFolders)
    func passesLintTestsAndFuzz(_ path: String) throws {
        let folder = try PluginFolder(path: path)
        let findings = PluginLinter.lint(folder)
        #expect(findings.isEmpty, "\(findings.map(\.description))")
        let tests = try PluginTestReport.run(folder)
        #expect(tests.passed, "\(tests.render(.human))")
        #expect(tests.results.count >= 3)
        let fuzz = try PluginFuzzer.fuzz(folder, options: FuzzOptions(runs: 500, seed: 42))
        #expect(fuzz.passed, "\(fuzz.render())")
        #expect(fuzz.reachedAllHooks > 0, "no generated entry got past validate")
    }

    @Test func shippedFoldersAreAllFound() {
        #expect(ToolkitFixture.shippedFolders.count == 11)
    }
}
