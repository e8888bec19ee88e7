import Foundation
import Testing

/// `types [ID] [--schema]`: what can be assigned.
@Suite struct TypesCommandTests {
    /// The ten built-in modalities in Modalities/.
    static let builtIn = [
        "org.carryover.exposure-ladder", "org.carryover.gad7", "org.carryover.gratitude",
        "org.carryover.mood-log", "org.carryover.phq9", "org.carryover.psychoeducation",
        "org.carryover.safety-plan",
        "org.carryover.speech-practice", "org.carryover.symptom-log",
        "org.carryover.thought-record",
    ]

    @Test func theListHasEveryBuiltInType() throws {
        let fixture = try CLIFixture.withClient()
        let types = try fixture.ok(["types", "--json"]).objects()
        #expect(Set(types.compactMap { $0["id"] as? String }) == Set(Self.builtIn))
        for type in types {
            #expect(Set(type.keys) == ["id", "version", "title", "origin"])
        }
        let text = try fixture.ok(["types"]).stdout
        #expect(text.split(separator: "\n").count == Self.builtIn.count)
        #expect(text.contains("org.carryover.mood-log  1.0.0  Mood log  ["))
    }

    @Test func oneTypeShowsItsFieldsParamsAndScores() throws {
        let fixture = try CLIFixture.withClient()
        let text = try fixture.ok(["types", "org.carryover.mood-log"]).stdout
        #expect(text.hasPrefix("Mood log  (org.carryover.mood-log 1.0.0)\n"))
        #expect(text.contains("  mood: rating  Mood today (0-10)"))
        #expect(text.contains("Params (set with --param name=value when assigning):"))
        #expect(text.contains("  low_mood: rating"))
        #expect(text.contains("Scores: mood, sleep_hours"))
    }

    @Test func oneTypeAsJSONHasTheDocumentedKeys() throws {
        let fixture = try CLIFixture.withClient()
        let type = try fixture.ok(["types", "org.carryover.mood-log", "--json"]).object()
        #expect(
            Set(type.keys) == [
                "id", "version", "title", "instructions", "scores", "hooks", "entrySchema",
                "paramsSchema",
            ])
        #expect(type["scores"] as? [String] == ["mood", "sleep_hours"])
        #expect(type["hooks"] as? [String] == ["flags", "score", "summarize"])
    }

    @Test func theSchemaIsJSONSchema2020() throws {
        let fixture = try CLIFixture.withClient()
        let schema = try fixture.ok(["types", "org.carryover.mood-log", "--schema"]).object()
        #expect((schema["$schema"] as? String)?.contains("2020-12") == true)
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(
            Set(properties.keys) == ["mood", "emotions", "activities", "sleep_hours", "note"])
        #expect(schema["required"] as? [String] == ["mood"])
        let mood = try #require(properties["mood"] as? [String: Any])
        #expect(mood["minimum"] as? Int == 0)
        #expect(mood["maximum"] as? Int == 10)
    }

    @Test func anUnknownTypeNamesTheClosestOnes() throws {
        let fixture = try CLIFixture.withClient()
        try fixture.fails(
            ["types", "org.carryover.mood-lg"], status: Exit.notFound,
            saying: "no homework type 'org.carryover.mood-lg'",
            "Did you mean 'org.carryover.mood-log'", "carryover types")
    }
}
