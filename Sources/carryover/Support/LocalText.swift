import CarryoverCore
import Foundation

/// "Thu 2026-12-03 20:00" in a client's time zone: what people read.
func localText(_ instant: Date, _ timeZone: String) -> String {
    let zone = TimeZone(identifier: timeZone) ?? .gmt
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = calendar.dateComponents([.weekday, .hour, .minute], from: instant)
    let day = LocalDate(instant, in: zone)
    let weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][(parts.weekday ?? 1) - 1]
    return String(
        format: "%@ %@ %02d:%02d", weekday, day.description, parts.hour ?? 0, parts.minute ?? 0)
}

/// Scores as "name 1.5, other 2" in name order.
func scoresText(_ scores: [String: Double]) -> String {
    scores.sorted { $0.key < $1.key }.map { "\($0.key) \(ScoreText.format($0.value))" }
        .joined(separator: ", ")
}

/// "2026-12-03" in a client's time zone.
func localDay(_ instant: Date, _ timeZone: String) -> String {
    LocalDate(instant, in: TimeZone(identifier: timeZone) ?? .gmt).description
}

/// "Mon 2026-11-30 to Sun 2026-12-06": the client's week starting at `weekStart`.
func weekText(_ weekStart: Date, _ timeZone: String) -> String {
    let monday = LocalDate(weekStart, in: TimeZone(identifier: timeZone) ?? .gmt)
    return "Mon \(monday) to Sun \(monday.adding(days: 6))"
}
