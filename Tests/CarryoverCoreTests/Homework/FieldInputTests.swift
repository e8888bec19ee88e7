import Testing

@testable import CarryoverCore

/// The one description of the field kinds: what a form renderer (the portal)
/// asks a kind for, and that the validator follows it.
@Suite struct FieldInputTests {
    @Test func eachKindDescribesItsControl() {
        let low = Choice(value: "low", label: "Low")
        #expect(FieldKind.text(maxLength: 5).input == .text(maxLength: 5))
        #expect(FieldKind.text(maxLength: 5).input.htmlInputType == "text")
        #expect(
            FieldKind.rating(min: 0, max: 10, anchors: [low]).input
                == .number(NumberBounds(min: 0, max: 10, integer: true), unit: nil, anchors: [low]))
        #expect(
            FieldKind.duration(NumberBounds(min: 1)).input
                == .number(NumberBounds(min: 1), unit: "minutes", anchors: []))
        #expect(FieldKind.number(NumberBounds()).input.htmlInputType == "number")
        #expect(
            FieldKind.choice([low]).input == .choice([low], multiple: false, count: CountBounds()))
        #expect(
            FieldKind.multiChoice([low], count: CountBounds(max: 1)).input
                == .choice([low], multiple: true, count: CountBounds(max: 1)))
        #expect(FieldKind.choice([low]).input.htmlInputType == nil)
        #expect(FieldKind.boolean.input.htmlInputType == "checkbox")
        #expect(FieldKind.date.input == .notation(.date))
        #expect(FieldKind.date.input.htmlInputType == "date")
        #expect(FieldKind.time.input.htmlInputType == "time")
        #expect(FieldKind.emotion.input == .group(EmotionScale.fields))
        #expect(FieldKind.emotion.input.asksSeveralThings)
        #expect(
            FieldKind.list(item: .emotion, count: CountBounds(min: 1)).input
                == .list(item: .emotion, count: CountBounds(min: 1)))
    }

    @Test func notationsSayHowTheyAreWritten() {
        #expect(TextNotation.date.placeholder == "YYYY-MM-DD")
        #expect(TextNotation.date.accepts("2024-02-29"))
        #expect(!TextNotation.date.accepts("2023-02-29"))
        #expect(TextNotation.date.schemaFormat == "date")
        #expect(TextNotation.time.accepts("23:59") && !TextNotation.time.accepts("24:00"))
        #expect(TextNotation.time.schemaFormat == nil)
    }

    /// The validator's message for a notation comes from the notation.
    @Test func theValidatorFollowsTheDescription() {
        let fields = [FieldSpec(name: "day", kind: .date), FieldSpec(name: "at", kind: .time)]
        let problems = FieldValidator.validate(
            ["day": "31/12/2025", "at": "9:30"], against: fields)
        #expect(
            problems.map(\.description) == [
                "day: expected \(TextNotation.date.expectation)",
                "at: expected \(TextNotation.time.expectation)",
            ])
    }
}

@Suite struct ScoreCodesTests {
    @Test func codesOfDeclaredScoresComeFromMetadata() {
        let declaration = HomeworkDeclaration(
            id: "org.a.b", version: "1.0.0", title: "T", instructions: "Do it", fields: [],
            scores: ["minutes", "mood"],
            metadata: [
                "loinc": ["mood": "00000-0", "other": "11111-1"],
                "units": ["minutes": "min", "mood": 3],
            ])
        #expect(
            declaration.scoreCodes
                == ScoreCodes(loinc: ["mood": "00000-0"], units: ["minutes": "min"]))
    }
}
