import CarryoverCore
import CarryoverTestSupport
import Foundation
import Testing

@testable import CarryoverLua

/// Follows `Docs/authoring/tutorial.md` literally: every code block with a
/// `title="<file>"` is a whole file; a later block with the same title
/// replaces the earlier one. The docs cannot rot without this failing.
@Suite struct TutorialTests {
    static let guide = "authoring/tutorial.md"

    static func blocks() throws -> [(file: String, text: String)] {
        try DocBlocks.blocks(of: guide)
    }

    static func files() throws -> [String: String] { try DocBlocks.files(of: guide) }

    @Test func everyVersionOfThePluginLoads() throws {
        let versions = try Self.blocks().filter { $0.file == "activities.lua" }
        #expect(versions.count == 2)
        for version in versions {
            let type = try HomeworkType(source: version.text, file: "activities.lua")
            #expect(type.declaration.id == "org.example.activities")
        }
    }

    @Test func theTutorialsTestsPass() throws {
        let files = try Self.files()
        let results = try LuaTestRunner.run(
            plugin: LuaSource(path: "activities.lua", text: try #require(files["activities.lua"])),
            specs: [
                LuaSource(
                    path: "tests/activities_spec.lua",
                    text: try #require(files["tests/activities_spec.lua"]))
            ])
        #expect(results.count == 3)
        for result in results where !result.passed {
            Issue.record(
                "\(result.name): \(result.message ?? "") \(result.expected ?? "") \(result.actual ?? "")"
            )
        }
    }

    @Test func theExampleEntryIsValidAndScoresAsTheTextSays() throws {
        let files = try Self.files()
        let type = try HomeworkType(
            source: try #require(files["activities.lua"]), file: "activities.lua")
        let entry = try Value.parse(json: try #require(files["examples/entry.json"]))
        #expect(try type.validate(entry: entry, params: .null, scope: "tutorial") == [])
        // The tutorial says: pleasure = 8 + 4 = 12, minutes = 45.
        #expect(
            try type.score(entry: entry, params: .null, scope: "tutorial") == [
                "pleasure": 12, "minutes": 45,
            ])
        let schemaResult = try JSONSchemaCheck.run([
            .init(schema: JSONSchemaExporter.entrySchema(of: type.declaration), instance: entry)
        ])
        #expect(schemaResult == [nil])
    }

    @Test func theManifestNamesTheFiles() throws {
        let files = try Self.files()
        let manifest = try #require(files["homework.toml"])
        #expect(manifest.contains(#"id = "org.example.activities""#))
        #expect(manifest.contains(#"main = "activities.lua""#))
        #expect(manifest.contains(#"tests = ["tests/activities_spec.lua"]"#))
    }
}
