import Foundation

/// A time zone's UTC offsets over a span of time, read from the zone once.
///
/// Asking the zone for the offset of every occurrence and week start was the
/// largest share of one client's status (carryover-bench: four lookups per
/// occurrence, a year of occurrences per assignment). Offsets change only at
/// the zone's transitions, a few a year, so the span's offsets are listed once
/// and each instant is looked up among them; instants outside the span are
/// asked of the zone, so every answer is the zone's.
struct ZoneOffsets: Sendable {
    let zone: TimeZone
    /// Where each stretch of one offset begins, ascending; the first is the span's start.
    private let starts: [Date]
    private let offsets: [Int]
    private let end: Date

    /// The offsets of `zone` from `start` (inclusive) to `end` (exclusive).
    init(_ zone: TimeZone, from start: Date, to end: Date) {
        self.zone = zone
        self.end = end
        guard start < end else {
            (starts, offsets) = ([], [])
            return
        }
        var starts = [start]
        var offsets = [zone.secondsFromGMT(for: start)]
        var cursor = start
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end,
            next > cursor
        {
            let offset = zone.secondsFromGMT(for: next)
            if offset != offsets[offsets.count - 1] {
                starts.append(next)
                offsets.append(offset)
            }
            cursor = next
        }
        (self.starts, self.offsets) = (starts, offsets)
    }

    /// No span: every offset is asked of the zone.
    init(_ zone: TimeZone) { self.init(zone, from: .distantPast, to: .distantPast) }

    /// Whether `instant` is in the span listed.
    func covers(_ instant: Date) -> Bool {
        guard let first = starts.first else { return false }
        return instant >= first && instant < end
    }

    /// The zone's offset from UTC at `instant`, in seconds.
    func secondsFromGMT(for instant: Date) -> Int {
        guard covers(instant) else { return zone.secondsFromGMT(for: instant) }
        // The last stretch that begins at or before the instant.
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= instant { low = middle } else { high = middle - 1 }
        }
        return offsets[low]
    }

    /// The instant a local date and time names (see ``TimeZone/instant(of:at:)``).
    func instant(of date: LocalDate, at time: LocalTime) -> Date {
        TimeZone.instant(of: date, at: time, offsetAt: secondsFromGMT(for:))
    }

    /// The local midnight that starts `date`.
    func startOfDay(_ date: LocalDate) -> Date { instant(of: date, at: .midnight) }

    /// Days since 1970-01-01 of the local date of `instant`.
    func localDayNumber(of instant: Date) -> Int {
        LocalDate.localDayNumber(of: instant, offset: secondsFromGMT(for: instant))
    }
}
