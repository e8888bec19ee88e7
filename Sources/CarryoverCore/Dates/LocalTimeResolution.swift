import Foundation

extension TimeZone {
    /// The instant a local date and time names in this zone, by RFC 5545 section 3.3.5.
    ///
    /// - A time that happens twice (autumn overlap) is its first happening,
    ///   e.g. Europe/Berlin 2026-10-25 02:30 is 00:30 UTC (CEST), not 01:30 UTC.
    /// - A time that does not exist (spring gap) is read with the UTC offset in
    ///   force before the gap, so it moves forward by the gap: Europe/Berlin
    ///   2026-03-29 02:30 is 01:30 UTC, which the clocks show as 03:30 CEST.
    ///
    /// Foundation's `Calendar.date(from:)` leaves both cases unspecified, so
    /// the rule is applied here from the zone's offsets.
    public func instant(of date: LocalDate, at time: LocalTime) -> Date {
        Self.instant(of: date, at: time, offsetAt: secondsFromGMT(for:))
    }

    /// ``instant(of:at:)`` with the offsets from UTC that `offsetAt` gives
    /// (the zone's own, or the ones ``ZoneOffsets`` listed).
    static func instant(of date: LocalDate, at time: LocalTime, offsetAt: (Date) -> Int) -> Date {
        // The local wall time read as if it were UTC.
        let wall = TimeInterval(date.dayNumber * 86_400 + time.minutes * 60)
        let wallAsUTC = Date(timeIntervalSince1970: wall)
        // Offsets in force around the wall time; transitions are months apart.
        let before = offsetAt(wallAsUTC.addingTimeInterval(-86_400))
        let after = offsetAt(wallAsUTC.addingTimeInterval(86_400))
        // No transition around it (nearly always): the lookups below could
        // only confirm this offset or fall back to it (a year of occurrences
        // made these lookups the largest share of a status).
        if before == after { return Date(timeIntervalSince1970: wall - TimeInterval(before)) }
        let matching = [before, after].compactMap { offset -> Date? in
            let candidate = Date(timeIntervalSince1970: wall - TimeInterval(offset))
            return offsetAt(candidate) == offset ? candidate : nil
        }
        // Earliest of the matches is the first happening; none means a gap.
        return matching.min() ?? Date(timeIntervalSince1970: wall - TimeInterval(before))
    }

    /// The local midnight that starts `date` (moved forward if midnight is in a gap).
    func startOfDay(_ date: LocalDate) -> Date { instant(of: date, at: .midnight) }
}
