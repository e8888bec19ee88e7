import Foundation

extension Schedule {
    /// The schedule as RFC 5545 content lines: DTSTART, then RRULE or RDATE,
    /// then DURATION for windows. Nil when iCalendar cannot say it exactly.
    ///
    /// Each recurrence instance starts where an ``Occurrence`` is due for
    /// times of day, where its window opens for windows (instance end =
    /// `due`), and on its date for all-day occurrences. Lines carry no line
    /// ending; the exporter joins them with CRLF.
    ///
    /// Nil for: a relative start whose anchor is not set; several times of day
    /// that are not every hour in BYHOUR at every minute in BYMINUTE (e.g.
    /// 08:30 and 20:00); custom dates that mix all-day and timed occurrences.
    public var iCalendarRecurrence: [String]? {
        guard let first = startDate, let (day, _) = day(containing: 0) else { return nil }
        switch pattern {
        case .dates: return customRecurrence(first: first)
        case .daily, .weekly:
            guard let rule = rrule else { return nil }
            let stamp = Self.localStamp(day: day, slot: 0)
            let dtstart = stamp.count == 8 ? "DTSTART;VALUE=DATE:" : "DTSTART;TZID=\(timeZone):"
            return [dtstart + stamp, "RRULE:" + rule] + (durationLines(for: [day]) ?? [])
        }
    }

    /// The RRULE value alone, e.g. "FREQ=DAILY;BYHOUR=20;BYMINUTE=0;COUNT=21";
    /// nil where ``iCalendarRecurrence`` would use RDATE or say nothing.
    public var rrule: String? {
        guard let first = startDate, let clock = byTime else { return nil }
        var parts: [String]
        switch pattern {
        case .dates: return nil
        case .daily(let interval):
            parts = ["FREQ=DAILY"] + (interval > 1 ? ["INTERVAL=\(interval)"] : [])
        case .weekly(let interval, let weekdays):
            let days = weekdays.isEmpty ? [first.weekday] : weekdays.sorted()
            parts =
                ["FREQ=WEEKLY"] + (interval > 1 ? ["INTERVAL=\(interval)"] : [])
                + ["BYDAY=" + days.map(\.icalCode).joined(separator: ","), "WKST=MO"]
        }
        parts += clock
        switch end {
        case .never: break
        case .count(let count): parts.append("COUNT=\(count)")
        case .until, .after:
            guard let last = lastDate(from: first) else { break }
            parts.append("UNTIL=" + untilStamp(last))
        }
        return parts.joined(separator: ";")
    }

    /// BYHOUR/BYMINUTE parts for timed schedules (empty for all-day); nil when
    /// the times of day are not a full hours x minutes grid.
    private var byTime: [String]? {
        let times: [LocalTime]
        switch timing {
        case .allDay: return []
        case .window(let from, _): times = [from]
        case .at(let list): times = list
        }
        let hours = Set(times.map(\.hour)).sorted()
        let minutes = Set(times.map(\.minute)).sorted()
        guard hours.count * minutes.count == times.count else { return nil }
        return [
            "BYHOUR=" + hours.map(String.init).joined(separator: ","),
            "BYMINUTE=" + minutes.map(String.init).joined(separator: ","),
        ]
    }

    /// UNTIL bounds instance starts inclusively: the end of the last local
    /// day, in UTC as RFC 5545 requires with a TZID start (a DATE when all-day).
    private func untilStamp(_ last: LocalDate) -> String {
        if case .allDay = timing { return last.compact }
        let endOfDay = zone.startOfDay(last.adding(days: 1)).addingTimeInterval(-1)
        // A schedule's dates stay inside ``Schedule/supportedDates``, so the
        // text always has the basic form YYYYMMDDTHHMMSSZ.
        return StrictDate.text(endOfDay).filter { $0 != "-" && $0 != ":" }
    }

    private func customRecurrence(first: LocalDate) -> [String]? {
        let days = days(from: first, through: LocalDate(dayNumber: Int(Int32.max)))
        let stamps = days.flatMap { day in
            occurrences(of: day).map { Self.localStamp(day: day, slot: $0.index - day.firstIndex) }
        }
        let dateOnly = stamps.filter { $0.count == 8 }
        guard let head = stamps.first, dateOnly.isEmpty || dateOnly.count == stamps.count,
            let duration = durationLines(for: days)
        else { return nil }
        let kind = dateOnly.isEmpty ? ";TZID=\(timeZone)" : ";VALUE=DATE"
        let rdate =
            stamps.count > 1 ? ["RDATE\(kind):" + stamps.dropFirst().joined(separator: ",")] : []
        return ["DTSTART\(kind):\(head)"] + rdate + duration
    }

    /// DURATION of window instances (their nominal local length); nil when
    /// windows and instants would share one recurrence set.
    private func durationLines(for days: [ScheduledDay]) -> [String]? {
        let windows = days.compactMap { day -> Int? in
            guard case .window(let from, let to) = day.timing else { return nil }
            return (to.minutes - from.minutes + 1440) % 1440
        }
        guard let minutes = windows.first else { return [] }
        guard windows.count == days.count else { return nil }
        let (hours, rest) = minutes.quotientAndRemainder(dividingBy: 60)
        return ["DURATION:PT" + (hours > 0 ? "\(hours)H" : "") + (rest > 0 ? "\(rest)M" : "")]
    }

    /// The local date (all-day) or date-time at which an occurrence starts in iCalendar.
    private static func localStamp(day: ScheduledDay, slot: Int) -> String {
        let time: LocalTime
        switch day.timing {
        case .allDay: return day.date.compact
        case .window(let from, _): time = from
        case .at(let times): time = times.sorted()[slot]
        }
        let hhmm = time.description.replacingOccurrences(of: ":", with: "")
        return "\(day.date.compact)T\(hhmm)00"
    }
}
