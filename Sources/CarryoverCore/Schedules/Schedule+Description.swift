import Foundation

extension Schedule: CustomStringConvertible {
    /// The schedule in words for the CLI, e.g.
    /// "daily at 20:00 for 3 weeks, from 2026-03-01 (Europe/Berlin)".
    public var description: String {
        var text = patternWords
        if case .dates = pattern {} else { text += " " + Self.words(timing) }
        if let endWords { text += " " + endWords }
        text += ", " + startWords
        if graceMinutes > 0 { text += ", grace " + Self.words(minutes: graceMinutes) }
        return text + " (\(timeZone))"
    }

    private var patternWords: String {
        switch pattern {
        case .daily(1): return "daily"
        case .daily(let interval): return "every \(interval) days"
        case .weekly(let interval, let weekdays):
            let days = weekdays.isEmpty ? startDate.map { [$0.weekday] } ?? [] : weekdays.sorted()
            let every = interval == 1 ? "weekly" : "every \(interval) weeks"
            return days.isEmpty ? every : "\(every) on \(Self.list(days.map(\.shortName)))"
        case .dates(let dates):
            let each = dates.sorted { $0.date < $1.date }.map { custom in
                "\(custom.date) " + Self.words(custom.times.map { .at($0) } ?? timing)
            }
            return "on " + Self.list(each)
        }
    }

    private var startWords: String {
        switch start {
        case .on(let date): return "from \(date)"
        case .afterAnchor(let days, _):
            let offset =
                days == 0
                ? "on the day of the anchor" : "\(Self.count(days, "day")) after the anchor"
            guard let first = startDate else { return "starting \(offset), which is not set yet" }
            return "from \(first), \(offset)"
        }
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

    private static func words(minutes: Int) -> String {
        let (hours, rest) = minutes.quotientAndRemainder(dividingBy: 60)
        return [hours > 0 ? "\(hours) h" : nil, rest > 0 ? "\(rest) min" : nil]
            .compactMap { $0 }.joined(separator: " ")
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
