/// The local dates of a daily or weekly pattern, numbered from 0 at the start.
///
/// Ordinals are pure arithmetic on day numbers, so the n-th date is the same
/// whichever window a caller asks about (stable occurrence indices).
struct RepeatingDates {
    let start: LocalDate
    /// Days between the first days of two active periods (N, or 7 N for weeks).
    let period: Int
    /// Offsets of the active days inside a period, ascending.
    let offsets: [Int]
    /// Date the periods are counted from (the start, or the Monday of its week).
    let origin: LocalDate
    /// Active days of the first period that fall before the start.
    let skipped: Int

    init(start: LocalDate, pattern: Schedule.Pattern) {
        self.start = start
        switch pattern {
        case .weekly(let interval, let weekdays):
            let days = weekdays.isEmpty ? [start.weekday] : Array(Set(weekdays)).sorted()
            origin = start.adding(days: -start.weekday.offset)
            period = 7 * interval
            offsets = days.map(\.offset)
            skipped = offsets.filter { $0 < start.weekday.offset }.count
        case .daily(let interval):
            origin = start
            period = interval
            offsets = [0]
            skipped = 0
        case .dates:
            preconditionFailure("custom dates are not a repeating pattern")
        }
    }

    /// The date with this ordinal (0 = the first date on or after the start).
    func date(ordinal: Int) -> LocalDate {
        let position = ordinal + skipped
        let (periodIndex, slot) = position.quotientAndRemainder(dividingBy: offsets.count)
        return origin.adding(days: periodIndex * period + offsets[slot])
    }

    /// The ordinal of the first date on or after `date`.
    func firstOrdinal(onOrAfter date: LocalDate) -> Int {
        guard date > start else { return 0 }
        let days = origin.days(to: date)
        var (periodIndex, dayInPeriod) = days.quotientAndRemainder(dividingBy: period)
        var slot = offsets.firstIndex { $0 >= dayInPeriod } ?? offsets.count
        if slot == offsets.count {
            periodIndex += 1
            slot = 0
        }
        return periodIndex * offsets.count + slot - skipped
    }
}
