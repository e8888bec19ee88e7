import CarryoverCore
import CarryoverLua
import CarryoverTestSupport
import Foundation
import Testing

@testable import CarryoverPluginKit

/// The homework type a reader builds by following `Docs/authoring/tutorial.md`
/// literally passes the author's toolkit: lint, its own tests, and a fuzz run.
@Suite struct TutorialToolkitTests {
    /// The tutorial's files written into `folder`, read as a plugin folder.
    func writeTutorialPlugin(in folder: TemporaryFolder) throws -> PluginFolder {
        for (file, text) in try DocBlocks.files(of: "authoring/tutorial.md") {
            try folder.write(file, text)
        }
        return try PluginFolder(path: folder.url.path)
    }

    @Test func theTutorialsHomeworkTypeLintsTestsAndFuzzesClean() throws {
        let folder = try TemporaryFolder(prefix: "carryover-tutorial")
        defer { withExtendedLifetime(folder) {} }  // removed only when the test is done
        let plugin = try writeTutorialPlugin(in: folder)
        let findings = PluginLinter.lint(plugin)
        #expect(!PluginLinter.hasErrors(findings), "\(findings)")
        let tests = try PluginTestReport.run(plugin)
        #expect(tests.passed)
        let fuzz = try PluginFuzzer.fuzz(plugin, options: FuzzOptions(runs: 1_000, seed: 42))
        #expect(fuzz.passed, "\(fuzz.render())")
    }
}
