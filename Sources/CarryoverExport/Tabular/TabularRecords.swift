import CarryoverCore
import Foundation

/// The one place that turns engine records into JSON-shaped values for the
/// CSV and JSON exports, so both show the same names and formats.
enum TabularRecords {
    static func entry(_ entry: Entry) -> Value {
        [
            "id": .string(entry.id),
            "assignmentID": .string(entry.assignmentID),
            "clientID": .string(entry.clientID),
            "homeworkType": .string(entry.homeworkType),
            "homeworkVersion": .string(entry.homeworkVersion),
            "performedAt": .string(timestamp(entry.performedAt)),
            "loggedAt": .string(timestamp(entry.loggedAt)),
            "fields": entry.fields,
            "scores": .object(entry.scores.mapValues(Value.double)),
        ]
    }

    /// ISO 8601 in UTC with seconds (`2026-03-01T19:00:00Z`).
    static func timestamp(_ date: Date) -> String {
        TimeZoneRules.localTime(of: date, offset: 0).description + "Z"
    }
}
