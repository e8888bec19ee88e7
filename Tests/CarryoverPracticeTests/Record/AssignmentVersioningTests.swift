import CarryoverCore
import CarryoverExport
import Foundation
import Testing

@testable import CarryoverPractice

/// Two weeks of daily thought records, then the schedule changes to every
/// other day: the two weeks keep their 14 of 14, in status and in the report.
@Suite struct AssignmentVersioningTests {
    /// Entries at 19:30 Berlin (18:30Z) every day from Mon 2026-11-30 to Sun 2026-12-13.
    func twoWeeks() async throws -> (PracticeFixture, Assignment) {
        let (fixture, assignment) = try await WorkflowTests().setUp()
        for offset in 0..<14 {
            let day = instant("2026-11-30T18:30:00Z").addingTimeInterval(Double(offset) * 86_400)
            _ = try await fixture.at(day).log(
                assignmentID: assignment.id, fields: WorkflowTests.entry)
        }
        return (fixture, assignment)
    }

    @Test func aChangedScheduleKeepsTheWeeksBefore() async throws {
        let (fixture, assignment) = try await twoWeeks()
        let monday = try fixture.at(instant("2026-12-14T08:00:00Z"))
        let changed = try await monday.modify(
            assignment.id, params: nil, schedule: "every 2 days at 20:00", completion: nil,
            reinforcement: nil, reason: "a smaller step")
        #expect(changed.versionNumber == 2)
        #expect(changed.versionStart?.date == LocalDate("2026-12-14"))
        let before = try await monday.progress(of: changed)
        #expect(before.adherence.overall.done == 14)
        #expect(before.adherence.overall.due == 14)
        #expect(before.streak.current == 14)

        // Mon 12-14 and Wed 12-16 under the new terms; Tue 12-15 has no occurrence now.
        for day in ["2026-12-14", "2026-12-16"] {
            let logged = try await fixture.at(instant("\(day)T18:30:00Z"))
                .log(assignmentID: assignment.id, fields: WorkflowTests.entry)
            #expect(logged.occurrence != nil)
        }
        let thursday = try fixture.at(instant("2026-12-17T08:00:00Z"))
        let after = try await thursday.progress(of: try await thursday.assignment(assignment.id))
        #expect(after.adherence.overall.done == 16)
        #expect(after.adherence.overall.due == 16)
        // The report of the first two weeks: every day done, and both versions named.
        let report = try await thursday.clientReport(
            clientID: "c-017", from: LocalDate("2026-11-30"), to: LocalDate("2026-12-13"))
        let days = try #require(report.assignments.first?.adherence).days
        #expect(days.count == 14 && days.values.allSatisfy { $0 == .done })
        #expect(report.assignments.first?.adherence.versions.map(\.number) == [1, 2])
        #expect(report.assignments.first?.adherence.versions.first?.through == LocalDate("2026-12-13"))
    }

    @Test func aVersionCannotTakeEntriesAwayFromTheirTerms() async throws {
        let (fixture, assignment) = try await twoWeeks()
        let practice = try fixture.at(instant("2026-12-14T08:00:00Z"))
        let refused = await #expect(throws: PracticeError.self) {
            _ = try await practice.modify(
                assignment.id, params: nil, schedule: nil, completion: "3 in a row",
                reinforcement: nil, reason: "agreed last week", from: LocalDate("2026-12-07"))
        }
        #expect(refused?.message.contains("2026-12-13") == true)
        #expect(try await practice.assignment(assignment.id).versionNumber == 1)
    }
}
