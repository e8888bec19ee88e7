import CarryoverLua
import Testing

@testable import CarryoverPluginKit

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

    @Test func examplePackListsBothTypesWithTheirManifestVersions() throws {
        let pack = try String(
            contentsOf: ToolkitFixture.root.appendingPathComponent(
                "Examples/clinic-pack/pack.toml"),
            encoding: .utf8)
        for folder in ["activity-log", "worry-time"] {
            let manifest = try PluginFolder(
                path: ToolkitFixture.root.appendingPathComponent("Examples/clinic-pack/\(folder)")
                    .path
            ).manifest
            let entry = """
                [[homework]]
                id = "\(manifest.texts["id"] ?? "")"
                version = "\(manifest.texts["version"] ?? "")"
                path = "\(folder)"
                """
            #expect(pack.contains(entry), "\(folder)")
        }
    }

    @Test func shippedFoldersAreAllFound() {
        #expect(ToolkitFixture.shippedFolders.count == 12)
    }
}
