import Foundation
import Testing

/// Colour only for people at a terminal, and the interactive prompts.
@Suite struct TerminalTests {
    static let escape = "\u{1B}"

    @Test func noEscapeBytesWhenNotATerminal() throws {
        let fixture = try CLIFixture.withMoodLog()
        let logged = try fixture.ok(
            ["log", "c-017-1", "--set", "mood=2"], now: "2026-11-30T19:30:00Z")
        // Mood 2 is at the default alert level: the line would be yellow on a terminal.
        #expect(logged.stdout.contains("! Mood rated 2 of 10"))
        let status = try fixture.ok(["status", "c-017"], now: "2026-12-01T08:00:00Z")
        for output in [logged.stdout, status.stdout, logged.stderr, status.stderr] {
            #expect(!output.contains(Self.escape))
        }
    }

    @Test func coloursOnATerminalUnlessNO_COLORIsSet() throws {
        let fixture = try CLIFixture.withMoodLog()
        let coloured = try fixture.runInTerminal(
            ["log", "c-017-1", "--set", "mood=2"], now: "2026-11-30T19:30:00Z")
        #expect(coloured.status == 0, "\(coloured.stdout)")
        // The check below can fail: a terminal does get colour.
        #expect(coloured.stdout.contains(Self.escape))
        let plain = try fixture.runInTerminal(
            ["log", "c-017-1", "--set", "mood=3"], now: "2026-12-01T19:30:00Z",
            environment: ["NO_COLOR": "1"])
        #expect(plain.status == 0, "\(plain.stdout)")
        #expect(plain.stdout.contains("✓ Logged"))
        #expect(!plain.stdout.contains(Self.escape))
        let status = try fixture.runInTerminal(
            ["status", "c-017"], now: "2026-12-02T08:00:00Z", environment: ["NO_COLOR": "1"])
        #expect(status.stdout.contains("Adherence: 2 of 2 scheduled times done (100%)"))
        #expect(!status.stdout.contains(Self.escape))
    }

    @Test func promptsAskEveryFieldAndLogTheAnswers() throws {
        let fixture = try CLIFixture.withMoodLog()
        let answers = [
            "six",  // not a number: asked again
            "6",  // mood
            "",  // emotions: no, none to add
            "walked to the park",  // activities #1
            "",  // activities: an empty answer ends the list
            "7.5",  // hours slept
            "",  // note skipped
        ].map { $0 + "\n" }.joined()
        let result = try fixture.runInTerminal(
            ["log", "c-017-1"], answers: answers, now: "2026-11-30T19:30:00Z",
            environment: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("Mood log\n"))
        // The label already gives the range, so the prompt does not repeat it.
        #expect(result.stdout.contains("Mood today (0-10): "))
        #expect(result.stdout.contains("That does not fit [0-10]; try again."))
        #expect(result.stdout.contains("✓ Logged for Mon 2026-11-30 21:00"))
        let entries = try fixture.history()
        #expect(entries.count == 1)
        let fields = try #require(entries.first?["fields"] as? [String: Any])
        #expect(fields["mood"] as? Int == 6)
        #expect(fields["activities"] as? [String] == ["walked to the park"])
        #expect(fields["sleep_hours"] as? Double == 7.5)
        #expect((fields["emotions"] as? [Any] ?? []).isEmpty)
        #expect(fields["note"] == nil)
    }
}

extension TerminalTests {
    /// The thought record answered at the prompts, as in Docs/getting-started.md:
    /// lists of emotions ask "add one?" before each item, so Enter ends them.
    @Test func promptsForAThoughtRecordWithEmotionLists() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        let answers = [
            "Presentation at work tomorrow",
            "y", "anxious", "75", "",  // emotions: one, then no more
            "I will freeze and everyone will notice", "85",
            "I froze once in 2019", "",  // evidence for
            "I gave three talks this year without freezing", "My notes help me", "",
            "6 7",  // fortune telling, magnification (thought_record.lua's order)
            "I may feel nervous, and I have managed before", "70", "40",
            "y", "anxious", "45", "",  // emotions after
        ].map { $0 + "\n" }.joined()
        let result = try fixture.runInTerminal(
            ["log", "c-017-1"], answers: answers, now: "2026-11-30T18:20:00Z",
            environment: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("  #2 add one? [y/N]: "))
        // belief 85 -> 40 is -45; anxious 75 -> 45 is -30 (thought_record.lua's scores).
        // Scores under the homework type's own titles, not their identifiers.
        #expect(
            result.stdout.contains(
                """
                  Scores:
                    Change in emotion intensity (points, after minus before): -30
                    Change in belief in the thought (points, after minus before): -45
                """))
        #expect(result.stdout.contains("    Thinking traps named: 2\n"))
        let fields = try #require(try fixture.history().first?["fields"] as? [String: Any])
        let emotions = try #require(fields["emotions"] as? [[String: Any]])
        #expect(emotions.count == 1)
        #expect(emotions.first?["name"] as? String == "anxious")
        #expect(emotions.first?["intensity"] as? Int == 75)
        #expect(
            fields["distortions"] as? [String] == ["fortune_telling", "magnification_minimization"])
        #expect((fields["evidence_against"] as? [String])?.count == 2)
    }
}
