import CarryoverCore
import Foundation
import Testing

@testable import CarryoverPractice

/// Clients can be edited and discharged, goals edited (with a phase's days),
/// and the record stays whole.
@Suite struct ClientRecordTests {
    @Test func aDischargeEndsOpenAssignmentsAndKeepsEverything() async throws {
        let (fixture, assignment) = try await WorkflowTests().setUp()
        _ = try await fixture.at(instant("2026-11-30T18:30:00Z"))
            .log(assignmentID: assignment.id, fields: WorkflowTests.entry)
        let practice = try fixture.at(instant("2026-12-02T09:00:00Z"))
        let change = try await practice.dischargeClient("c-017", reason: "moved abroad")
        // "5 of 7 days" is not met with one entry: abandoned, with the reason.
        #expect(change.assignments.map(\.status) == [.abandoned])
        #expect(change.client.dischargedAt == instant("2026-12-02T09:00:00Z"))
        let saved = try await practice.assignment(assignment.id)
        #expect(saved.status == .abandoned)
        #expect(saved.history.last?.reason == "discharged: moved abroad")
        #expect(try await practice.client("c-017").dischargeReason == "moved abroad")
        // The record reads as before; nothing new can be added.
        #expect(try await practice.progress(clientID: "c-017").first?.entries.count == 1)
        _ = try await practice.clientReport(clientID: "c-017")
        await #expect(throws: PracticeError.self) {
            _ = try await practice.log(assignmentID: assignment.id, fields: WorkflowTests.entry)
        }
        let again = await #expect(throws: PracticeError.self) {
            _ = try await practice.assign(
                AssignmentRequest(
                    clientID: "c-017", homeworkType: "org.carryover.mood-log",
                    schedule: "daily at 21:00"))
        }
        #expect(again?.code == .refused)
        await #expect(throws: PracticeError.self) {
            _ = try await practice.dischargeClient("c-017", reason: "twice")
        }
        let actions = try await practice.store.auditJournal(.init(clientID: "c-017")).map(\.action)
        #expect(actions.suffix(2) == ["assignment.update", "client.discharge"])
    }

    @Test func aNewTimeZoneMovesOpenAssignmentsFromTodayOn() async throws {
        let (fixture, assignment) = try await WorkflowTests().setUp()
        for day in ["2026-11-30", "2026-12-01"] {
            _ = try await fixture.at(instant("\(day)T18:30:00Z"))
                .log(assignmentID: assignment.id, fields: WorkflowTests.entry)
        }
        let practice = try fixture.at(instant("2026-12-02T09:00:00Z"))
        let change = try await practice.editClient(
            "c-017", displayName: "Client 17 (Sam)", timeZone: "America/New_York")
        #expect(change.client.timeZone == "America/New_York")
        let moved = try await practice.assignment(assignment.id)
        #expect(moved.versionNumber == 2 && moved.schedule.timeZone == "America/New_York")
        // 20:00 in New York on 2026-12-02 is 01:00Z on the 3rd (EST, UTC-5).
        let progress = try await practice.progress(of: moved)
        #expect(progress.next?.due == instant("2026-12-03T01:00:00Z"))
        #expect(progress.adherence.overall.done == 2 && progress.adherence.overall.due == 2)
        await #expect(throws: PracticeError.self) {
            _ = try await practice.editClient("c-017", displayName: nil, timeZone: "Mars/Olympus")
        }
    }

    @Test func aGoalGetsItsTimeBoundAndAPhaseNewDays() async throws {
        let (fixture, _) = try await WorkflowTests().setUp()
        let practice = fixture.practice
        let goal = Goal(id: "c-017-g1", clientID: "c-017", title: "Fewer anxious evenings")
        _ = try await practice.saveGoal(goal)
        var phased = goal
        phased.phases = [
            GoalPhase(
                id: "c-017-g1-p1", title: "Notice", start: LocalDate("2026-11-30")!,
                end: LocalDate("2026-12-20")!)
        ]
        // A phase needs the goal's time bound, which only an edit can give.
        await #expect(throws: CoreError.self) { _ = try await practice.saveGoal(phased) }
        let (edited, findings) = try await practice.editGoal(
            goal.id, GoalEdit(timeBound: LocalDate("2027-02-28")))
        #expect(edited.timeBound == LocalDate("2027-02-28"))
        #expect(!findings.contains { $0.letter == .timeBound })
        phased.timeBound = edited.timeBound
        _ = try await practice.saveGoal(phased)
        let (_, phase, _) = try await practice.editPhase(
            goalID: goal.id, phaseID: "c-017-g1-p1", title: nil, start: nil,
            end: LocalDate("2026-12-27"))
        #expect(phase.end == LocalDate("2026-12-27"))
        // Past the time bound: refused, nothing changed.
        await #expect(throws: CoreError.self) {
            _ = try await practice.editPhase(
                goalID: goal.id, phaseID: "c-017-g1-p1", title: nil, start: nil,
                end: LocalDate("2027-03-31"))
        }
        #expect(try await practice.goal(goal.id).phases.first?.end == LocalDate("2026-12-27"))
        await #expect(throws: PracticeError.self) {
            _ = try await practice.editPhase(
                goalID: goal.id, phaseID: "c-017-g1-p9", title: "x", start: nil, end: nil)
        }
    }
}
