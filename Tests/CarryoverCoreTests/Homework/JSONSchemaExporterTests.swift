import Testing

@testable import CarryoverCore

@Suite struct JSONSchemaExporterTests {
    let declaration = HomeworkDeclaration(
        id: "org.example.walks", version: "1.0.0", title: "Walks", instructions: "Walk.",
        fields: [
            FieldSpec(name: "note", kind: .text(maxLength: 10), label: "Note", optional: true),
            FieldSpec(
                name: "mood", kind: .choice([Choice(value: "ok", label: "OK")]), label: "Mood",
                help: "Pick one"),
            FieldSpec(name: "km", kind: .number(NumberBounds(min: 1, step: 0.5)), label: "Km"),
            FieldSpec(name: "feel", kind: .emotion, label: "Feeling"),
        ],
        params: [
            FieldSpec(
                name: "days",
                kind: .multiChoice(
                    [Choice(value: "mon", label: "Monday")], count: CountBounds(min: 1)),
                label: "Days", defaultValue: ["mon"])
        ])

    @Test func exportsTheEntrySchema() {
        // Expected text written by hand from the draft 2020-12 keywords.
        let expected = """
            {"$id":"urn:carryover:org.example.walks:1.0.0:entry",\
            "$schema":"https://json-schema.org/draft/2020-12/schema",\
            "additionalProperties":false,"description":"Walk.",\
            "properties":{\
            "feel":{"additionalProperties":false,"properties":{\
            "intensity":{"maximum":100,"minimum":0,"title":"Intensity (0-100)","type":"integer"},\
            "name":{"maxLength":60,"minLength":1,"title":"Emotion","type":"string"}},\
            "required":["name","intensity"],"title":"Feeling","type":"object"},\
            "km":{"minimum":1,"multipleOf":0.5,"title":"Km","type":"number"},\
            "mood":{"description":"Pick one","oneOf":[{"const":"ok","title":"OK"}],"title":"Mood"},\
            "note":{"maxLength":10,"title":"Note","type":["string","null"]}},\
            "required":["mood","km","feel"],"title":"Walks","type":"object"}
            """
        #expect(JSONSchemaExporter.entrySchema(of: declaration).canonicalJSON() == expected)
    }

    @Test func paramsWithDefaultsAreNotRequired() {
        let schema = JSONSchemaExporter.paramsSchema(of: declaration)
        #expect(schema["required"] == [])
        #expect(
            schema["properties"]?["days"]
                == [
                    "type": "array", "title": "Days", "default": ["mon"], "minItems": 1,
                    "uniqueItems": true, "items": ["oneOf": [["const": "mon", "title": "Monday"]]],
                ])
    }

    @Test func leavesOutMultipleOfWhenStepsDoNotStartAtAMultiple() {
        // min 1, step 2 allows 1, 3, 5; `multipleOf: 2` would allow 2, 4 instead.
        let odd = HomeworkDeclaration(
            id: "a.b", version: "1.0.0", title: "T", instructions: "",
            fields: [FieldSpec(name: "n", kind: .number(NumberBounds(min: 1, step: 2)))])
        #expect(
            JSONSchemaExporter.entrySchema(of: odd)["properties"]?["n"] == [
                "type": "number", "minimum": 1, "title": "n",
            ])
    }
}
