import Foundation
import Testing

@testable import CarryoverCore

/// Issue 15: "for 1000000 weeks" was accepted and then crashed the exports
/// (SIGILL in `Schedule.utcStamp`); grace in days and token counts could
/// overflow. Thousands of generated phrases, from the grammar's own words
/// with numbers and dates at and past every edge: each is read or refused
/// with one line, and whatever is read survives everything done with it
/// later (occurrences, iCalendar, descriptions, storing, reinforcement).
/// A trap anywhere ends this test process, so passing means none was hit.
@Suite struct PhraseFuzzTests {
    static let numbers = [
        "0", "1", "2", "3", "4", "5", "7", "10", "14", "21", "30", "60", "1", "2", "3", "6", "-1",
        "-5", "365", "521", "522", "3650", "3660",
        "3661", "10000", "10001", "1000000", "2147483648", "9223372036854775807",
        "99999999999999999999", "+3", "1e3", "3.5",
    ]
    static let dates = [
        "2026-12-01", "2026-02-29", "2024-02-29", "2026-02-30", "1899-12-31", "1900-01-01",
        "2199-12-31", "2200-01-01", "9999-12-31", "0001-01-01", "0000-01-01", "2026-13-01",
        "2036-12-01", "2026-1-1",
    ]
    static let times = ["00:00", "07:30", "20:00", "23:59", "24:00", "19:60", "7:30"]

    static func pick<T>(_ pool: [T], _ random: inout SeededRandom) -> T {
        pool[Int(random.nextUnitDouble() * Double(pool.count))]
    }

    /// Three in four phrases: a template of the grammar with its N, D and T
    /// filled from the edge values; the rest 1 to 12 words drawn at random.
    static func phrase(_ templates: [String], _ words: [String], _ random: inout SeededRandom)
        -> String
    {
        if random.nextUnitDouble() < 0.75 {
            return pick(templates, &random).split(separator: " ").map { word in
                switch word {
                case "N": pick(numbers, &random)
                case "D": pick(dates, &random)
                case "T": pick(times, &random)
                default: String(word)
                }
            }.joined(separator: " ")
        }
        let pools = [words, words, numbers, dates, times]
        return (0..<(1 + Int(random.nextUnitDouble() * 12))).map { _ in
            pick(pick(pools, &random), &random)
        }.joined(separator: " ")
    }

    /// Reads `count` generated phrases with `read`: each is read, then used
    /// with `use` (which must not fail), or refused with one line of
    /// ``CoreError``. Returns how many were read and refused.
    static func fuzz<T>(
        _ count: Int, seed: UInt64, _ templates: [String], _ words: [String],
        read: (String) throws -> T, then use: (T, String) throws -> Void
    ) throws -> (read: Int, refused: Int) {
        var random = SeededRandom(seed: seed)
        var (parsed, refused) = (0, 0)
        for _ in 0..<count {
            let text = phrase(templates, words, &random)
            let value: T
            do {
                value = try read(text)
            } catch {
                refused += 1
                let message = (error as? CoreError)?.message ?? "\(error)"
                #expect(error is CoreError, "\(text): \(type(of: error))")
                #expect(!message.contains("\n") && !message.isEmpty, "\(text)")
                continue
            }
            parsed += 1
            try use(value, text)
        }
        return (parsed, refused)
    }

    @Test func generatedSchedulePhrasesAreReadOrRefusedAndNeverTrap() throws {
        let words = [
            "daily", "weekly", "every", "day", "days", "week", "weeks", "on", "mon", "wed", "fri",
            "sun", "and", "at", "all", "between", "from", "to", "for", "times", "until",
            "starting", "after", "the", "previous", "step", "grace", "hours", "minutes",
        ]
        let templates = [
            "daily at T for N weeks", "every N days at T until D", "daily T",
            "weekly on mon wed fri at T for N weeks", "every N weeks on sat all day N times",
            "daily between T and T for N days grace N hours", "on D D at T",
            "daily at T from D for N weeks", "daily at T for N days starting N days after the step",
            "every N days grace N days", "daily at T and T until D grace N minutes",
        ]
        let today = LocalDate(year: 2026, month: 12, day: 1)!
        let (read, refused) = try Self.fuzz(4_000, seed: 15, templates, words) {
            try Schedule(phrase: $0, timeZone: "Europe/Berlin", today: today)
        } then: { schedule, text in
            try Self.exercise(schedule, text)
        }
        // The grammar is reachable: a fair share reads, and a fair share does not.
        #expect(read > 300 && refused > 500, "read \(read), refused \(refused)")
    }

    /// Everything later commands do with a stored schedule.
    static func exercise(_ schedule: Schedule, _ text: String) throws {
        _ = schedule.description
        _ = schedule.iCalendarRecurrence
        _ = schedule.rrule
        let start = schedule.startDate.map { $0.midnightUTC } ?? Date(timeIntervalSince1970: 0)
        for span in [86_400.0, 60 * 86_400.0] as [TimeInterval] {
            _ = schedule.occurrences(in: .clamped(start, start.addingTimeInterval(span)))
        }
        for index in [0, 1, 1_000, Schedule.maximumIndex, Int.max] {
            _ = schedule.occurrence(index: index)
        }
        _ = schedule.occurrence(for: start.addingTimeInterval(3_600))
        let anchored = try? schedule.anchored(at: start)
        _ = anchored?.iCalendarRecurrence
        let stored = try JSONEncoder().encode(schedule)
        #expect(try JSONDecoder().decode(Schedule.self, from: stored) == schedule, "\(text)")
    }

    @Test func generatedRulePhrasesAreReadOrRefusedAndNeverTrap() throws {
        let words = [
            "done", "of", "the", "last", "days", "in", "a", "row", "streak", "sum", "minutes",
            "80%", "150%", "over", "sessions", "accuracy", "total", "at", "most", "least", ">=",
            "<=", "every", "time", "all", "of:", ";", "plugin", "mastered", "using",
        ]
        let templates = [
            "N of N days", "N of the last N", "N in a row", "streak of N days",
            "80% over N sessions", "80% in N of N sessions", "sum of minutes N",
            "total at most N every time", "all of: N of N days; N in a row",
        ]
        let (read, _) = try Self.fuzz(3_000, seed: 1_513, templates, words) {
            try CompletionRule(phrase: $0)
        } then: { rule, _ in
            _ = rule.description
        }
        #expect(read > 300, "read \(read)")
    }

    @Test func generatedReinforcementPhrasesAreReadOrRefusedAndNeverTrap() throws {
        let words = [
            "none", "continuous", "fr", "vr", "fi", "vi", "days", "hours", "seconds", "week",
            "vouchers", "prize", "bowl", "cap", "token", "economy", "per", "completion", "bonus",
            "every", "tokens", "each", "a", "row",
        ]
        let templates = [
            "FR N", "VR N", "FI N days", "VI N hours", "prize bowl cap N", "token economy",
            "token economy N per completion", "token economy N per completion bonus N every N",
            "vouchers", "continuous",
        ]
        let t0 = Date(timeIntervalSince1970: 1_772_323_200)
        let (read, _) = try Self.fuzz(3_000, seed: 151_513, templates, words) {
            try ReinforcementSchedule(phrase: $0)
        } then: { schedule, _ in
            _ = schedule.description
            // A long run of completions and responses: balances stay finite.
            let plan = ReinforcementPlan(schedule: schedule)
            var state = ReinforcementState(startedAt: t0)
            for index in 0..<200 {
                let at = t0.addingTimeInterval(Double(index) * 86_400)
                state = try plan.apply(.entry(at: at), to: state, seed: 7).state
                state = try plan.apply(.completed(occurrence: index, at: at), to: state, seed: 7)
                    .state
            }
        }
        #expect(read > 300, "read \(read)")
    }

    /// The bounds a refusal names: "for 1000000 weeks" and its kin.
    @Test(arguments: [
        ("daily at 20:00 for 1000000 weeks", "1 to 522 weeks"),
        ("daily for 3661 days", "1 to 3660 days"),
        ("daily 10001 times", "1 to 10000 occurrences"),
        ("daily until 2037-12-01", "more than 3660 days"),
        ("daily from 2200-01-01", "outside 1900-01-01 to 2199-12-31"),
        ("every 99999999999999999999 days", "every 1 to 3650 days"),
        ("daily grace 9223372036854775807 hours", "grace must be 0 to 10080 minutes"),
        ("daily grace 9223372036854775807 days", "grace must be 0 to 10080 minutes"),
    ])
    func schedulesOutOfRangeAreRefusedNamingTheBound(_ text: String, _ bound: String) {
        let today = LocalDate(year: 2026, month: 12, day: 1)!
        #expect {
            _ = try Schedule(phrase: text, timeZone: "Europe/Berlin", today: today)
        } throws: { error in
            (error as? CoreError)?.message.contains(bound) == true
        }
    }

    @Test(arguments: [
        ("token economy 9223372036854775807 per completion", "1 to 1000"),
        ("VR 9223372036854775807", "1 to 1000"), ("FR 1001", "1 to 1000"),
        ("FI 400 days", "at most 365 days"), ("prize bowl cap 5000", "1 to 1000"),
        ("token economy 1 per completion bonus 5000000 every 7", "0 to 1000000"),
    ])
    func reinforcementOutOfRangeIsRefusedNamingTheBound(_ text: String, _ bound: String) {
        #expect {
            _ = try ReinforcementSchedule(phrase: text)
        } throws: { error in
            (error as? CoreError)?.message.contains(bound) == true
        }
    }

    @Test func generatedDateTextsAreParsedOrRefusedWithOneLine() {
        var random = SeededRandom(seed: 20_260_229)
        let pieces = [
            "2026", "-", "02", "29", "30", "T", " ", ":", "00", "10", "Z", "+", "18",
            "25", ".", "5", "9999", "0000", "13", "1", "60", "z", "t", "24", "-18:00",
        ]
        for _ in 0..<5_000 {
            let text = (0..<(1 + Int(random.nextUnitDouble() * 14))).map { _ in
                pieces[Int(random.nextUnitDouble() * Double(pieces.count))]
            }.joined()
            for parse in [
                { _ = try StrictDate.instant(text) }, { _ = try StrictDate.date(text) },
                { _ = try StrictDate.localDateTime(text) }, { _ = try StrictDate.time(text) },
            ] as [() throws -> Void] {
                do { try parse() } catch {
                    #expect(!"\(error)".contains("\n") && error is StrictDate.Problem, "\(text)")
                }
            }
        }
    }
}
