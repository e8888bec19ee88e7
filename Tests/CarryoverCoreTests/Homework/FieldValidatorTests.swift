import Testing

@testable import CarryoverCore

/// A small form with one field of each kind the validator treats differently.
let sampleFields: [FieldSpec] = [
    FieldSpec(name: "situation", kind: .text(maxLength: 5)),
    FieldSpec(name: "hours", kind: .number(NumberBounds(min: 0, max: 24, step: 0.5))),
    FieldSpec(name: "suds", kind: .rating(min: 0, max: 100, anchors: [])),
    FieldSpec(
        name: "mood",
        kind: .choice([Choice(value: "low", label: "Low"), Choice(value: "ok", label: "OK")])),
    FieldSpec(
        name: "tags",
        kind: .multiChoice(
            [Choice(value: "a", label: "A"), Choice(value: "b", label: "B")],
            count: CountBounds(max: 2))),
    FieldSpec(
        name: "things",
        kind: .list(
            item: .record([FieldSpec(name: "what", kind: .text(maxLength: 10))]),
            count: CountBounds(min: 1, max: 3))),
    FieldSpec(name: "emotions", kind: .list(item: .emotion, count: CountBounds())),
    FieldSpec(name: "done", kind: .boolean, optional: true),
    FieldSpec(name: "minutes", kind: .duration(NumberBounds(min: 0)), optional: true),
    FieldSpec(name: "day", kind: .date, optional: true),
    FieldSpec(name: "at", kind: .time, optional: true),
]

@Suite struct FieldValidatorTests {
    @Test func acceptsAValidEntry() {
        let entry: Value = [
            "situation": "bus", "hours": 1.5, "suds": 40, "mood": "ok", "tags": ["a", "b"],
            "things": [["what": "walk"]], "emotions": [["name": "fear", "intensity": 70]],
            "done": true, "minutes": 20, "day": "2024-02-29", "at": "23:59",
        ]
        #expect(FieldValidator.validate(entry, against: sampleFields) == [])
    }

    @Test func reportsEveryProblemWithItsPath() {
        let entry: Value = [
            "situation": "too long", "hours": 1.25, "suds": 101, "mood": "great",
            "tags": ["a", "a", "c"], "things": [["what": ""], ["how": "x"]],
            "emotions": [["name": "fear", "intensity": 50.5]], "done": "yes", "minutes": -5,
            "day": "2023-02-29", "at": "24:00", "extra": 1,
        ]
        let problems = FieldValidator.validate(entry, against: sampleFields).map(\.description)
        #expect(
            problems == [
                "situation: is 8 characters long; the most allowed is 5",
                "hours: must be in steps of 0.5",
                "suds: must be at most 100",
                "mood: must be one of 'low', 'ok'",
                "tags: allows at most 2 items; has 3",
                "tags[2]: is chosen twice",
                "tags[3]: must be one of 'a', 'b'",
                "things[1].what: must not be empty",
                "things[2].what: is required",
                "things[2].how: is not a field of this form",
                "emotions[1].intensity: must be a whole number",
                "done: expected true or false",
                "minutes: must be at least 0 minutes",
                "day: expected a date written YYYY-MM-DD",  // 2023 is not a leap year
                "at: expected a time written HH:MM (24-hour)",
                "extra: is not a field of this form",
            ])
    }

    @Test func reportsMissingRequiredFieldsAndAllowsMissingOptionalOnes() {
        let problems = FieldValidator.validate(["things": []], against: sampleFields)
        #expect(
            problems.map(\.description) == [
                "situation: is required", "hours: is required", "suds: is required",
                "mood: is required", "tags: is required", "things: needs at least 1 items; has 0",
                "emotions: is required",
            ])
    }

    @Test func refusesAnEntryThatIsNotAnObject() {
        #expect(
            FieldValidator.validate([1, 2], against: sampleFields).map(\.description) == [
                "expected an object"
            ])
    }

    @Test func checksCalendarDates() {
        // Gregorian leap years: divisible by 4, except centuries not divisible by 400.
        #expect(StrictDate.isDate("2000-02-29"))
        #expect(!StrictDate.isDate("1900-02-29"))
        #expect(!StrictDate.isDate("2024-04-31"))
        #expect(!StrictDate.isDate("2024-4-30"))
        #expect(StrictDate.isTime("00:00"))
        #expect(!StrictDate.isTime("7:30"))
    }

    @Test func stepsCountFromTheMinimum() {
        // min 1, step 2: 1, 3, 5 are allowed, 4 is not (hand-checked).
        let fields = [FieldSpec(name: "n", kind: .number(NumberBounds(min: 1, step: 2)))]
        #expect(FieldValidator.validate(["n": 5], against: fields) == [])
        #expect(
            FieldValidator.validate(["n": 4], against: fields).map(\.message) == [
                "must be in steps of 2"
            ])
        // 0.3 is 3 steps of 0.1 although 0.3 / 0.1 is 2.9999999999999996 in binary.
        let tenths = [FieldSpec(name: "n", kind: .number(NumberBounds(step: 0.1)))]
        #expect(FieldValidator.validate(["n": 0.3], against: tenths) == [])
    }
}
