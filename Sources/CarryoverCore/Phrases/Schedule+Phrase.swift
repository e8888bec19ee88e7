import Foundation

extension Schedule {
    /// Examples of the phrases ``init(phrase:timeZone:today:)`` reads, for help texts.
    public static let phraseExamples = [
        "daily at 20:00 for 3 weeks", "every 3 days at 18:30 until 2026-12-24",
        "weekly on mon wed fri at 07:30 for 6 weeks", "every 2 weeks on sat all day 4 times",
        "daily between 18:00 and 21:00 for 21 days grace 2 hours",
        "on 2026-12-03 2026-12-10 at 17:00", "daily at 19:00 from 2026-12-01 for 2 weeks",
        "daily at 10:00 for 1 week starting 2 days after the previous step",
    ]

    /// Reads a schedule from words, e.g. "daily at 20:00 for 3 weeks".
    ///
    /// Without a start it begins `today`; without a time it is all day.
    /// - Throws: ``CoreError`` `.invalidSchedule` naming what was not understood.
    public init(phrase: String, timeZone: String, today: LocalDate) throws(CoreError) {
        var reader = PhraseReader(phrase)
        guard let pattern = Self.readPattern(&reader) else {
            throw Self.unreadable(phrase, "start with 'daily', 'every N days', 'weekly on mon wed'")
        }
        var clauses = Clauses()
        while !reader.atEnd {
            guard clauses.read(&reader) else {
                throw Self.unreadable(phrase, "'\(reader.peek ?? "")' is not understood")
            }
        }
        try self.init(
            timeZone: timeZone, start: clauses.start ?? .on(today), pattern: pattern,
            timing: clauses.timing ?? .allDay, end: clauses.end ?? .never,
            graceMinutes: clauses.graceMinutes ?? 0)
    }

    private static func unreadable(_ phrase: String, _ why: String) -> CoreError {
        CoreError(
            .invalidSchedule,
            "cannot read the schedule '\(phrase)': \(why); write it like 'daily at 20:00 for 3 weeks'"
        )
    }

    private static func readPattern(_ r: inout PhraseReader) -> Pattern? {
        if r.take("daily") || r.take(sequence: ["every", "day"]) { return .daily(interval: 1) }
        if r.take("weekly") { return .weekly(interval: 1, weekdays: readWeekdays(&r)) }
        if r.take("every"), let n = r.int() {
            if r.takeAny(["days", "day"]) != nil { return .daily(interval: n) }
            if r.takeAny(["weeks", "week"]) != nil {
                return .weekly(interval: n, weekdays: readWeekdays(&r))
            }
            return nil
        }
        _ = r.take("on")
        let weekdays = readWeekdays(&r)
        if !weekdays.isEmpty { return .weekly(interval: 1, weekdays: weekdays) }
        var dates: [CustomDate] = []
        while let word = r.peek, let date = LocalDate(word) {
            _ = r.next()
            dates.append(CustomDate(date))
        }
        return dates.isEmpty ? nil : .dates(dates)
    }

    /// "on mon wed fri", "mon,wed", "mondays and fridays"
    private static func readWeekdays(_ r: inout PhraseReader) -> [Weekday] {
        _ = r.take("on")
        var days: [Weekday] = []
        while let word = r.peek {
            if word == "and", !days.isEmpty {
                _ = r.next()
                continue
            }
            guard let day = Weekday.allCases.first(where: { word.hasPrefix($0.rawValue) }) else {
                break
            }
            _ = r.next()
            days.append(day)
        }
        return Array(Set(days)).sorted()
    }

    /// The clauses after the pattern, in any order.
    private struct Clauses {
        var timing: Timing?
        var end: End?
        var start: Start?
        var graceMinutes: Int?

        /// Reads one clause; on failure the reader is left where it was.
        mutating func read(_ r: inout PhraseReader) -> Bool {
            if timing == nil, let value = attempt(&r, readTiming) {
                timing = value
            } else if end == nil, let value = attempt(&r, readEnd) {
                end = value
            } else if start == nil, let value = attempt(&r, readStart) {
                start = value
            } else if graceMinutes == nil, let value = attempt(&r, readGrace) {
                graceMinutes = value
            } else {
                return false
            }
            return true
        }

        /// Runs `read` on a copy and keeps its progress only when it succeeds.
        private func attempt<T>(
            _ r: inout PhraseReader, _ read: (inout PhraseReader) -> T?
        ) -> T? {
            var copy = r
            guard let value = read(&copy) else { return nil }
            r = copy
            return value
        }

        private func readTiming(_ r: inout PhraseReader) -> Timing? {
            if r.take(sequence: ["all", "day"]) { return .allDay }
            if r.take("at") {
                var times: [LocalTime] = []
                while let word = r.peek, let time = LocalTime(word) {
                    _ = r.next()
                    times.append(time)
                    _ = r.take("and")
                }
                return times.isEmpty ? nil : .at(times.sorted())
            }
            if r.takeAny(["between", "from"]) != nil, let from = r.peek.flatMap(LocalTime.init) {
                _ = r.next()
                guard r.takeAny(["and", "to"]) != nil, let to = r.peek.flatMap(LocalTime.init)
                else { return nil }
                _ = r.next()
                return .window(from: from, to: to)
            }
            return nil
        }

        private func readEnd(_ r: inout PhraseReader) -> End? {
            if r.take("until"), let date = r.peek.flatMap(LocalDate.init) {
                _ = r.next()
                return .until(date)
            }
            _ = r.take("for")
            guard let n = r.int() else { return nil }
            if r.takeAny(["times", "time", "occurrences"]) != nil { return .count(n) }
            if r.takeAny(["days", "day"]) != nil { return .after(amount: n, unit: .days) }
            if r.takeAny(["weeks", "week"]) != nil { return .after(amount: n, unit: .weeks) }
            return nil
        }

        private func readStart(_ r: inout PhraseReader) -> Start? {
            guard r.takeAny(["from", "starting", "start"]) != nil else { return nil }
            _ = r.take("on")
            if let date = r.peek.flatMap(LocalDate.init) {
                _ = r.next()
                return .on(date)
            }
            guard let days = r.int(), r.takeAny(["days", "day"]) != nil, r.take("after") else {
                return nil
            }
            _ = r.take("the")
            _ = r.takeAny(["previous", "last"])
            _ = r.takeAny(["step", "task", "anchor"])
            return .afterAnchor(days: days, anchor: nil)
        }

        /// "grace 2 hours", "with grace 30 minutes"
        private func readGrace(_ r: inout PhraseReader) -> Int? {
            guard r.take("grace") || r.take(sequence: ["with", "grace"]),
                let n = r.int(), let unit = r.next()
            else { return nil }
            switch unit {
            case "minutes", "minute", "min": return n
            case "hours", "hour", "h": return PhraseReader.scaled(n, by: 60)
            case "days", "day": return PhraseReader.scaled(n, by: 24 * 60)
            default: return nil
            }
        }
    }
}
