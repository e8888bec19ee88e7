import CarryoverCore
import CarryoverLua
import CarryoverTestSupport
import Foundation
import Testing

@testable import CarryoverPluginKit

/// The homework type a reader builds by following `Docs/authoring/tutorial.md`
/// literally passes the author's toolkit: lint, its own tests, and a fuzz run.
@Suite struct TutorialToolkitTests {
    func writeTutorialPlugin() throws -> PluginFolder {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("carryover-tutorial-\(UUID().uuidString)")
        for (file, text) in try DocBlocks.files(of: "authoring/tutorial.md") {
            let url = folder.appendingPathComponent(file)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return try PluginFolder(path: folder.path)
    }

    @Test func theTutorialsHomeworkTypeLintsTestsAndFuzzesClean() throws {
        let plugin = try writeTutorialPlugin()
        let findings = PluginLinter.lint(plugin)
        #expect(!PluginLinter.hasErrors(findings), "\(findings)")
        let tests = try PluginTestReport.run(plugin)
        #expect(tests.passed)
        let fuzz = try PluginFuzzer.fuzz(plugin, options: FuzzOptions(runs: 1_000, seed: 42))
        #expect(fuzz.passed, "\(fuzz.render())")
    }
}
