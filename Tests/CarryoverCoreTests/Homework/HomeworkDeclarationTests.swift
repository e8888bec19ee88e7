import Testing

@testable import CarryoverCore

@Suite struct HomeworkDeclarationTests {
    /// The data the Lua prelude produces for a small homework type.
    let preludeData: Value = [
        "id": "org.example.walks", "version": "1.0.0", "title": "Walks",
        "instructions": "Walk each day.",
        "fields": [
            [
                "name": "minutes", "kind": "duration", "label": "Minutes walked", "min": 0,
                "max": 300,
            ],
            [
                "name": "places", "kind": "list", "label": "Places", "min_items": 1,
                "item": ["kind": "text", "label": "Place", "max_length": 40],
            ],
            [
                "name": "felt", "kind": "rating", "label": "How it felt", "min": 0, "max": 2,
                "anchors": [["value": 0, "label": "bad"], ["value": 2, "label": "good"]],
                "optional": true, "help": "0 bad, 2 good",
            ],
        ],
        "params": [
            ["name": "target", "kind": "number", "label": "Target", "default": 30, "min": 1]
        ],
        "scores": ["minutes"], "hooks": ["score", "feedback"],
        "metadata": ["loinc": "x"],
    ]

    @Test func readsThePreludeData() throws {
        let declaration = try HomeworkDeclaration(value: preludeData)
        #expect(declaration.id == "org.example.walks")
        #expect(declaration.hooks == [.score, .feedback])
        #expect(declaration.scores == ["minutes"])
        #expect(declaration.metadata == ["loinc": "x"])
        #expect(
            declaration.fields == [
                FieldSpec(
                    name: "minutes", kind: .duration(NumberBounds(min: 0, max: 300)),
                    label: "Minutes walked"),
                FieldSpec(
                    name: "places",
                    kind: .list(item: .text(maxLength: 40), count: CountBounds(min: 1)),
                    label: "Places"),
                FieldSpec(
                    name: "felt",
                    kind: .rating(
                        min: 0, max: 2,
                        anchors: [Choice(value: 0, label: "bad"), Choice(value: 2, label: "good")]),
                    label: "How it felt", help: "0 bad, 2 good", optional: true),
            ])
        #expect(declaration.params.first?.defaultValue == 30)
    }

    @Test func namesTheWrongKeyInMalformedData() {
        var data = preludeData.object!
        data["fields"] = [["name": "x", "kind": "colour"]]
        #expect(
            throws: CoreError(
                .invalidDeclaration, "homework.fields[1].kind: unknown field kind 'colour'")
        ) {
            try HomeworkDeclaration(value: .object(data))
        }
        data["hooks"] = ["score", "explode"]
        data["fields"] = []
        #expect(throws: CoreError(.invalidDeclaration, "homework.hooks: unknown hook 'explode'")) {
            try HomeworkDeclaration(value: .object(data))
        }
    }

    @Test func fillsInParamDefaultsButKeepsGivenValues() throws {
        let declaration = try HomeworkDeclaration(value: preludeData)
        #expect(declaration.applyingParamDefaults(to: .null) == ["target": 30])
        #expect(declaration.applyingParamDefaults(to: ["target": 10]) == ["target": 10])
        #expect(declaration.applyingParamDefaults(to: ["target": "x"]) == ["target": "x"])
        #expect(
            FieldValidator.validate(
                declaration.applyingParamDefaults(to: ["target": 0]), against: declaration.params
            ).map(\.description) == ["target: must be at least 1"])
    }
}
