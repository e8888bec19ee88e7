import Foundation
import Testing

/// What a therapist types is read exactly or refused with where it stopped;
/// status, log and rewards speak plain clinical language.
@Suite struct ClinicianCommandTests {
    static let moodLog = ["assign", "c-017", "org.carryover.mood-log"]

    @Test func weekdayRangesAreReadAndNearMissesRefusedWithWhereItStopped() throws {
        let fixture = try CLIFixture.withClient()
        let assignment = try fixture.ok(
            Self.moodLog + ["--schedule", "weekly on mon-fri at 07:00", "--json"]
        ).object()
        let pattern = (assignment["schedule"] as? [String: Any])?["pattern"] as? [String: Any]
        let weekly = pattern?["weekly"] as? [String: Any]
        #expect(weekly?["weekdays"] as? [String] == ["mon", "tue", "wed", "thu", "fri"])
        try fixture.fails(
            Self.moodLog + ["--schedule", "weekly on mon-fry at 07:00"],
            status: Exit.invalidInput, saying: "read 'weekly' but not 'on mon-fry at 07:00'")
        try fixture.fails(
            Self.moodLog + ["--schedule", "daily at 21:00", "--rule", "5 of 7 days please"],
            status: Exit.invalidInput, saying: "read '5 of 7 days' but not 'please'")
    }

    @Test func aRuleOnAMissingScoreAndAnUnknownTaskAreRefused() throws {
        let fixture = try CLIFixture.withClient()
        try fixture.fails(
            Self.moodLog + ["--schedule", "daily at 21:00", "--rule", "sum of minutes 150"],
            status: Exit.invalidInput,
            saying: "reads a score 'minutes' that Mood log never gives (it gives mood, sleep_hours)"
        )
        try fixture.fails(
            Self.moodLog + ["--schedule", "daily at 21:00", "--task", "c-017-g1-p1-t9"],
            status: Exit.notFound, saying: "no task 'c-017-g1-p1-t9' in c-017's goals")
        let status = try fixture.ok(["status", "c-017"]).stdout
        #expect(status.contains("No assignments yet"))
    }

    /// The whole anchored path: waiting, the previous step completed, due, logged.
    @Test func anAssignmentAfterThePreviousStepStartsWhenThatOneIsCompleted() throws {
        let fixture = try CLIFixture.withClient()
        try fixture.ok(Self.moodLog + ["--schedule", "daily at 21:00"])
        let assigned = try fixture.ok(
            Self.moodLog + [
                "--after", "c-017-1", "--schedule",
                "daily at 21:00 for 1 week starting 2 days after the previous step",
            ]
        ).stdout
        #expect(assigned.contains("  starts:        when c-017-1 is completed\n"))
        let waiting = try fixture.ok(["status", "c-017"]).stdout
        #expect(
            waiting.contains(
                "  Not started: waits for the previous step (starts when c-017-1 is completed; "
                    + "or 'carryover assignment start c-017-2')."))
        // Wednesday 2 December, 10:00 Berlin.
        let wednesday = "2026-12-02T09:00:00Z"
        try fixture.ok(
            ["assignment", "complete", "c-017-1", "--reason", "steady for a week"], now: wednesday)
        let started = try fixture.ok(["status", "c-017"], now: wednesday).stdout
        #expect(started.contains("  Next due: Fri 2026-12-04 21:00\n"))
        let json = try fixture.ok(["status", "c-017", "--json"], now: wednesday).object()
        let second = try #require(
            (json["assignments"] as? [[String: Any]])?.first { $0["id"] as? String == "c-017-2" })
        #expect(second["waitsForPreviousStep"] as? Bool == false)
        #expect(second["nextDue"] as? String == "2026-12-04T20:00:00Z")
        let logged = try fixture.ok(
            ["log", "c-017-2", "--set", "mood=7"], now: "2026-12-04T19:00:00Z"
        ).stdout
        #expect(logged.hasPrefix("✓ Logged for Fri 2026-12-04 21:00\n"))
        try fixture.fails(
            ["assignment", "start", "c-017-2"], status: Exit.refused,
            saying: "does not wait for a previous step")
    }

    @Test func anAssignmentCanBeStartedByHand() throws {
        let fixture = try CLIFixture.withClient()
        try fixture.ok(
            Self.moodLog + [
                "--schedule", "daily at 21:00 starting the day after the previous step",
            ])
        let text = try fixture.ok(
            ["assignment", "start", "c-017-1", "--at", "2026-11-30 08:30"]).stdout
        #expect(
            text
                == "Started c-017-1: daily at 21:00, from 2026-12-01, 1 day after the previous "
                + "step (Europe/Berlin)\n")
        try fixture.fails(
            ["assignment", "start", "c-017-1", "--at", "2026-12-30 08:30"],
            status: Exit.invalidInput, saying: "cannot be done in the future")
    }

    /// An abandoned assignment is summed up, not listed as a page of misses.
    @Test func anAbandonedAssignmentIsSummedUpWithoutFlagsOrNextDue() throws {
        let fixture = try CLIFixture.withClient()
        try fixture.ok(Self.moodLog + ["--schedule", "daily at 21:00"])
        try fixture.ok(["log", "c-017-1", "--set", "mood=5"], now: "2026-11-30T19:00:00Z")
        let friday = "2026-12-04T08:00:00Z"
        #expect(try fixture.ok(["status", "c-017"], now: friday).stdout.contains("  ! "))
        try fixture.ok(["assignment", "abandon", "c-017-1", "--reason", "moved"], now: friday)
        let later = try fixture.ok(["status", "c-017"], now: "2026-12-20T08:00:00Z").stdout
        #expect(
            later.contains(
                "  Ended (abandoned) on 2026-12-04: 1 of 4 scheduled times done (25%) before it ended.\n"
            ))
        #expect(!later.contains("Next due"))
        #expect(!later.contains("  ! "))
        let json = try fixture.ok(["status", "c-017", "--json"], now: "2026-12-20T08:00:00Z")
            .object()
        let assignment = try #require((json["assignments"] as? [[String: Any]])?.first)
        #expect(assignment["nextDue"] == nil)
        #expect((assignment["barriers"] as? [Any])?.isEmpty == true)
    }

    @Test func operantReinforcersAreNamedListedAndDelivered() throws {
        let fixture = try CLIFixture.withClient()
        let assigned = try fixture.ok(
            Self.moodLog + ["--schedule", "daily at 21:00", "--reinforce", "FR 2 with a sticker"]
        ).stdout
        #expect(assigned.contains("  reinforcement: FR 2: a sticker for every 2nd entry\n"))
        try fixture.fails(
            Self.moodLog + ["--schedule", "daily at 21:00", "--reinforce", "FI 1 week"],
            status: Exit.invalidInput, saying: "name the reinforcer after 'with'")
        try fixture.ok(["log", "c-017-1", "--set", "mood=5"], now: "2026-11-30T19:00:00Z")
        let second = try fixture.ok(
            ["log", "c-017-1", "--set", "mood=6"], now: "2026-12-01T19:00:00Z"
        ).stdout
        #expect(second.contains("For the client:\n  ★ You earned a sticker.\n"))
        let shown = try fixture.ok(["rewards", "show", "c-017-1"]).stdout
        #expect(
            shown
                == """
                Ledger:
                  0  2026-12-01  a sticker (entry 2), to deliver
                1 to deliver: mark each with 'carryover rewards deliver c-017-1 LINE'.

                """)
        let delivered = try fixture.ok(["rewards", "deliver", "c-017-1", "0"]).stdout
        #expect(delivered == "Delivered line 0: a sticker (entry 2), delivered.\n")
        let json = try fixture.ok(["rewards", "show", "c-017-1", "--json"]).object()
        let lines = try #require(json["ledger"] as? [[String: Any]])
        #expect(lines.map { $0["kind"] as? String } == ["reinforcer", "deliver"])
        #expect(lines.first?["item"] as? String == "a sticker")
        #expect(lines.first?["pending"] as? Bool == false)
        try fixture.fails(
            ["rewards", "deliver", "c-017-1", "0"], status: Exit.refused,
            saying: "Ledger line 0 is not waiting to be delivered")
    }

    /// 150 on a 0-10 rating is asked again at once; the entry is not thrown away.
    @Test func aValueOutOfBoundsIsAskedAgainAtOnce() throws {
        let fixture = try CLIFixture.withClient()
        try fixture.ok(Self.moodLog + ["--schedule", "daily at 21:00"])
        let answers = ["150", "6", "", "", "25", "7.5", ""].map { $0 + "\n" }.joined()
        let result = try fixture.runInTerminal(
            ["log", "c-017-1"], answers: answers, now: "2026-11-30T19:30:00Z",
            environment: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("It must be at most 10; try again."))
        #expect(result.stdout.contains("It must be at most 24; try again."))
        let fields = try #require(try fixture.history().first?["fields"] as? [String: Any])
        #expect(fields["mood"] as? Int == 6)
        #expect(fields["sleep_hours"] as? Double == 7.5)
    }
}

/// A plugin's own progress (the ladder's step) shows in status, its JSON and
/// `assignment show`, and `log` announces a step mastered when it happens.
@Suite struct PluginProgressCommandTests {
    static let ladderParams = """
        { "steps": [
            { "situation": "Look at a photo of a dog", "expected_suds": 20 },
            { "situation": "Stand across the street from a dog", "expected_suds": 50 },
            { "situation": "Pet a small dog", "expected_suds": 80 } ],
          "sessions": 2 }
        """
    /// Peak 60 falling to 20, a 66% drop: meets the ladder's "either" criterion.
    static let session = [
        "--set", "step=1", "--set", "suds_before=40", "--set", "suds_peak=60",
        "--set", "suds_after=20", "--set", "minutes=25",
    ]

    @Test func theLadderStepShowsEverywhereAndItsChangeIsAnnounced() throws {
        let fixture = try CLIFixture.withClient()
        let params = try fixture.file("ladder.json", Self.ladderParams)
        try fixture.ok([
            "assign", "c-017", "org.carryover.exposure-ladder", "--params-file", params,
            "--schedule", "daily at 18:00",
        ])
        let before = try fixture.ok(["status", "c-017"]).stdout
        #expect(
            before.contains(
                "  Progress: on step 1 of 3 (Look at a photo of a dog), 0 of 2 sessions in a row met\n"
            ))
        let first = try fixture.ok(["log", "c-017-1"] + Self.session, now: "2026-11-30T16:00:00Z")
        #expect(
            first.stdout.contains("  Progress: on step 1 of 3 (Look at a photo of a dog), 1 of 2"))
        #expect(!first.stdout.contains("mastered"))
        let second = try fixture.ok(
            ["log", "c-017-1"] + Self.session, now: "2026-12-01T16:00:00Z")
        #expect(
            second.stdout.contains(
                "  ▲ Step 1 mastered: next is step 2 of 3 (Stand across the street from a dog).\n"))
        let json = try fixture.ok(
            ["log", "c-017-1"] + Self.session + ["--json"], now: "2026-12-02T16:00:00Z"
        ).object()
        // Step 1 again after moving up changes nothing: the ladder is on step 2.
        #expect(json["progressChange"] == nil)
        #expect((json["progress"] as? [String: Any])?["step"] as? Int == 2)
        let status = try fixture.ok(["status", "c-017"], now: "2026-12-03T08:00:00Z").stdout
        #expect(
            status.contains(
                "  Progress: on step 2 of 3 (Stand across the street from a dog), 0 of 2 sessions "
                    + "in a row met; mastered step 1\n"))
        let statusJSON = try fixture.ok(["status", "c-017", "--json"]).object()
        let progress = try #require(
            (statusJSON["assignments"] as? [[String: Any]])?.first?["progress"] as? [String: Any])
        #expect((progress["state"] as? [String: Any])?["mastered"] as? [Int] == [1])
        #expect((progress["summary"] as? String)?.hasPrefix("on step 2 of 3") == true)
        let shown = try fixture.ok(["assignment", "show", "c-017-1"]).stdout
        #expect(
            shown.contains("  progress:      on step 2 of 3 (Stand across the street from a dog)"))
        let shownJSON = try fixture.ok(["assignment", "show", "c-017-1", "--json"]).object()
        #expect(
            ((shownJSON["progress"] as? [String: Any])?["state"] as? [String: Any])?["step"]
                as? Int == 2)
        #expect(shownJSON["id"] as? String == "c-017-1")
    }
}

/// Every number in JSON output survives a double: a seed above 2^53 is a string.
@Suite struct JSONNumberTests {
    /// Integers JSON output may hold as numbers.
    static let exact = 9_007_199_254_740_992

    @Test func seedsAndLargeIntegersAreStrings() throws {
        let fixture = try CLIFixture.withClient()
        let assigned = try fixture.ok(
            ["assign", "c-017", "org.carryover.mood-log", "--schedule", "daily at 21:00", "--json"]
        )
        let seed = try assigned.object()["seed"]
        // A random 64-bit seed is beyond 2^53 all but once in 2048 draws; either way
        // it must read back exactly.
        if let text = seed as? String {
            #expect(UInt64(text).map { $0 > UInt64(Self.exact) } == true)
        } else {
            #expect((seed as? NSNumber).map { $0.uint64Value <= UInt64(Self.exact) } == true)
        }
        for output in [
            assigned.stdout, try fixture.ok(["assignment", "show", "c-017-1", "--json"]).stdout,
        ] {
            #expect(Self.largeIntegerLiterals(in: output).isEmpty, "\(output)")
        }
    }

    /// Integer literals outside strings whose magnitude is above 2^53.
    static func largeIntegerLiterals(in json: String) -> [String] {
        var found: [String] = []
        var inString = false
        var escaped = false
        var token = ""
        for character in json + " " {
            if inString {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                }
                continue
            }
            if character == "\"" {
                inString = true
                continue
            }
            if character.isNumber || character == "-" {
                token.append(character)
                continue
            }
            if character == "." || character == "e" || character == "E" {
                token = "x"
                continue
            }
            if !token.isEmpty, token != "x", let value = Decimal(string: token),
                abs(value) > Decimal(Self.exact)
            {
                found.append(token)
            }
            token = ""
        }
        return found
    }
}
