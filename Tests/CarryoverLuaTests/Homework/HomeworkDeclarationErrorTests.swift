import CarryoverCore
import Testing

@testable import CarryoverLua

/// Declaration mistakes are errors that name the plugin's file and line.
@Suite struct HomeworkDeclarationErrorTests {
    private func loadError(_ source: String) -> SandboxError? {
        sandboxError { _ = try HomeworkType(source: source, file: "walks.lua") }
    }

    @Test func missingIdNamesTheLineOfHomework() {
        let error = loadError(
            """
            -- a walk log
            homework {
              version = "1.0.0", title = "Walks", instructions = "Walk.",
              fields = { field.duration("minutes") },
            }
            """)
        #expect(error?.file == "walks.lua")
        #expect(error?.line == 2)
        #expect(error?.message == "homework: 'id' is missing (a non-empty string)")
    }

    @Test func badVersionInATailCallStillGetsALine() {
        // `return homework {...}` is a tail call: Lua loses the caller's line,
        // so the loader puts the error at the line of `homework`.
        let error = loadError(
            """

            return homework {
              id = "org.example.walks", version = "1.0", title = "Walks", instructions = "Walk.",
              fields = { field.duration("minutes") },
            }
            """)
        #expect(error?.file == "walks.lua")
        #expect(error?.line == 2)
        #expect(
            error?.message
                == "homework: version '1.0' must be semantic (MAJOR.MINOR.PATCH, e.g. 1.0.0)")
    }

    @Test func unknownFieldKindNamesTheFieldsLine() {
        let error = loadError(
            """
            homework {
              id = "org.example.walks", version = "1.0.0", title = "Walks", instructions = "Walk.",
              fields = {
                field.duration("minutes"),
                field.colour("shoes"),
              },
            }
            """)
        #expect(error?.file == "walks.lua")
        #expect(error?.line == 5)
        #expect(
            error?.message.hasPrefix("unknown field kind 'colour'; the kinds are boolean") == true)
    }

    @Test func hookThatIsNotAFunction() {
        let error = loadError(
            """
            homework {
              id = "org.example.walks", version = "1.0.0", title = "Walks", instructions = "Walk.",
              fields = { field.duration("minutes") },
              feedback = "Well done",
            }
            """)
        #expect(error?.line == 1)
        #expect(error?.message == "homework: 'feedback' must be a function, not a string")
    }

    @Test func misspelledOptionAndKey() {
        let option = loadError(
            """
            homework {
              id = "org.example.walks", version = "1.0.0", title = "Walks", instructions = "Walk.",
              fields = { field.text("note", { maxlength = 10 }) },
            }
            """)
        #expect(option?.line == 3)
        #expect(option?.message == "field.text: unknown option 'maxlength'")
        let key = loadError(
            """
            homework {
              id = "org.example.walks", version = "1.0.0", title = "Walks", instructions = "Walk.",
              fields = { field.text("note") }, scroe = function() end,
            }
            """)
        #expect(key?.message == "homework: unknown key 'scroe'")
        let rating = loadError(
            """
            homework {
              id = "org.example.walks", version = "1.0.0", title = "Walks", instructions = "Walk.",
              fields = {
                field.rating("effort", { min = 0 }),
              },
            }
            """)
        #expect(rating?.line == 4)
        #expect(rating?.message == "field.rating: needs whole-number min and max, min below max")
    }

    @Test func defaultThatBreaksItsOwnParam() {
        let error = loadError(
            """
            homework {
              id = "org.example.walks", version = "1.0.0", title = "Walks", instructions = "Walk.",
              fields = { field.duration("minutes") },
              params = { field.number("target", { min = 10, default = 5 }) },
            }
            """)
        #expect(error?.line == 1)
        #expect(error?.message == "homework: the default of param target must be at least 10")
    }

    @Test func fieldsKeyedByNameAndTwiceDeclaredScores() {
        let keyed = loadError(
            """
            homework { id = "org.example.walks", version = "1.0.0", title = "Walks",
              instructions = "Walk.", fields = { field.text("a"), note = field.text("note") } }
            """)
        #expect(
            keyed?.message
                == #"homework: 'fields' must be a plain list, e.g. { field.text("note") }"#)
        let twice = loadError(
            """
            homework { id = "org.example.walks", version = "1.0.0", title = "Walks",
              instructions = "Walk.", fields = { field.number("n") }, scores = { "n", "n" },
              score = function(entry) return { n = entry.n } end }
            """)
        #expect(twice?.message == "homework: score 'n' is declared twice")
    }

    /// Scores may carry the title people read: `{ name, title }`.
    @Test func scoresCarryTheirTitles() throws {
        let type = try HomeworkType(
            source: """
                homework { id = "org.example.walks", version = "1.0.0", title = "Walks",
                  instructions = "Walk.",
                  fields = { field.duration("minutes", { label = "Minutes walked" }), field.number("n") },
                  scores = { { "pace", "Pace (km/h)" }, "minutes", "n_steps" },
                  score = function(entry) return { pace = 5, minutes = entry.minutes, n_steps = 1 } end }
                """, file: "walks.lua")
        let declaration = type.declaration
        #expect(declaration.scores == ["pace", "minutes", "n_steps"])
        #expect(declaration.scoreTitles == ["pace": "Pace (km/h)"])
        // Without a title: the same-named field's label, else the name in words.
        #expect(
            ["pace", "minutes", "n_steps"].map(declaration.scoreTitle)
                == ["Pace (km/h)", "Minutes walked", "N steps"])
        let untitled = loadError(
            """
            homework { id = "org.example.walks", version = "1.0.0", title = "Walks",
              instructions = "Walk.", fields = { field.number("n") }, scores = { { "n" } },
              score = function(entry) return { n = entry.n } end }
            """)
        #expect(
            untitled?.message
                == "homework: scores[1] must be a name or { name, title } with a title of 1-80 characters"
        )
        let extra = loadError(
            """
            homework { id = "org.example.walks", version = "1.0.0", title = "Walks",
              instructions = "Walk.", fields = { field.number("n") },
              scores = { { "n", "N", unit = "km" } },
              score = function(entry) return { n = entry.n } end }
            """)
        #expect(
            extra?.message.hasPrefix("homework: scores[1] must be a name or { name, title }")
                == true)
    }

    @Test func pluginThatNeverDeclares() {
        let error = loadError("local x = 1")
        #expect(
            error?.message == "no homework type declared: the plugin must call homework { ... }")
    }

    @Test func syntaxErrorNamesFileAndLine() {
        let error = loadError("homework {\n  id = = 1\n}")
        #expect(error?.code == .syntax)
        #expect(error?.file == "walks.lua")
        #expect(error?.line == 2)
    }

    @Test func semanticVersionRules() {
        // semver.org: no leading zeros in MAJOR.MINOR.PATCH; pre-release and build allowed.
        for (version, valid) in [
            ("1.0.0", true), ("0.1.0-beta.2", true), ("2.0.0+build.5", true),
            ("01.0.0", false), ("1.0", false), ("v1.0.0", false),
        ] {
            let error = loadError(
                """
                homework { id = "org.example.walks", version = "\(version)", title = "Walks",
                  instructions = "Walk.", fields = { field.duration("minutes") } }
                """)
            #expect((error == nil) == valid, "\(version)")
        }
    }
}
