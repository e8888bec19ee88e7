import Foundation
import Testing

@testable import CarryoverCore

/// A digest carried forward from its moment to a later one with no new
/// entries equals the digest computed from scratch then, and so do its
/// flags and adherence: checked over many generated histories.
@Suite struct ProgressDigestTests {
    static let zones = [
        "Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata", "Pacific/Auckland",
    ]

    /// A random schedule: daily or weekly, at one or two times, in a window or all day.
    static func schedule(_ random: inout SeededRandom, zone: String) throws -> Schedule {
        let pattern: Schedule.Pattern =
            Bool.random(using: &random)
            ? .daily(interval: Int.random(in: 1...3, using: &random))
            : .weekly(
                interval: Int.random(in: 1...2, using: &random),
                weekdays: Array(
                    [Weekday.monday, .wednesday, .thursday, .saturday].shuffled(using: &random)
                        .prefix(Int.random(in: 1...3, using: &random))))
        let timing: Schedule.Timing =
            switch Int.random(in: 0...2, using: &random) {
            case 0:
                .at(
                    [at("08:00"), at("19:30")].prefix(Int.random(in: 1...2, using: &random)).map {
                        $0
                    })
            case 1: .window(from: at("09:00"), to: at("17:00"))
            default: .allDay
            }
        return try Schedule(
            timeZone: zone, start: .on(day("2026-10-05")), pattern: pattern, timing: timing,
            graceMinutes: [0, 30, 180].randomElement(using: &random)!)
    }

    /// A random assignment with entries (some late, early or far off), maybe
    /// paused for a while and given a new schedule midway.
    static func history(seed: UInt64) throws -> (Assignment, [Entry], Date) {
        var random = SeededRandom(seed: seed)
        let zone = zones.randomElement(using: &random)!
        let created = utc("2026-10-05T06:00:00Z")
        var assignment = Assignment(
            id: "a-\(seed)", clientID: "c-1", homeworkType: "org.example.log",
            homeworkVersion: "1.0.0", schedule: try schedule(&random, zone: zone),
            completion: .done, reinforcement: ReinforcementPlan(), seed: seed, createdAt: created)
        let days = Double(Int.random(in: 3...60, using: &random))
        let first = created.addingTimeInterval(
            days * 86_400 * Double.random(in: 0.2...0.9, using: &random))
        if Int.random(in: 0...3, using: &random) == 0 {
            try assignment.transition(to: .paused, at: first, reason: "away")
            try assignment.transition(
                to: .active, at: first.addingTimeInterval(3 * 86_400), reason: "back")
        } else if Int.random(in: 0...3, using: &random) == 0 {
            try assignment.modify(
                AssignmentModification(schedule: try schedule(&random, zone: zone)),
                from: LocalDate(first, in: TimeZone(identifier: zone)!),
                at: first.addingTimeInterval(-86_400),
                reason: "smaller step")
        }
        let end = created.addingTimeInterval(days * 86_400)
        let entries = (0..<Int.random(in: 0...40, using: &random)).map { index in
            let at = created.addingTimeInterval(
                Double.random(in: -3_600...(end.timeIntervalSince(created)), using: &random))
            return Entry(
                id: "e\(index)", assignmentID: assignment.id, clientID: "c-1",
                homeworkType: "org.example.log", homeworkVersion: "1.0.0", performedAt: at,
                loggedAt: at, fields: .object([:]), scores: [:])
        }.sorted { ($0.performedAt, $0.id) < ($1.performedAt, $1.id) }
        return (assignment, entries, end)
    }

    @Test(arguments: 0..<200)
    func carriedForwardEqualsComputedFromScratch(seed: Int) throws {
        let (assignment, entries, moment) = try Self.history(seed: UInt64(seed))
        let digest = ProgressDigest(
            history: OccurrenceHistory(assignment: assignment, entries: entries, now: moment),
            entries: entries)
        var random = SeededRandom(seed: UInt64(seed) &+ 1_000)
        for _ in 0..<4 {
            let later = moment.addingTimeInterval(
                Double.random(in: 0...(30 * 86_400), using: &random))
            let history = OccurrenceHistory(assignment: assignment, entries: entries, now: later)
            let scratch = ProgressDigest(history: history, entries: entries)
            let carried = try #require(digest.extended(to: later, assignment: assignment))
            #expect(carried == scratch)
            #expect(
                carried.adherence
                    == AdherenceCount(
                        outcomes: history.outcomes, now: history.now, grace: history.grace))
            #expect(
                BarrierRules.standard.flags(for: carried, timeZone: history.timeZone)
                    == BarrierRules.standard.flags(
                        for: history.outcomes, now: history.now, grace: history.grace,
                        timeZone: history.timeZone))
        }
    }

    /// A clock that went back, or an assignment changed since, is not carried forward.
    @Test func aDigestIsNotCarriedBackOrAcrossAChange() throws {
        let (assignment, entries, moment) = try Self.history(seed: 7)
        let digest = ProgressDigest(
            history: OccurrenceHistory(assignment: assignment, entries: entries, now: moment),
            entries: entries)
        #expect(digest.extended(to: moment.addingTimeInterval(-60), assignment: assignment) == nil)
        var paused = assignment
        try paused.transition(to: .paused, at: moment, reason: "away")
        #expect(digest.extended(to: moment, assignment: paused) == nil)
    }
}
