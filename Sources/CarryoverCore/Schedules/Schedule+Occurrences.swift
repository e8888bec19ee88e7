import Foundation

extension Schedule {
    /// The occurrence with this index, or nil past the end (or before an anchor is set).
    ///
    /// Indices count every occurrence from the start, paused or not, so they
    /// agree with ``occurrences(in:excluding:)`` whatever window that is given.
    public func occurrence(index: Int) -> Occurrence? {
        guard let (day, slot) = day(containing: index) else { return nil }
        return day.occurrence(slot: slot, in: ZoneOffsets(zone))
    }

    /// The occurrences due in `interval`, oldest first.
    ///
    /// An occurrence belongs to the window that holds its `due`, start
    /// inclusive and end exclusive, so back-to-back windows never share one.
    /// Occurrences due inside a pause are left out (their indices stay used).
    ///
    /// - Parameters:
    ///   - interval: The span to list, start inclusive, end exclusive.
    ///   - pauses: Intervals the assignment was paused, e.g.
    ///     ``Assignment/pauses(until:)``.
    public func occurrences(in interval: DateInterval, excluding pauses: [DateInterval] = [])
        -> [Occurrence]
    {
        let zone = zone
        // A due can fall up to two local days after its date (overnight windows,
        // all-day ends), so the date range starts two days early.
        let low = LocalDate(interval.start, in: zone).adding(days: -2)
        let high = LocalDate(interval.end, in: zone)
        // The zone's offsets over the dates asked, listed once (a year of
        // occurrences asked the zone four times each); a day either side
        // covers the lookups around each local time.
        let offsets = ZoneOffsets(
            zone, from: low.midnightUTC.addingTimeInterval(-2 * 86_400),
            to: high.midnightUTC.addingTimeInterval(3 * 86_400))
        return days(from: low, through: high).flatMap { occurrences(of: $0, in: offsets) }.filter {
            $0.due >= interval.start && $0.due < interval.end && !Self.isPaused($0, in: pauses)
        }
    }

    /// The occurrence an entry made at `entryTime` counts for, if any.
    ///
    /// An entry counts for an occurrence from its `start` through its `due`
    /// plus the grace window. When several could take it (an entry late for
    /// one and early for the next) the oldest wins: a late entry makes up
    /// what was missed. Occurrences due inside a pause take no entries.
    public func occurrence(for entryTime: Date, excluding pauses: [DateInterval] = [])
        -> Occurrence?
    {
        let zone = zone
        let earliestDue = entryTime.addingTimeInterval(-TimeInterval(graceMinutes * 60))
        let low = LocalDate(earliestDue, in: zone).adding(days: -2)
        let high = LocalDate(entryTime, in: zone)
        return days(from: low, through: high).flatMap(occurrences(of:)).first {
            $0.start <= entryTime && entryTime <= lateLimit(of: $0)
                && !Self.isPaused($0, in: pauses)
        }
    }

    /// The last moment an entry still counts for `occurrence`.
    public func lateLimit(of occurrence: Occurrence) -> Date {
        occurrence.due.addingTimeInterval(TimeInterval(graceMinutes * 60))
    }

    /// Whether the assignment was paused when `occurrence` was due.
    static func isPaused(_ occurrence: Occurrence, in pauses: [DateInterval]) -> Bool {
        pauses.contains { $0.start <= occurrence.due && occurrence.due < $0.end }
    }
}
