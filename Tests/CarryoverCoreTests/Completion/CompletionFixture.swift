import Foundation

@testable import CarryoverCore

/// Daily occurrences and entries for completion tests: occurrence i opens on
/// day i and is due at the start of day i + 1.
enum CompletionFixture {
    static let day: TimeInterval = 86_400
    static let origin = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00Z

    static func occurrences(_ count: Int) -> [Occurrence] {
        (0..<count).map { index in
            let start = origin.addingTimeInterval(Double(index) * day)
            return Occurrence(
                index: index, start: start, due: start.addingTimeInterval(day), allDay: true)
        }
    }

    /// An entry for occurrence `index`, performed at noon of its day.
    static func entry(_ index: Int, _ scores: [String: Double] = [:], suffix: String = "")
        -> Entry
    {
        let performed = origin.addingTimeInterval(Double(index) * day + day / 2)
        return Entry(
            id: "e\(index)\(suffix)", assignmentID: "a1", clientID: "c1", homeworkType: "t",
            homeworkVersion: "1.0.0", performedAt: performed, loggedAt: performed,
            fields: .object([:]), scores: scores)
    }

    /// Input over `count` daily occurrences, evaluated at the end of the last
    /// one (so none is pending) unless `now` says otherwise.
    static func input(
        occurrences count: Int, entries: [Entry], now: Date? = nil
    ) -> CompletionInput {
        var byIndex: [Int: [Entry]] = [:]
        for entry in entries {
            let index = Int(entry.performedAt.timeIntervalSince(origin) / day)
            byIndex[index, default: []].append(entry)
        }
        return CompletionInput(
            occurrences: occurrences(count), entries: byIndex,
            now: now ?? origin.addingTimeInterval(Double(count) * day))
    }

    /// Entries for the given occurrence indices, with no scores.
    static func entries(_ indices: [Int]) -> [Entry] { indices.map { entry($0) } }
}
