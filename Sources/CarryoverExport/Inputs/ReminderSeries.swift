import CarryoverCore
import Foundation

/// One repeating reminder for an assignment, as the calendar export takes it.
///
/// Times are wall-clock times in `timeZone`, so "every day at 20:00" stays at
/// 20:00 local time across daylight-saving changes.
public struct ReminderSeries: Sendable, Hashable, Codable {
    /// Stable id of the series (e.g. the assignment id); calendar apps use it to
    /// update rather than duplicate the event on a later export.
    public var uid: String
    public var summary: String
    public var description: String
    /// IANA time zone id (e.g. "Europe/Berlin").
    public var timeZone: String
    /// First occurrence, local time in `timeZone`.
    public var start: LocalDateTime
    /// Length of each occurrence, in whole seconds (at least 1).
    public var durationSeconds: Int
    /// RFC 5545 RRULE value without the `RRULE:` prefix, e.g. `FREQ=DAILY;COUNT=21`.
    public var rrule: String?
    /// Extra occurrences (local times in `timeZone`).
    public var rdates: [LocalDateTime]
    /// Occurrences to skip (local times in `timeZone`).
    public var exdates: [LocalDateTime]
    /// How long before each occurrence the reminder alarm fires, in minutes.
    public var alarmMinutesBefore: Int

    public init(
        uid: String, summary: String, description: String = "", timeZone: String,
        start: LocalDateTime, durationSeconds: Int, rrule: String? = nil,
        rdates: [LocalDateTime] = [], exdates: [LocalDateTime] = [], alarmMinutesBefore: Int = 15
    ) {
        self.uid = uid
        self.summary = summary
        self.description = description
        self.timeZone = timeZone
        self.start = start
        self.durationSeconds = durationSeconds
        self.rrule = rrule
        self.rdates = rdates
        self.exdates = exdates
        self.alarmMinutesBefore = alarmMinutesBefore
    }
}
