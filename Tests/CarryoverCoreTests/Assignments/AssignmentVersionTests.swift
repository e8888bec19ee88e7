import Foundation
import Testing

@testable import CarryoverCore

/// A change of terms is a new version from a day on: the days before keep
/// their occurrences, indices and entries. The assignment is the daily 20:00
/// Berlin one of `thoughtRecords()`, created 2026-03-01; Berlin is on CET
/// (UTC+1) until 2026-03-29, so 20:00 local is 19:00Z.
@Suite struct AssignmentVersionTests {
    /// Every two days at 20:00 from 2026-03-15: the 15th, 17th, 19th, ...
    static func everyOtherDay() throws -> Schedule {
        try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-15")), pattern: .daily(interval: 2),
            timing: .at([at("20:00")]))
    }

    static func changed() throws -> Assignment {
        var assignment = try thoughtRecords()
        try assignment.modify(
            AssignmentModification(schedule: try everyOtherDay()), from: day("2026-03-15"),
            at: utc("2026-03-14T10:00:00Z"), reason: "smaller step")
        return assignment
    }

    @Test func theNewVersionContinuesTheCountFromItsFirstDay() throws {
        let assignment = try Self.changed()
        #expect(assignment.versionNumber == 2)
        #expect(assignment.versions.count == 1)
        // Midnight of 2026-03-15 in Berlin is 2026-03-14T23:00Z.
        #expect(assignment.versionStart?.at == utc("2026-03-14T23:00:00Z"))
        // Version 1 had 14 occurrences due before then (1st..14th): indices 0..13.
        #expect(assignment.versionStart?.indexOffset == 14)
        #expect(assignment.versionStart?.firstIndex == 0)
        let march = DateInterval(
            start: utc("2026-03-01T00:00:00Z"), end: utc("2026-03-22T00:00:00Z"))
        let occurrences = AssignmentTimeline(assignment).occurrences(in: march)
        #expect(occurrences.map(\.index) == Array(0...17))
        // 14 daily ones, then the 15th, 17th, 19th and 21st at 19:00Z.
        #expect(occurrences[13].due == utc("2026-03-14T19:00:00Z"))
        #expect(
            occurrences.suffix(4).map(\.due) == [
                utc("2026-03-15T19:00:00Z"), utc("2026-03-17T19:00:00Z"),
                utc("2026-03-19T19:00:00Z"), utc("2026-03-21T19:00:00Z"),
            ])
        #expect(
            assignment.history.last?.what.hasPrefix("version 2 from 2026-03-15: schedule") == true)
    }

    @Test func entriesCountForTheVersionThatOwnsTheirDay() throws {
        let timeline = AssignmentTimeline(try Self.changed())
        // Before the change: the old daily schedule's occurrence of that day.
        #expect(timeline.occurrence(for: utc("2026-03-10T18:00:00Z"))?.index == 9)
        // The 16th has no occurrence any more; the 17th is the new version's second.
        #expect(timeline.occurrence(for: utc("2026-03-16T18:00:00Z")) == nil)
        #expect(timeline.occurrence(for: utc("2026-03-17T18:00:00Z"))?.index == 15)
        // Matching over a list gives the same answers.
        let instants = [
            utc("2026-03-10T18:00:00Z"), utc("2026-03-16T18:00:00Z"), utc("2026-03-17T18:00:00Z"),
        ]
        let all = timeline.occurrences(
            in: DateInterval(start: utc("2026-03-01T00:00:00Z"), end: utc("2026-03-22T00:00:00Z")))
        #expect(
            timeline.matching(instants, among: all).map { $0?.index } == [9, nil, 15])
        #expect(timeline.period(of: 13).number == 1 && timeline.period(of: 14).number == 2)
    }

    @Test func aScheduleUnchangedByTheChangeKeepsItsCount() throws {
        var assignment = try thoughtRecords()
        try assignment.modify(
            AssignmentModification(completion: .streak(length: 3)), from: day("2026-03-08"),
            at: utc("2026-03-07T10:00:00Z"), reason: "three in a row")
        // Same schedule: its own 8th occurrence (index 7) is the version's first.
        #expect(assignment.versionStart?.firstIndex == 7)
        #expect(assignment.versionStart?.indexOffset == 7)
        let timeline = AssignmentTimeline(assignment)
        let days = timeline.occurrences(
            in: DateInterval(start: utc("2026-03-01T00:00:00Z"), end: utc("2026-03-11T00:00:00Z")))
        #expect(days.map(\.index) == Array(0...9))
        #expect(
            days.map(\.due) == (0...9).map { utc("2026-03-01T19:00:00Z") + Double($0) * 86_400 })
    }

    @Test func aVersionCannotStartBeforeTheCurrentOne() throws {
        var assignment = try Self.changed()
        let error = #expect(throws: CoreError.self) {
            try assignment.modify(
                AssignmentModification(params: ["minimumEvidence": 1]), from: day("2026-03-10"),
                at: utc("2026-03-16T10:00:00Z"), reason: "earlier")
        }
        #expect(error?.message.contains("2026-03-15") == true)
        #expect(assignment.versionNumber == 2)
    }
}
