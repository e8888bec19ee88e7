import CarryoverCore
import CarryoverPractice
import Foundation
import Mustache
import Testing

@testable import CarryoverServer

/// The form renderer and reader for every field kind the DSL has.
@Suite struct FormTests {
    static let fields: [FieldSpec] = [
        FieldSpec(name: "note", kind: .text(maxLength: 500), label: "Note", help: "Anything"),
        FieldSpec(name: "word", kind: .text(maxLength: 40), label: "Word"),
        FieldSpec(
            name: "hours", kind: .number(NumberBounds(min: 0, max: 24, step: 0.5)), label: "Hours"),
        FieldSpec(
            name: "mood", kind: .rating(min: 0, max: 10, anchors: [Choice(value: 0, label: "Low")])),
        FieldSpec(
            name: "suds",
            kind: .rating(min: 0, max: 100, anchors: [Choice(value: 100, label: "Worst")])),
        FieldSpec(
            name: "place",
            kind: .choice([Choice(value: "home", label: "Home"), Choice(value: 2, label: "Work")])),
        FieldSpec(
            name: "traps",
            kind: .multiChoice(
                [Choice(value: "a", label: "A"), Choice(value: "b", label: "B")],
                count: CountBounds()),
            optional: true),
        FieldSpec(name: "done", kind: .boolean),
        FieldSpec(name: "minutes", kind: .duration(NumberBounds(min: 1, integer: true))),
        FieldSpec(name: "day", kind: .date),
        FieldSpec(name: "at", kind: .time),
        FieldSpec(name: "feeling", kind: .emotion),
        FieldSpec(
            name: "people",
            kind: .list(
                item: .record([
                    FieldSpec(name: "name", kind: .text(maxLength: 80)),
                    FieldSpec(name: "phone", kind: .text(maxLength: 20), optional: true),
                ]), count: CountBounds(min: 1, max: 3))),
        FieldSpec(
            name: "steps", kind: .list(item: .text(maxLength: 100), count: CountBounds(max: 2)),
            optional: true),
    ]

    @Test func everyKindHasItsControl() {
        let views = FormRenderer(fields: Self.fields, input: FormInput(), problems: [])
            .views(Self.fields)
        let byName = Dictionary(uniqueKeysWithValues: views.map { ($0.name, $0) })
        #expect(byName["note"]!.isTextArea && byName["note"]!.hasHelp)
        #expect(byName["word"]!.isText && byName["word"]!.maxLength == "40")
        #expect(byName["hours"]!.isNumber && byName["hours"]!.step == "0.5")
        #expect(byName["mood"]!.isRadios && byName["mood"]!.options.count == 11)
        #expect(byName["mood"]!.options[0].label == "0 – Low")
        // 101 points are a number box, with the anchors in the help.
        #expect(byName["suds"]!.isNumber && byName["suds"]!.help == "100 = Worst")
        #expect(byName["place"]!.isRadios && byName["place"]!.options.map(\.value) == ["0", "1"])
        #expect(byName["traps"]!.isCheckboxes && byName["traps"]!.optional)
        #expect(byName["done"]!.isRadios && byName["done"]!.options.map(\.label) == ["Yes", "No"])
        #expect(byName["minutes"]!.isNumber && byName["minutes"]!.unit == "minutes")
        #expect(byName["day"]!.isDate && byName["at"]!.isTime)
        #expect(
            byName["feeling"]!.isGroup
                && byName["feeling"]!.children.map(\.name)
                    == ["feeling.name", "feeling.intensity"]
        )
        let people = byName["people"]!
        #expect(people.isList && people.rows.count == 2 && people.canAddRow)
        #expect(people.rows[1].children.map(\.id) == ["f-people-2-name", "f-people-2-phone"])
        #expect(byName["steps"]!.rows.count == 2 && !byName["steps"]!.canAddRow)
    }

    @Test func aFormReadsBackIntoAnEntryTheValidatorAccepts() {
        let input = FormInput([
            "note": ["Line one\r\nline two"], "word": ["calm"], "hours": ["7,5"], "mood": ["6"],
            "suds": ["40"], "place": ["1"], "traps": ["1", "0"], "done": ["true"],
            "minutes": ["20"], "day": ["2026-12-07"], "at": ["20:30"],
            "feeling.name": ["Calm"], "feeling.intensity": ["30"],
            "people[1].name": [""], "people[1].phone": [""],
            "people[2].name": ["Sam"], "people[2].phone": ["0123"],
            "steps[1]": [" "],
        ])
        var reader = FormReader(input: input)
        let entry = reader.entry(Self.fields)
        #expect(FieldValidator.validate(entry, against: Self.fields).isEmpty)
        #expect(entry.object?["note"] == "Line one\nline two")
        #expect(entry.object?["hours"] == .double(7.5))
        #expect(entry.object?["mood"] == .int(6))
        #expect(entry.object?["place"] == .int(2))
        #expect(entry.object?["traps"] == ["b", "a"])
        #expect(entry.object?["done"] == true)
        #expect(entry.object?["feeling"] == ["name": "Calm", "intensity": 30])
        // The empty first row is dropped and the rest renumbered.
        #expect(entry.object?["people"] == [["name": "Sam", "phone": "0123"]])
        #expect(reader.normalized.first("people[1].name") == "Sam")
        #expect(entry.object?["steps"] == [])
    }

    @Test func wrongTextStaysForTheValidatorToName() {
        var reader = FormReader(input: FormInput(["hours": ["lots"], "place": ["7"]]))
        let entry = reader.entry(Self.fields)
        let problems = FieldValidator.validate(entry, against: Self.fields)
        #expect(problems.contains(ValidationProblem(field: "hours", message: "expected a number")))
        #expect(problems.contains { $0.field == "place" && $0.message.hasPrefix("must be one of") })
    }

    @Test func problemsLandOnTheNearestControl() {
        #expect(FieldPath.control(for: "people[2].name", in: Self.fields) == "people[2].name")
        #expect(FieldPath.control(for: "traps[2]", in: Self.fields) == "traps")
        #expect(FieldPath.control(for: "feeling.intensity", in: Self.fields) == "feeling.intensity")
        #expect(FieldPath.control(for: "unknown", in: Self.fields) == "")
        let renderer = FormRenderer(
            fields: Self.fields, input: FormInput(),
            problems: [
                ValidationProblem(field: "traps[2]", message: "is chosen twice"),
                ValidationProblem(field: "", message: "the entry as a whole is odd"),
            ])
        #expect(renderer.errors["traps"] == "This is chosen twice.")
        #expect(renderer.formErrors == ["The entry as a whole is odd"])
    }

    @Test func theFieldChecksSpeakToTheClient() {
        #expect(ClientWording.message("is required") == "Please answer this.")
        #expect(
            ClientWording.message("needs at least 1 items; has 0") == "Please fill in at least 1.")
        #expect(ClientWording.message("must be at most 10") == "This must be at most 10.")
        #expect(ClientWording.message("list at least 1 piece") == "List at least 1 piece")
    }

    @Test func addingARowGrowsOnlyThatListUpToItsMaximum() {
        let input = FormInput(["people[3].name": ["Kim"]])
        let views = FormRenderer(
            fields: Self.fields, input: input, problems: [], grownList: "people"
        ).views(Self.fields)
        let people = views.first { $0.name == "people" }!
        #expect(people.rows.count == 3 && !people.canAddRow)  // max 3
        #expect(views.first { $0.name == "steps" }!.rows.count == 2)
    }

    /// The views answer Mustache by name (no reflection): every stored
    /// property must be answered, with its value.
    @Test func viewsAnswerEveryPropertyByName() {
        let views = FormRenderer(fields: Self.fields, input: FormInput(), problems: [])
            .views(Self.fields)
        let samples: [Any] = [
            views[0], views[3].options[0],
            LayoutView(
                title: "t", clinic: "c", signedIn: true, hasSafetyPlan: false, csrf: "x", body: "b"),
        ]
        for sample in samples { Self.expectEveryPropertyAnswered(sample) }
    }

    /// The result page's views too, with a reading's feedback (one line
    /// linking back to a section, one plain) so no property is nil.
    @Test func resultViewsAnswerEveryPropertyByName() async throws {
        let harness = try await PortalHarness()
        let outcome = try await harness.practice.log(
            assignmentID: "c-1-2",
            fields: .object(
                Dictionary(uniqueKeysWithValues: (1...9).map { ("item\($0)", Value.int(0)) })))
        let declaration = try harness.practice.declaration(of: "org.carryover.psychoeducation")
        let reading = try #require(
            ReadingFeedbackView(
                feedback: "Read “Why it helps” (#why-it-helps) again.\nWell done.",
                scores: ["passed": 1], declaration: declaration, ref: "r"))
        var result = ResultView(
            outcome, crisisMessage: "c", hasSafetyPlan: true, zone: .gmt, now: PortalHarness.start)
        result.reading = reading
        #expect(reading.lines.map(\.hasLink) == [true, false])
        for sample: Any in [result, reading, reading.lines[0]] {
            Self.expectEveryPropertyAnswered(sample)
        }
    }

    /// Every stored property of `sample` is answered by name, with the value
    /// Mustache's reflection gave (an optional's wrapped value).
    static func expectEveryPropertyAnswered(_ sample: Any) {
        let parent = sample as! any MustacheParent
        for property in Mirror(reflecting: sample).children {
            let name = property.label!
            let answer = parent.child(named: name)
            let value = Mirror(reflecting: property.value)
            let reflected: Any? =
                value.displayStyle == .optional ? value.children.first?.value : property.value
            #expect(answer != nil, "\(type(of: sample)).\(name)")
            #expect(
                answer.map { String(describing: $0) } == reflected.map { String(describing: $0) },
                "\(type(of: sample)).\(name)")
        }
    }
}
