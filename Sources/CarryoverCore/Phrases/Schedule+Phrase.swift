import Foundation

extension Schedule {
    /// Examples of the phrases ``init(phrase:timeZone:today:)`` reads, for help texts.
    public static let phraseExamples = [
        "daily at 20:00 for 3 weeks", "every 3 days at 18:30 until 2026-12-24",
        "weekly on mon wed fri at 07:30 for 6 weeks", "weekly on mon-fri at 07:00",
        "every 2 weeks on sat all day 4 times",
        "daily between 18:00 and 21:00 for 21 days grace 2 hours",
        "on 2026-12-03 2026-12-10 at 17:00", "daily at 19:00 from 2026-12-01 for 2 weeks",
        "daily at 10:00 for 1 week starting 2 days after the previous step",
    ]

    /// Reads a schedule from words, e.g. "daily at 20:00 for 3 weeks".
    ///
    /// Without a start it begins `today`; without a time it is all day. Every
    /// word must be used: a phrase with a word the reader does not know is
    /// refused with where reading stopped.
    /// - Throws: ``CoreError`` `.invalidSchedule` naming where reading stopped.
    public init(phrase: String, timeZone: String, today: LocalDate) throws(CoreError) {
        var reader = PhraseReader(phrase)
        guard let pattern = Self.readPattern(&reader) else {
            throw reader.stopped(
                .invalidSchedule, what: "schedule",
                example: "'daily at 20:00', 'every 3 days', 'weekly on mon-fri at 07:00'")
        }
        var clauses = Clauses()
        while !reader.atEnd {
            guard clauses.read(&reader) else {
                throw reader.stopped(
                    .invalidSchedule, what: "schedule", example: "'daily at 20:00 for 3 weeks'")
            }
        }
        try self.init(
            timeZone: timeZone, start: clauses.start ?? .on(today), pattern: pattern,
            timing: clauses.timing ?? .allDay, end: clauses.end ?? .never,
            graceMinutes: clauses.graceMinutes ?? 0)
    }

    private static func readPattern(_ r: inout PhraseReader) -> Pattern? {
        if r.take("daily") || r.take(sequence: ["every", "day"]) { return .daily(interval: 1) }
        if r.take("weekly") || r.take(sequence: ["every", "week"]) {
            return .weekly(interval: 1, weekdays: readWeekdays(&r))
        }
        if r.peek == "every", r.peekSecond.map(PhraseReader.isWholeNumber) == true {
            _ = r.next()
            guard let n = r.int() else { return nil }
            if r.takeAny(["days", "day"]) != nil { return .daily(interval: n) }
            if r.takeAny(["weeks", "week"]) != nil {
                return .weekly(interval: n, weekdays: readWeekdays(&r))
            }
            return nil
        }
        let weekdays = readWeekdays(&r)
        if !weekdays.isEmpty { return .weekly(interval: 1, weekdays: weekdays) }
        var dates: [CustomDate] = []
        _ = r.take("on")
        while let word = r.peek, let date = LocalDate(word) {
            _ = r.next()
            dates.append(CustomDate(date))
            if r.peek == "and", r.peekSecond.flatMap(LocalDate.init) != nil { _ = r.next() }
        }
        return dates.isEmpty ? nil : .dates(dates)
    }

    /// "on mon wed fri", "mon,wed", "mondays and fridays", "mon-fri",
    /// "monday to friday", "weekdays"; empty when no day is named.
    private static func readWeekdays(_ r: inout PhraseReader) -> [Weekday] {
        var copy = r
        _ = copy.take("on")
        var days: [Weekday] = []
        while let word = copy.peek {
            if word == "and", !days.isEmpty, copy.peekSecond.flatMap(WeekdayWords.days) != nil {
                _ = copy.next()
                continue
            }
            if let first = WeekdayWords.day(word), let joiner = copy.peekSecond,
                WeekdayWords.rangeWords.contains(joiner)
            {
                var range = copy
                _ = range.next()
                _ = range.next()
                // "mon to" without a day after it is left for the clauses, which refuse it.
                if let last = range.next().flatMap(WeekdayWords.day) {
                    copy = range
                    days += WeekdayWords.range(first, last)
                    continue
                }
            }
            guard let named = WeekdayWords.days(word) else { break }
            _ = copy.next()
            days += named
        }
        if days.isEmpty { return [] }
        r = copy
        return Array(Set(days)).sorted()
    }

    /// The clauses after the pattern, in any order, each at most once.
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
                    if r.peek == "and", r.peekSecond.flatMap(LocalTime.init) != nil { _ = r.next() }
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
            if r.take("once") { return .count(1) }
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

        /// "from 2026-12-01", "starting 2 days after the previous step".
        private func readStart(_ r: inout PhraseReader) -> Start? {
            guard r.takeAny(["from", "starting", "start", "starts"]) != nil else { return nil }
            _ = r.take("on")
            if let date = r.peek.flatMap(LocalDate.init) {
                _ = r.next()
                return .on(date)
            }
            let days: Int
            if r.take(sequence: ["the", "day", "of"]) {
                days = 0
            } else if r.take(sequence: ["the", "day", "after"]) {
                days = 1
            } else {
                guard let n = r.int(), r.takeAny(["days", "day"]) != nil, r.take("after") else {
                    return nil
                }
                days = n
            }
            _ = r.take("the")
            _ = r.takeAny(["previous", "last"])
            guard r.takeAny(["step", "task", "anchor", "assignment"]) != nil else { return nil }
            _ = r.take(sequence: ["is", "done"])
            return .afterAnchor(days: days, anchor: nil)
        }

        /// "grace 2 hours", "with grace 30 minutes", "grace 2 hours 30 minutes".
        ///
        /// Units must get smaller ("1 day 2 hours"), so in "grace 30 minutes
        /// 5 days" the "5 days" is the schedule's length, not more grace.
        private func readGrace(_ r: inout PhraseReader) -> Int? {
            guard r.take("grace") || r.take(sequence: ["with", "grace"]) else { return nil }
            var total: Int?
            var smallest = Int.max
            while r.peek.map(PhraseReader.isWholeNumber) == true,
                let unit = r.peekSecond, let minutes = Self.minutes(in: unit), minutes < smallest
            {
                smallest = minutes
                guard let n = r.int() else { return nil }
                _ = r.next()
                // Saturates, so the schedule's check refuses it naming the bound.
                let (sum, overflow) = PhraseReader.scaled(n, by: minutes)
                    .addingReportingOverflow(total ?? 0)
                total = overflow ? Int.max : sum
            }
            return total
        }

        private static func minutes(in unit: String) -> Int? {
            switch unit {
            case "minutes", "minute", "min", "mins": 1
            case "hours", "hour", "h": 60
            case "days", "day": 24 * 60
            default: nil
            }
        }
    }
}
