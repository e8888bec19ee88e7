import CarryoverCore
import CarryoverExport
import Foundation

extension Practice {
    /// How long a reminder for a due time (not a window) lasts in a calendar.
    static let reminderMinutes = 15

    /// One reminder series per active assignment whose schedule iCalendar can
    /// state exactly (`Schedule/iCalendarRecurrence`), in the client's zone.
    ///
    /// Each instance starts where an occurrence is due (where its window
    /// opens, for windows). Summaries are neutral ("Practice"): the file
    /// leaves the clinic and lands on calendars others may see. All-day
    /// schedules and schedules iCalendar cannot say are left out.
    public func reminders(clientID: String) async throws -> [ReminderSeries] {
        let client = try await client(clientID)
        return try await store.assignments(clientID: client.id, status: .active)
            .sorted { $0.id < $1.id }
            .compactMap { Self.reminder(for: $0) }
    }

    /// The series of one assignment, read from its schedule's content lines.
    static func reminder(for assignment: Assignment) -> ReminderSeries? {
        guard let lines = assignment.schedule.iCalendarRecurrence,
            let start = lines.first.flatMap({ localDateTimes(in: $0, property: "DTSTART") })?.first
        else { return nil }
        let rrule = lines.first { $0.hasPrefix("RRULE:") }.map { String($0.dropFirst(6)) }
        let rdates = lines.compactMap { localDateTimes(in: $0, property: "RDATE") }.flatMap { $0 }
        let minutes: Int
        if case .window(let from, let to) = assignment.schedule.timing {
            minutes = (to.minutes - from.minutes + 1440) % 1440
        } else {
            minutes = reminderMinutes
        }
        return ReminderSeries(
            uid: "\(assignment.id)@carryover", summary: "Practice",
            description: "Time for your practice.", timeZone: assignment.schedule.timeZone,
            start: start, durationSeconds: max(1, minutes) * 60, rrule: rrule, rdates: rdates)
    }

    /// The local date-times of a `DTSTART;TZID=...:` or `RDATE;TZID=...:` line;
    /// nil for other lines and for all-day (`VALUE=DATE`) values.
    static func localDateTimes(in line: String, property: String) -> [LocalDateTime]? {
        guard line.hasPrefix(property + ";TZID="), let colon = line.lastIndex(of: ":") else {
            return nil
        }
        let stamps = line[line.index(after: colon)...].split(separator: ",")
        let parsed = stamps.compactMap { stamp -> LocalDateTime? in
            // YYYYMMDDTHHMMSS
            let digits = stamp.filter(\.isNumber).map(String.init).joined()
            guard digits.count == 14, stamp.count == 15 else { return nil }
            let number = { (from: Int, length: Int) -> Int in
                Int(digits.dropFirst(from).prefix(length))!
            }
            guard let date = LocalDate(year: number(0, 4), month: number(4, 2), day: number(6, 2))
            else { return nil }
            return try? LocalDateTime(date, number(8, 2), number(10, 2), number(12, 2))
        }
        return parsed.count == stamps.count ? parsed : nil
    }
}
