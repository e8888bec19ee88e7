import Foundation

@testable import CarryoverCore

/// An instant from "2026-03-28T19:00:00Z", parsed by Foundation so expected
/// values do not go through the code under test.
func utc(_ text: String) -> Date {
    ISO8601DateFormatter().date(from: text)!
}

/// A local date from "YYYY-MM-DD"; tests only use valid literals.
func day(_ text: String) -> LocalDate { LocalDate(text)! }

/// A local time from "HH:MM".
func at(_ text: String) -> LocalTime { LocalTime(text)! }

/// The dues of occurrences 0..<count, or fewer if the schedule ends.
func dues(_ schedule: Schedule, count: Int) -> [Date] {
    (0..<count).compactMap { schedule.occurrence(index: $0)?.due }
}
