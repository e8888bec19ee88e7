import Foundation

@testable import CarryoverCore

/// Daily homework for a client in Berlin, from Monday 9 November 2026 (ISO
/// week 46; no DST change in November). Patterns use one character per
/// occurrence, in order: "D" done, "-" not done, "r" not done with one
/// rejected entry; spaces separate weeks and are ignored.
enum ProgressFixture {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    /// Each occurrence is due 4 h after it opens, then 2 h of grace.
    static let grace: TimeInterval = 2 * 3600
    static let dueAfter: TimeInterval = 4 * 3600
    /// Never appears in any output: flags must not carry client data.
    static let clientID = "client-ada-lovelace-1815"

    static func local(_ day: Int, _ hour: Int, _ minute: Int = 0, month: Int = 11) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = berlin
        return calendar.date(
            from: DateComponents(year: 2026, month: month, day: day, hour: hour, minute: minute))!
    }

    /// Occurrences every day from 9 November at each of `hours` (local),
    /// one pattern character each.
    static func daily(_ pattern: String, hours: [Int] = [8]) -> [OccurrenceOutcome] {
        let marks = pattern.filter { $0 != " " }
        return marks.enumerated().map { index, mark in
            let start = local(9 + index / hours.count, hours[index % hours.count])
            let occurrence = Occurrence(
                index: index, start: start, due: start + dueAfter, allDay: false)
            let entries = mark == "D" ? [entry(at: start + 3600, scores: [:])] : []
            return OccurrenceOutcome(
                occurrence: occurrence, entries: entries, rejectedAttempts: mark == "r" ? 1 : 0)
        }
    }

    static func entry(at date: Date, scores: [String: Double], id: String = "e") -> Entry {
        Entry(
            id: id, assignmentID: "a1", clientID: clientID, homeworkType: "org.example.log",
            homeworkVersion: "1.0.0", performedAt: date, loggedAt: date, fields: .object([:]),
            scores: scores)
    }
}
