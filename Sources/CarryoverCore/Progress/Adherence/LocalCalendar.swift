import Foundation

/// The ISO 8601 calendar (weeks start on Monday, week 1 holds the first
/// Thursday) in the client's time zone, so weeks and weekdays are the
/// client's, not the server's.
///
/// Arithmetic on local day numbers from the zone's offsets (listed once a
/// year or so, see ``ZoneOffsets``),
/// not Foundation's `Calendar`, which cost a fifth of a client's status
/// (carryover-bench); week starts are cached, a year has 53 at most.
final class LocalCalendar {
    let timeZone: TimeZone
    private var listed: ZoneOffsets
    private var weekStarts: [Int: Date] = [:]

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
        listed = ZoneOffsets(timeZone)
    }

    /// The zone's offsets listed around `date` (see ``ZoneOffsets``): a year
    /// either side, listed again only when a date falls outside.
    private func offsets(around date: Date) -> ZoneOffsets {
        if !listed.covers(date) {
            listed = ZoneOffsets(
                timeZone, from: date.addingTimeInterval(-Self.listedSpan),
                to: date.addingTimeInterval(Self.listedSpan))
        }
        return listed
    }

    /// 400 days: a year of occurrences either side, with their week starts.
    private static let listedSpan: TimeInterval = 400 * 86_400

    /// Local midnight of the Monday that starts the week holding `date`.
    func weekStart(of date: Date) -> Date {
        let offsets = offsets(around: date)
        let day = offsets.localDayNumber(of: date)
        let monday = day - (Self.isoWeekday(ofDay: day) - 1)
        if let start = weekStarts[monday] { return start }
        let start = offsets.instant(of: LocalDate(dayNumber: monday), at: .midnight)
        weekStarts[monday] = start
        return start
    }

    /// ISO week-numbering year and week number of `date`.
    func isoWeek(of date: Date) -> (year: Int, week: Int) {
        let day = offsets(around: date).localDayNumber(of: date)
        // The week belongs to the year of its Thursday (ISO 8601).
        let thursday = LocalDate(dayNumber: day - (Self.isoWeekday(ofDay: day) - 1) + 3)
        let januaryFirst = LocalDate(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, (thursday.dayNumber - januaryFirst.dayNumber) / 7 + 1)
    }

    /// Local weekday, 1 = Monday ... 7 = Sunday.
    func isoWeekday(of date: Date) -> Int {
        Self.isoWeekday(ofDay: offsets(around: date).localDayNumber(of: date))
    }

    /// Local minutes since midnight.
    func minuteOfDay(of date: Date) -> Int {
        let local =
            date.timeIntervalSince1970 + Double(offsets(around: date).secondsFromGMT(for: date))
        let seconds = local - (local / 86_400).rounded(.down) * 86_400
        return Int(seconds / 60)
    }

    /// 1970-01-01 (day 0) was a Thursday, ISO weekday 4.
    static func isoWeekday(ofDay day: Int) -> Int {
        ((day + 3) % 7 + 7) % 7 + 1
    }

    /// English weekday name for an ISO weekday (1 = Monday); fixed, not
    /// locale-dependent, so flag texts are reproducible.
    static func weekdayName(_ isoWeekday: Int) -> String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][
            isoWeekday - 1]
    }
}
