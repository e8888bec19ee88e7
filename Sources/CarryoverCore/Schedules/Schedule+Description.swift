import Foundation

extension Schedule: CustomStringConvertible {
    /// The schedule in words for the CLI, e.g.
    /// "daily at 20:00 for 3 weeks, from 2026-03-01 (Europe/Berlin)".
    ///
    /// Without a set anchor, everything before the time zone is ``phrase``.
    public var description: String {
        var text = phrase
        if case .afterAnchor(let days, .some) = start { text += ", " + Self.anchorWords(days) }
        return text + " (\(timeZone))"
    }

    /// The schedule as a phrase that ``init(phrase:timeZone:today:)`` reads
    /// back to a schedule with the same occurrences.
    public var phrase: String {
        var text = patternWords
        if case .dates(let dates) = pattern, dates.contains(where: { $0.times != nil }) {
        } else {
            text += " " + Self.words(timing)
        }
        if let endWords { text += " " + endWords }
        text += ", " + startWords
        if graceMinutes > 0 { text += ", grace " + Self.words(minutes: graceMinutes) }
        return text
    }

    private var patternWords: String {
        switch pattern {
        case .daily(1): return "daily"
        case .daily(let interval): return "every \(interval) days"
        case .weekly(let interval, let weekdays):
            let days = weekdays.isEmpty ? startDate.map { [$0.weekday] } ?? [] : weekdays.sorted()
            let every = interval == 1 ? "weekly" : "every \(interval) weeks"
            return days.isEmpty ? every : "\(every) on \(Self.list(days.map(\.shortName)))"
        case .dates(let dates) where dates.contains(where: { $0.times != nil }):
            let each = dates.sorted { $0.date < $1.date }.map { custom in
                "\(custom.date) " + Self.words(custom.times.map { .at($0) } ?? timing)
            }
            return "on " + Self.list(each)
        case .dates(let dates):
            return "on " + Self.list(dates.map(\.date).sorted().map(\.description))
        }
    }

    /// A set anchor reads back as the date it gives.
    private var startWords: String {
        guard let first = startDate else {
            if case .afterAnchor(let days, _) = start {
                return "starting " + Self.anchorWords(days)
            }
            return ""  // unreachable: only an unset anchor has no start date
        }
        return "from \(first)"
    }

    private static func anchorWords(_ days: Int) -> String {
        days == 0 ? "the day of the previous step" : "\(count(days, "day")) after the previous step"
    }

    private var endWords: String? {
        switch end {
        case .never: nil
        case .until(let date): "until \(date)"
        case .count(1): "once"
        case .count(let count): "\(count) times"
        case .after(let amount, .days): "for \(Self.count(amount, "day"))"
        case .after(let amount, .weeks): "for \(Self.count(amount, "week"))"
        }
    }

    private static func words(_ timing: Timing) -> String {
        switch timing {
        case .at(let times): "at " + list(times.sorted().map(\.description))
        case .window(let from, let to): "between \(from) and \(to)"
        case .allDay: "all day"
        }
    }

    /// "2 hours 30 minutes", "1 day": the grace window as the reader reads it.
    private static func words(minutes: Int) -> String {
        let (days, dayRest) = minutes.quotientAndRemainder(dividingBy: 24 * 60)
        let (hours, rest) = dayRest.quotientAndRemainder(dividingBy: 60)
        return [
            days > 0 ? count(days, "day") : nil, hours > 0 ? count(hours, "hour") : nil,
            rest > 0 ? count(rest, "minute") : nil,
        ].compactMap { $0 }.joined(separator: " ")
    }

    private static func count(_ amount: Int, _ unit: String) -> String {
        amount == 1 ? "1 \(unit)" : "\(amount) \(unit)s"
    }

    /// "a", "a and b", "a, b and c".
    private static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        let head = items.dropLast()
        return head.isEmpty ? last : head.joined(separator: ", ") + " and " + last
    }
}
