import Foundation

/// Writes a client's reminders as one iCalendar (RFC 5545) file.
///
/// The file holds a VTIMEZONE for every zone the series use (built from the
/// system's time zone database, with yearly RRULEs where the zone follows
/// one), and one VEVENT series per reminder with a VALARM before each
/// occurrence.
public struct ReminderCalendar: Sendable {
    /// The PRODID property: who made the file.
    public var productID: String
    /// When the file was made; written as every event's DTSTAMP.
    public var stamp: Date

    public init(productID: String = "-//Carryover//Reminders//EN", stamp: Date) {
        self.productID = productID
        self.stamp = stamp
    }

    /// The `.ics` text of `series`, with CRLF line ends.
    ///
    /// - Throws: ``ExportError`` when there is no series, a time zone is
    ///   unknown, an RRULE is not a plain RFC 5545 rule, or a duration is not
    ///   positive.
    public func render(_ series: [ReminderSeries]) throws -> String {
        guard !series.isEmpty else {
            // RFC 5545 3.6: a calendar holds at least one component.
            throw ExportError(.invalidInput, "Give at least one reminder series to export.")
        }
        var out = ContentLines()
        out.add("BEGIN", "VCALENDAR")
        out.add("VERSION", "2.0")
        out.add("PRODID", ContentLines.escapeText(productID))
        out.add("CALSCALE", "GREGORIAN")
        for zoneID in Set(series.map(\.timeZone)).sorted() {
            let years = yearsCovered(by: series.filter { $0.timeZone == zoneID })
            try writeTimeZone(zoneID, years: years, to: &out)
        }
        for item in series {
            try writeEvent(item, to: &out)
        }
        out.add("END", "VCALENDAR")
        return out.text
    }

    /// From the year before the earliest date to two years past the latest, so
    /// the zone has an onset before the first event and, for zones with daylight
    /// saving, at least two changes of each kind to turn into an open-ended
    /// yearly rule that keeps holding after the last listed date.
    private func yearsCovered(by series: [ReminderSeries]) -> ClosedRange<Int> {
        let years = series.flatMap { [$0.start] + $0.rdates + $0.exdates }.map(\.date.year)
        return (years.min()! - 1)...(years.max()! + 2)
    }

    private func writeTimeZone(
        _ zoneID: String, years: ClosedRange<Int>, to out: inout ContentLines
    )
        throws
    {
        let zone = try ReminderCalendar.zone(zoneID)
        let rules = TimeZoneRules(zone: zone, years: years)
        out.add("BEGIN", "VTIMEZONE")
        out.add("TZID", ContentLines.escapeText(rules.identifier))
        for observance in rules.observances {
            let kind = observance.isDaylight ? "DAYLIGHT" : "STANDARD"
            out.add("BEGIN", kind)
            out.add("DTSTART", observance.start.basic)
            out.add("TZOFFSETFROM", ReminderCalendar.utcOffset(observance.offsetFrom))
            out.add("TZOFFSETTO", ReminderCalendar.utcOffset(observance.offsetTo))
            if let rrule = observance.rrule { out.add("RRULE", rrule) }
            if let name = observance.name { out.add("TZNAME", ContentLines.escapeText(name)) }
            out.add("END", kind)
        }
        out.add("END", "VTIMEZONE")
    }

    private func writeEvent(_ item: ReminderSeries, to out: inout ContentLines) throws {
        guard item.durationSeconds > 0 else {
            throw ExportError(.invalidInput, "A reminder's duration must be at least one second.")
        }
        guard item.alarmMinutesBefore >= 0 else {
            throw ExportError(.invalidInput, "A reminder's alarm must fire at or before the event.")
        }
        let tzid = [("TZID", item.timeZone)]
        out.add("BEGIN", "VEVENT")
        out.add("UID", ContentLines.escapeText(item.uid))
        out.add("DTSTAMP", ReminderCalendar.utcStamp(stamp))
        out.add("DTSTART", item.start.basic, params: tzid)
        out.add("DURATION", ReminderCalendar.duration(seconds: item.durationSeconds))
        out.add("SUMMARY", ContentLines.escapeText(item.summary))
        if !item.description.isEmpty {
            out.add("DESCRIPTION", ContentLines.escapeText(item.description))
        }
        if let rrule = item.rrule {
            out.add("RRULE", try RecurrenceRuleCheck.validated(rrule))
        }
        if !item.rdates.isEmpty {
            out.add("RDATE", item.rdates.map(\.basic).joined(separator: ","), params: tzid)
        }
        if !item.exdates.isEmpty {
            out.add("EXDATE", item.exdates.map(\.basic).joined(separator: ","), params: tzid)
        }
        out.add("BEGIN", "VALARM")
        out.add("ACTION", "DISPLAY")
        out.add("DESCRIPTION", ContentLines.escapeText(item.summary))
        out.add("TRIGGER", "-" + ReminderCalendar.duration(seconds: item.alarmMinutesBefore * 60))
        out.add("END", "VALARM")
        out.add("END", "VEVENT")
    }

    static func zone(_ identifier: String) throws -> TimeZone {
        guard let zone = TimeZone(identifier: identifier) else {
            throw ExportError(
                .invalidTimeZone, "Use an IANA time zone id such as Europe/Berlin for reminders.")
        }
        return zone
    }

    /// `+hhmm` or `+hhmmss` (RFC 5545 3.3.14).
    static func utcOffset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        let hhmm = String(format: "%02d%02d", magnitude / 3600, magnitude % 3600 / 60)
        return sign + hhmm + (magnitude % 60 == 0 ? "" : String(format: "%02d", magnitude % 60))
    }

    /// A DURATION value such as `PT15M`, `PT1H30M` or `P1DT2H` (RFC 5545 3.3.6).
    static func duration(seconds: Int) -> String {
        if seconds == 0 { return "PT0S" }
        let days = seconds / 86_400
        let hours = seconds % 86_400 / 3600
        let minutes = seconds % 3600 / 60
        let rest = seconds % 60
        var text = "P" + (days > 0 ? "\(days)D" : "")
        if hours + minutes + rest > 0 {
            text += "T" + (hours > 0 ? "\(hours)H" : "") + (minutes > 0 ? "\(minutes)M" : "")
            text += rest > 0 ? "\(rest)S" : ""
        }
        return text
    }

    /// `YYYYMMDDTHHMMSSZ`.
    static func utcStamp(_ date: Date) -> String {
        TimeZoneRules.localTime(of: date, offset: 0).basic + "Z"
    }
}
