import Foundation
import Testing

@testable import CarryoverCore

/// `matching(_:among:)` answers what `occurrence(for:excluding:)` answers,
/// instant by instant, over schedules with times, windows, grace and pauses.
@Suite struct MatchingTests {
    @Test(arguments: [
        "daily at 20:00 for 3 weeks", "daily at 08:00 and 20:00 for 2 weeks grace 3 hours",
        "weekly on mon wed fri between 18:00 and 21:00 for 4 weeks",
        "every 2 days all day for 3 weeks",
        "daily between 22:00 and 02:00 for 10 days grace 1 hours",
    ])
    func agreesWithTheOneByOneLookup(phrase: String) throws {
        // Across the end of summer time in Berlin (2026-10-25).
        let schedule = try Schedule(
            phrase: phrase, timeZone: "Europe/Berlin", today: LocalDate("2026-10-19")!)
        let from = Date(timeIntervalSince1970: 1_792_368_000)  // 2026-10-19T00:00Z
        let span = DateInterval(start: from, duration: 30 * 86_400)
        let pauses = [
            DateInterval(start: from.addingTimeInterval(5 * 86_400), duration: 2 * 86_400)
        ]
        let occurrences = schedule.occurrences(in: span, excluding: pauses)
        var random = SeededRandom(seed: 2026)
        let instants = (0..<2_000).map { _ in
            from.addingTimeInterval(random.nextUnitDouble() * 28 * 86_400)
        }.sorted()
        let matched = schedule.matching(instants, among: occurrences)
        for (instant, match) in zip(instants, matched) {
            let expected = schedule.occurrence(for: instant, excluding: pauses)
            #expect(match?.index == expected?.index, "\(instant)")
        }
        #expect(matched.compactMap { $0 }.count > 50)  // the comparison covered real matches
    }
}
