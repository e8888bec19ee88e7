import CarryoverCore
import Testing

@testable import CarryoverLua

/// The DSL's `readings`: check questions become fields, the right answers
/// never leave the sandbox, and mistakes name the plugin's line.
@Suite struct ReadingDeclarationTests {
    private func load(_ checks: String, heading: String = "## Why it helps") throws -> HomeworkType
    {
        try HomeworkType(
            source: """
                homework {
                  id = "org.example.reading", version = "1.0.0", title = "Read", instructions = "Read.",
                  readings = { { id = "one", title = "One", text = "\(heading)\\n\\nText.",
                    checks = {
                      \(checks)
                    } } },
                }
                """, file: "reading.lua")
    }

    private let goodCheck = """
        { name = "q1", question = "Why?", section = "why-it-helps",
          choices = { { "a", "Because" }, { "b", "No reason" } }, answer = "a" },
        """

    @Test func theBuiltInTypeHasTwoReadingsAndNoAnswers() throws {
        let type = try builtIn("psychoeducation")
        let declaration = type.declaration
        #expect(declaration.readings.map(\.id) == ["thought_record", "sleep_hygiene"])
        #expect(declaration.readings.map { $0.checks.count } == [5, 5])
        #expect(declaration.params.map(\.name) == ["reading", "pass_mark"])
        #expect(declaration.params[1].defaultValue == 80)
        #expect(declaration.scores == ["correct", "percent_correct", "passed"])
        #expect(declaration.hooks == [.validate, .score, .feedback])
        // Each check field is a choice whose values are all offered alike:
        // nothing in the declaration marks the right one.
        let field = try #require(declaration.fields.first { $0.name == "tr_automatic" })
        guard case .choice(let choices) = field.kind else {
            Issue.record("tr_automatic is \(field.kind.dslName)")
            return
        }
        #expect(choices.map(\.value) == ["always_true", "comes_quickly", "planned"])
        // The schema offers every choice alike: `const` and `title`, nothing more.
        let schema = JSONSchemaExporter.entrySchema(of: declaration)
        let options = try #require(schema["properties"]?["tr_automatic"]?["oneOf"]?.array)
        #expect(options.count == 4)  // three choices and null (the field is optional)
        for option in options.dropLast() {
            #expect(option.object.map { Set($0.keys) } == ["const", "title"])
        }
    }

    @Test func everySectionACheckPointsToIsAHeadingOfItsText() throws {
        let declaration = try builtIn("psychoeducation").declaration
        for reading in declaration.readings {
            let anchors = Set(
                reading.markdown.split(separator: "\n").filter { $0.hasPrefix("#") }.map {
                    Reading.anchor(of: String($0.drop { $0 == "#" }))
                })
            for check in reading.checks { #expect(anchors.contains(check.section), "\(check)") }
        }
    }

    @Test func anAssignmentSeesOnlyItsReadingAndItsQuestionsRequired() throws {
        let declaration = try builtIn("psychoeducation").declaration
        #expect(declaration.fields.count == 10)
        #expect(declaration.fields.allSatisfy { $0.optional })
        let sleep = declaration.narrowed(toParams: ["reading": "sleep_hygiene"])
        #expect(sleep.readings.map(\.id) == ["sleep_hygiene"])
        #expect(sleep.fields.map(\.name).allSatisfy { $0.hasPrefix("sleep_") })
        #expect(sleep.fields.count == 5 && sleep.fields.allSatisfy { !$0.optional })
        // Without the param, the default (the first reading) is shown.
        #expect(declaration.narrowed(toParams: .null).readings.map(\.id) == ["thought_record"])
    }

    @Test func anchorsAgreeBetweenLuaAndSwift() throws {
        // The prelude accepts the section only if its anchor matches the heading's.
        let type = try load(
            goodCheck.replacingOccurrences(of: "why-it-helps", with: "caffeine-alcohol-nicotine"),
            heading: "### Caffeine, alcohol & nicotine! ##")
        #expect(type.declaration.readings[0].checks[0].section == "caffeine-alcohol-nicotine")
        #expect(Reading.anchor(of: "Caffeine, alcohol & nicotine! ") == "caffeine-alcohol-nicotine")
        #expect(Reading.anchor(of: "Schlaf für Ältere") == "schlaf-f-r-ltere")
    }

    @Test func aSectionThatIsNoHeadingNamesTheLine() {
        let error = sandboxError {
            _ = try load(goodCheck.replacingOccurrences(of: "why-it-helps", with: "why"))
        }
        #expect(error?.file == "reading.lua")
        #expect(error?.line == 1)
        #expect(
            error?.message
                == "homework: readings[1].checks[1]: section 'why' is not a heading's anchor in the text"
        )
    }

    @Test func anAnswerThatIsNoChoiceIsAnError() {
        let error = sandboxError {
            _ = try load(
                goodCheck.replacingOccurrences(of: "answer = \"a\"", with: "answer = \"c\""))
        }
        #expect(
            error?.message
                == "homework: readings[1].checks[1]: the answer must be one of its choices' values")
    }

    @Test func aTypeWithReadingsMayAddItsOwnScore() throws {
        let type = try HomeworkType(
            source: """
                homework {
                  id = "org.example.reading", version = "1.0.0", title = "Read", instructions = "Read.",
                  fields = { field.text("thoughts", { optional = true }) },
                  readings = { { id = "one", title = "One", text = "## A\\n\\nText.",
                    checks = { { name = "q1", question = "A?", section = "a",
                      choices = { "yes", "no" }, answer = "yes" } } } },
                  scores = { "length" },
                  score = function(entry) return { length = #(entry.thoughts or "") } end,
                }
                """, file: "reading.lua")
        let scores = try type.score(
            entry: ["q1": "no", "thoughts": "hmm"], params: .null, scope: "c1")
        // 0 of 1 right: 0%, below the default 80%.
        #expect(scores == ["length": 3, "correct": 0, "percent_correct": 0, "passed": 0])
        #expect(type.declaration.scores == ["correct", "percent_correct", "passed", "length"])
    }
}
