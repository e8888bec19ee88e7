import Foundation
import Testing

@testable import CarryoverCore

/// The schedule reader never misreads silently: random schedules written in
/// random ways read back to the same occurrences, their own description reads
/// back to them too, and any phrase with a word the reader does not know is
/// refused with that word shown.
@Suite struct SchedulePhraseFuzzTests {
    static let today = LocalDate("2026-11-30")!
    static let zone = "Europe/Berlin"

    static func read(_ phrase: String) throws -> Schedule {
        try Schedule(phrase: phrase, timeZone: zone, today: today)
    }

    /// Same dues for the first 40 occurrences; an unset anchor is set to the
    /// same instant on both sides first.
    static func sameOccurrences(_ a: Schedule, _ b: Schedule) throws -> Bool {
        let anchor = ISO8601DateFormatter().date(from: "2026-12-02T09:00:00Z")!
        let left = a.startDate == nil ? try a.anchored(at: anchor) : a
        let right = b.startDate == nil ? try b.anchored(at: anchor) : b
        return (0..<40).allSatisfy { index in
            let x = left.occurrence(index: index)
            let y = right.occurrence(index: index)
            return x?.due == y?.due && x?.start == y?.start && x?.allDay == y?.allDay
        } && a.graceMinutes == b.graceMinutes
    }

    @Test func randomSchedulesWrittenAnyWayReadBackExactly() throws {
        var random = SeededRandom(seed: 2026)
        for round in 0..<2000 {
            let schedule = try RandomSchedule.make(&random, today: Self.today, zone: Self.zone)
            let phrase = RandomSchedule.phrase(for: schedule, today: Self.today, &random)
            let read: Schedule
            do {
                read = try Self.read(phrase)
            } catch {
                Issue.record("round \(round): '\(phrase)' was refused: \(error)")
                continue
            }
            #expect(
                try Self.sameOccurrences(schedule, read),
                "round \(round): '\(phrase)' misread as \(read)")
            // What the CLI shows reads back to the same schedule.
            let again = try Self.read(schedule.phrase)
            #expect(
                try Self.sameOccurrences(schedule, again),
                "round \(round): its own words '\(schedule.phrase)' read as \(again)")
        }
    }

    /// Words that look almost right: each must stop the reader, never be
    /// taken for something else (as "mon-fri" once was taken for Monday).
    static let strangers = [
        "monkey", "mon-fry", "tuesdy", "7pm", "7:00", "20:00pm", "fortnightly", "dayly",
        "2026-13-01", "-3", "+3", "3.5", "often", "please", "twice", "noon", "tomorrow", "mon-",
        "-fri", "weekdayz", "hourly", "1e3", "0x10", "nan", "inf", "sundays-ish", "mo",
    ]

    @Test func aWordTheReaderDoesNotKnowIsAlwaysRefusedAndShown() throws {
        var random = SeededRandom(seed: 53)
        for round in 0..<2000 {
            let schedule = try RandomSchedule.make(&random, today: Self.today, zone: Self.zone)
            var words = RandomSchedule.phrase(for: schedule, today: Self.today, &random)
                .split(separator: " ").map(String.init)
            let stranger = Self.strangers[RandomSchedule.below(Self.strangers.count, &random)]
            let position = RandomSchedule.below(words.count + 1, &random)
            words.insert(stranger, at: position)
            let phrase = words.joined(separator: " ")
            do {
                let read = try Self.read(phrase)
                Issue.record("round \(round): '\(phrase)' was read as \(read)")
            } catch let error as CoreError {
                #expect(error.code == .invalidSchedule)
                #expect(
                    error.message.contains(stranger.lowercased()),
                    "round \(round): the error for '\(phrase)' does not show '\(stranger)': \(error.message)"
                )
            }
        }
    }
}

/// Random valid schedules and random ways of writing them.
enum RandomSchedule {
    static func below(_ bound: Int, _ random: inout SeededRandom) -> Int {
        Int(random.next() % UInt64(bound))
    }

    static func coin(_ random: inout SeededRandom) -> Bool { random.next() % 2 == 0 }

    static func pick<T>(_ items: [T], _ random: inout SeededRandom) -> T {
        items[below(items.count, &random)]
    }

    static func make(_ random: inout SeededRandom, today: LocalDate, zone: String) throws
        -> Schedule
    {
        let startDate = today.adding(days: below(40, &random))
        let useDates = below(6, &random) == 0
        let start: Schedule.Start =
            !useDates && below(5, &random) == 0
            ? .afterAnchor(days: below(4, &random), anchor: nil) : .on(startDate)
        let pattern: Schedule.Pattern
        switch useDates ? 2 : below(2, &random) {
        case 0: pattern = .daily(interval: 1 + (coin(&random) ? 0 : below(5, &random)))
        case 1:
            let days = Weekday.allCases.filter { _ in below(3, &random) == 0 }
            pattern = .weekly(interval: 1 + (coin(&random) ? 0 : below(3, &random)), weekdays: days)
        default:
            let offsets = Set((0..<(1 + below(4, &random))).map { _ in below(30, &random) })
            pattern = .dates(offsets.sorted().map { .init(startDate.adding(days: $0)) })
        }
        let times = Set(
            (0..<(1 + below(3, &random))).map { _ in
                LocalTime(hour: below(24, &random), minute: pick([0, 15, 30, 45], &random))!
            })
        let timing: Schedule.Timing =
            switch below(3, &random) {
            case 0: .allDay
            case 1: .at(times.sorted())
            default:
                .window(
                    from: LocalTime(hour: below(12, &random), minute: 0)!,
                    to: LocalTime(hour: 12 + below(12, &random), minute: 30)!)
            }
        let end: Schedule.End =
            switch below(5, &random) {
            case 0: .never
            case 1: .until(startDate.adding(days: 30 + below(60, &random)))
            case 2: .count(1 + below(20, &random))
            case 3: .after(amount: 1 + below(30, &random), unit: .days)
            default: .after(amount: 1 + below(8, &random), unit: .weeks)
            }
        let grace = coin(&random) ? 0 : pick([15, 30, 60, 90, 120, 24 * 60, 150], &random)
        return try Schedule(
            timeZone: zone, start: start, pattern: pattern, timing: timing,
            end: useDates && start != .on(startDate) ? .never : end, graceMinutes: grace)
    }

    /// The schedule in one of the many ways a therapist may write it, clauses in any order.
    static func phrase(for schedule: Schedule, today: LocalDate, _ random: inout SeededRandom)
        -> String
    {
        var clauses: [String] = []
        switch schedule.timing {
        case .allDay: if coin(&random) { clauses.append("all day") }
        case .at(let times):
            let listed = times.map(\.description)
            clauses.append("at " + join(listed, &random))
        case .window(let from, let to):
            clauses.append(pick(["between \(from) and \(to)", "from \(from) to \(to)"], &random))
        }
        switch schedule.end {
        case .never: break
        case .until(let date): clauses.append("until \(date)")
        case .count(1): clauses.append(pick(["once", "1 time", "for 1 time"], &random))
        case .count(let n):
            clauses.append(pick(["\(n) times", "for \(n) times", "\(n) occurrences"], &random))
        case .after(let n, let unit):
            let noun = unit == .days ? (n == 1 ? "day" : "days") : (n == 1 ? "week" : "weeks")
            clauses.append(pick(["for \(n) \(noun)", "\(n) \(noun)"], &random))
        }
        switch schedule.start {
        case .on(let date) where date == today:
            if coin(&random) { clauses.append("from \(date)") }
        case .on(let date):
            clauses.append(
                pick(["from", "starting", "starting on", "start"], &random) + " \(date)")
        case .afterAnchor(0, _):
            clauses.append(
                pick(
                    ["starting the day of the previous step", "starting on the day of the step"],
                    &random))
        case .afterAnchor(let days, _):
            let step = pick(
                ["the previous step", "the last step", "the previous step is done"], &random)
            clauses.append(
                days == 1 && coin(&random)
                    ? "starting the day after \(step)"
                    : "starting \(days) \(days == 1 ? "day" : "days") after \(step)")
        }
        if schedule.graceMinutes > 0 {
            let (hours, minutes) = schedule.graceMinutes.quotientAndRemainder(dividingBy: 60)
            let parts =
                coin(&random)
                ? ["\(schedule.graceMinutes) minutes"]
                : [
                    hours > 0 ? "\(hours) \(hours == 1 ? "hour" : "hours")" : nil,
                    minutes > 0 ? "\(minutes) min" : nil,
                ].compactMap { $0 }
            clauses.append(
                pick(["grace", "with grace"], &random) + " " + parts.joined(separator: " "))
        }
        clauses.shuffle(using: &random)
        return ([pattern(schedule.pattern, &random)] + clauses).joined(
            separator: pick([" ", ", "], &random))
    }

    private static func pattern(_ pattern: Schedule.Pattern, _ random: inout SeededRandom) -> String
    {
        switch pattern {
        case .daily(1): return pick(["daily", "every day", "every 1 days"], &random)
        case .daily(let n): return "every \(n) days"
        case .weekly(let n, let days):
            let every =
                n == 1
                ? pick(["weekly", "every week", "every 1 weeks"], &random) : "every \(n) weeks"
            guard !days.isEmpty else { return every }
            let named = weekdays(days, &random)
            if n == 1, coin(&random) { return pick(["on ", ""], &random) + named }
            return every + pick([" on ", " "], &random) + named
        case .dates(let dates):
            return pick(["on ", ""], &random) + join(dates.map(\.date.description), &random)
        }
    }

    private static let spellings: [Weekday: [String]] = [
        .monday: ["mon", "Monday", "mondays"], .tuesday: ["tue", "tues", "Tuesday"],
        .wednesday: ["wed", "weds", "Wednesdays"], .thursday: ["thu", "thurs", "Thursday"],
        .friday: ["fri", "Friday", "fridays"], .saturday: ["sat", "Saturday"],
        .sunday: ["sun", "Sundays"],
    ]

    private static func weekdays(_ days: [Weekday], _ random: inout SeededRandom) -> String {
        if days == [.monday, .tuesday, .wednesday, .thursday, .friday], coin(&random) {
            return pick(
                ["weekdays", "mon-fri", "Monday to Friday", "mon–fri", "mon through fri"], &random)
        }
        if days == [.saturday, .sunday], coin(&random) {
            return pick(["weekends", "sat-sun"], &random)
        }
        // A run of three or more written as a range, the rest named one by one.
        let offsets = days.map(\.offset)
        if let first = offsets.first, offsets.count >= 3,
            offsets == Array(first..<(first + offsets.count)), coin(&random)
        {
            let a = pick(spellings[days.first!]!, &random)
            let b = pick(spellings[days.last!]!, &random)
            return pick(["\(a)-\(b)", "\(a) to \(b)"], &random)
        }
        return join(days.map { pick(spellings[$0]!, &random) }, &random)
    }

    /// "a b c", "a, b, c", "a, b and c", "a and b and c".
    private static func join(_ items: [String], _ random: inout SeededRandom) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        switch below(3, &random) {
        case 0: return items.joined(separator: " ")
        case 1: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        default: return items.joined(separator: pick([", ", " and "], &random))
        }
    }
}
