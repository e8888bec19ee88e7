import Foundation

/// One local date of a schedule with the index of its first occurrence.
struct ScheduledDay {
    let date: LocalDate
    let firstIndex: Int
    let timing: Schedule.Timing

    /// How many occurrences a date with this timing carries.
    static func slots(of timing: Schedule.Timing) -> Int {
        if case .at(let times) = timing { times.count } else { 1 }
    }

    var slots: Int { Self.slots(of: timing) }

    /// The occurrence in position `slot` of this date.
    func occurrence(slot: Int, in zone: ZoneOffsets) -> Occurrence {
        let index = firstIndex + slot
        switch timing {
        case .at(let times):
            let sorted = times.sorted()
            let opens =
                slot == 0 ? zone.startOfDay(date) : zone.instant(of: date, at: sorted[slot - 1])
            let due = zone.instant(of: date, at: sorted[slot])
            return Occurrence(index: index, start: opens, due: due, allDay: false)
        case .window(let from, let to):
            let dueDate = to > from ? date : date.adding(days: 1)
            return Occurrence(
                index: index, start: zone.instant(of: date, at: from),
                due: zone.instant(of: dueDate, at: to), allDay: false)
        case .allDay:
            return Occurrence(
                index: index, start: zone.startOfDay(date),
                due: zone.startOfDay(date.adding(days: 1)), allDay: true)
        }
    }
}

extension Schedule {
    /// Last local date with occurrences, from an `until` or duration end.
    func lastDate(from first: LocalDate) -> LocalDate? {
        switch end {
        case .until(let date): date
        case .after(let amount, .days): first.adding(days: amount - 1)
        case .after(let amount, .weeks): first.adding(days: 7 * amount - 1)
        case .never, .count: nil
        }
    }

    /// Occurrence count limit from a `count` end.
    var indexLimit: Int {
        if case .count(let count) = end { count } else { Int.max }
    }

    /// The dates between `low` and `high` inclusive, before the end is applied
    /// to single occurrences (see ``occurrences(of:)``).
    func days(from low: LocalDate, through high: LocalDate) -> [ScheduledDay] {
        guard let first = startDate else { return [] }
        let high = min(high, lastDate(from: first) ?? high)
        guard low <= high else { return [] }
        switch pattern {
        case .dates:
            return customDays(from: first).filter { $0.date >= low && $0.date <= high }
        case .daily, .weekly:
            let dates = RepeatingDates(start: first, pattern: pattern)
            let slots = ScheduledDay.slots(of: timing)
            var result: [ScheduledDay] = []
            var ordinal = dates.firstOrdinal(onOrAfter: low)
            while case let date = dates.date(ordinal: ordinal), date <= high,
                ordinal * slots < indexLimit
            {
                result.append(ScheduledDay(date: date, firstIndex: ordinal * slots, timing: timing))
                ordinal += 1
            }
            return result
        }
    }

    /// The date carrying occurrence `index` and its slot on that date.
    func day(containing index: Int) -> (day: ScheduledDay, slot: Int)? {
        guard (0...Self.maximumIndex).contains(index), index < indexLimit, let first = startDate
        else { return nil }
        let found: ScheduledDay?
        switch pattern {
        case .dates:
            found = customDays(from: first).last { $0.firstIndex <= index }
        case .daily, .weekly:
            let slots = ScheduledDay.slots(of: timing)
            let date = RepeatingDates(start: first, pattern: pattern).date(ordinal: index / slots)
            found = ScheduledDay(date: date, firstIndex: index - index % slots, timing: timing)
        }
        guard let day = found, index < day.firstIndex + day.slots else { return nil }
        if let last = lastDate(from: first), day.date > last { return nil }
        return (day, index - day.firstIndex)
    }

    /// The occurrences of `day` that the end (a count) leaves in.
    func occurrences(of day: ScheduledDay) -> [Occurrence] {
        occurrences(of: day, in: ZoneOffsets(zone))
    }

    /// ``occurrences(of:)`` with the zone's offsets listed beforehand.
    func occurrences(of day: ScheduledDay, in offsets: ZoneOffsets) -> [Occurrence] {
        (0..<day.slots).filter { day.firstIndex + $0 < indexLimit }
            .map { day.occurrence(slot: $0, in: offsets) }
    }

    /// Every custom date in order, with running first indices.
    private func customDays(from first: LocalDate) -> [ScheduledDay] {
        guard case .dates(let dates) = pattern else { return [] }
        var next = 0
        return dates.sorted { $0.date < $1.date }.filter { $0.date >= first }.map { custom in
            let day = ScheduledDay(
                date: custom.date, firstIndex: next, timing: custom.times.map { .at($0) } ?? timing)
            next += day.slots
            return day
        }
    }
}
