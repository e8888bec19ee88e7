import CarryoverCore
import Foundation

/// The offset changes of one time zone over a span of years, read from
/// Foundation's time zone database, and grouped into yearly rules where the
/// changes follow one (e.g. "last Sunday of March at 02:00").
struct TimeZoneRules {
    /// One change of UTC offset.
    struct Transition: Equatable {
        /// Local wall-clock time at the change, in the offset before it (RFC 5545 3.6.5).
        var localStart: LocalDateTime
        var offsetFrom: Int
        var offsetTo: Int
        var isDaylight: Bool
        var name: String?
    }

    /// A VTIMEZONE sub-component: STANDARD or DAYLIGHT, with an RRULE when
    /// the transitions it stands for recur yearly.
    struct Observance: Equatable {
        var isDaylight: Bool
        var start: LocalDateTime
        var offsetFrom: Int
        var offsetTo: Int
        var name: String?
        var rrule: String?
    }

    let identifier: String
    let observances: [Observance]

    /// Reads the zone's transitions from January 1 of `years.lowerBound` up to
    /// the end of `years.upperBound`.
    init(zone: TimeZone, years: ClosedRange<Int>) {
        identifier = zone.identifier
        let transitions = TimeZoneRules.transitions(zone: zone, years: years)
        if transitions.isEmpty {
            // A zone without changes in the span: one STANDARD from the start.
            let from = LocalDate(year: years.lowerBound, month: 1, day: 1)!.midnightUTC
            let offset = zone.secondsFromGMT(for: from)
            observances = [
                Observance(
                    isDaylight: false,
                    start: LocalDateTime(LocalDate(year: 1970, month: 1, day: 1)!, .midnight),
                    offsetFrom: offset, offsetTo: offset, name: zone.abbreviation(for: from),
                    rrule: nil)
            ]
            return
        }
        var result: [Observance] = []
        for isDaylight in [false, true] {
            let kind = transitions.filter { $0.isDaylight == isDaylight }
            result += TimeZoneRules.observances(for: kind, lastYear: years.upperBound)
        }
        observances = result.sorted { $0.start < $1.start }
    }

    /// One observance with a yearly RRULE when every transition of this kind
    /// falls on the same month, weekday position and time with the same
    /// offsets, every year up to `lastYear`; otherwise one observance per
    /// transition. A rule that stopped before `lastYear` (a zone that gave up
    /// daylight saving) is never written open-ended.
    private static func observances(for kind: [Transition], lastYear: Int) -> [Observance] {
        guard let first = kind.first else { return [] }
        let rules = kind.map { yearlyRule($0.localStart) }
        let uniform = kind.allSatisfy {
            $0.offsetFrom == first.offsetFrom && $0.offsetTo == first.offsetTo
                && $0.localStart.hour == first.localStart.hour
                && $0.localStart.minute == first.localStart.minute
                && $0.localStart.second == first.localStart.second
        }
        let years = kind.map(\.localStart.date.year)
        let consecutive =
            zip(years, years.dropFirst()).allSatisfy { $1 == $0 + 1 } && years.last == lastYear
        if kind.count > 1, uniform, consecutive, let rule = rules.first,
            rules.allSatisfy({ $0 == rule })
        {
            return [
                Observance(
                    isDaylight: first.isDaylight, start: first.localStart,
                    offsetFrom: first.offsetFrom, offsetTo: first.offsetTo, name: first.name,
                    rrule: rule)
            ]
        }
        return kind.map {
            Observance(
                isDaylight: $0.isDaylight, start: $0.localStart, offsetFrom: $0.offsetFrom,
                offsetTo: $0.offsetTo, name: $0.name, rrule: nil)
        }
    }

    /// `FREQ=YEARLY;BYMONTH=m;BYDAY=nWD`, with n = -1 when the day is in the
    /// month's last seven days (how "last Sunday" rules are written).
    static func yearlyRule(_ start: LocalDateTime) -> String {
        let date = start.date
        let weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][date.isoWeekday - 1]
        let isLast = date.day + 7 > date.daysInMonth
        let position = isLast ? -1 : (date.day - 1) / 7 + 1
        return "FREQ=YEARLY;BYMONTH=\(date.month);BYDAY=\(position)\(weekday)"
    }

    private static func transitions(zone: TimeZone, years: ClosedRange<Int>) -> [Transition] {
        let begin = LocalDate(year: years.lowerBound, month: 1, day: 1)!.midnightUTC
        let end = LocalDate(year: years.upperBound + 1, month: 1, day: 1)!.midnightUTC
        var result: [Transition] = []
        var cursor = begin
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            let before = zone.secondsFromGMT(for: next.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: next)
            if before != after {
                result.append(
                    Transition(
                        localStart: localTime(of: next, offset: before), offsetFrom: before,
                        offsetTo: after, isDaylight: zone.isDaylightSavingTime(for: next),
                        name: zone.abbreviation(for: next)))
            }
            cursor = next
        }
        return result
    }

    /// Wall-clock time of `instant` at a fixed UTC offset.
    static func localTime(of instant: Date, offset: Int) -> LocalDateTime {
        let shifted = instant.addingTimeInterval(TimeInterval(offset))
        let seconds = Int(shifted.timeIntervalSince1970.rounded(.down))
        let (days, rest) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let dayNumber = rest < 0 ? days - 1 : days
        let inDay = rest < 0 ? rest + 86_400 : rest
        // Parts of a real instant are always in range.
        return try! LocalDateTime(
            LocalDate.epoch.adding(days: dayNumber), inDay / 3600, inDay % 3600 / 60, inDay % 60)
    }
}
