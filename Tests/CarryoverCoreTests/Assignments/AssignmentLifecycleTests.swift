import Foundation
import Testing

@testable import CarryoverCore

/// A daily 20:00 Berlin assignment created 2026-03-01 08:00Z (CET: 20:00 = 19:00Z).
func thoughtRecords() throws -> Assignment {
    let schedule = try Schedule(
        timeZone: "Europe/Berlin", start: .on(day("2026-03-01")), pattern: .daily(interval: 1),
        timing: .at([at("20:00")]))
    return Assignment(
        id: "a-1", clientID: "c-017", homeworkType: "org.example.thought-record",
        homeworkVersion: "1.0.0", params: ["minimumEvidence": 2], schedule: schedule,
        completion: .done, reinforcement: ReinforcementPlan(), seed: 7,
        createdAt: utc("2026-03-01T08:00:00Z"))
}

@Suite struct AssignmentLifecycleTests {
    @Test func pauseResumeAndCompleteAreRecordedWithReasons() throws {
        var assignment = try thoughtRecords()
        try assignment.transition(
            to: .paused, at: utc("2026-03-02T10:00:00Z"), reason: "in hospital")
        try assignment.transition(to: .active, at: utc("2026-03-04T10:00:00Z"), reason: "back home")
        try assignment.transition(
            to: .completed, at: utc("2026-03-20T10:00:00Z"), reason: "goal met")
        #expect(assignment.status == .completed)
        #expect(
            assignment.history.map(\.what) == [
                "status active -> paused", "status paused -> active", "status active -> completed",
            ])
        #expect(assignment.history.map(\.reason) == ["in hospital", "back home", "goal met"])
        #expect(assignment.history.last?.status == .init(from: .active, to: .completed))
    }

    @Test func endedAssignmentsAreFinal() throws {
        var assignment = try thoughtRecords()
        try assignment.transition(
            to: .abandoned, at: utc("2026-03-02T10:00:00Z"), reason: "moved away")
        let error = #expect(throws: CoreError.self) {
            try assignment.transition(to: .active, at: utc("2026-03-03T10:00:00Z"), reason: "back")
        }
        #expect(error?.code == .invalidTransition)
        #expect(
            error?.message
                == "cannot change assignment a-1 from abandoned to active: abandoned is final; "
                + "make a new assignment instead")
        #expect(assignment.history.count == 1)
    }

    @Test func invalidMoveNamesWhatIsAllowed() throws {
        var assignment = try thoughtRecords()
        let error = #expect(throws: CoreError.self) {
            try assignment.transition(to: .active, at: utc("2026-03-02T10:00:00Z"), reason: "again")
        }
        #expect(
            error?.message
                == "cannot change assignment a-1 from active to active: from active it can become "
                + "paused, completed, abandoned")
        #expect(Assignment.Status.paused.allowedNext == [.active, .completed, .abandoned])
    }

    @Test func changesNeedAReasonAndATimeAfterTheLastOne() throws {
        var assignment = try thoughtRecords()
        let noReason = #expect(throws: CoreError.self) {
            try assignment.transition(to: .paused, at: utc("2026-03-02T10:00:00Z"), reason: "  ")
        }
        #expect(noReason?.code == .invalidTransition)
        let beforeCreation = #expect(throws: CoreError.self) {
            try assignment.transition(to: .paused, at: utc("2026-02-28T10:00:00Z"), reason: "x")
        }
        #expect(beforeCreation?.code == .invalidTransition)
        #expect(assignment.status == .active && assignment.history.isEmpty)
    }

    @Test func modifyRecordsWhatChangedAndWhy() throws {
        var assignment = try thoughtRecords()
        let later = try Schedule(
            timeZone: "Europe/Berlin", start: .on(day("2026-03-05")), pattern: .daily(interval: 1),
            timing: .at([at("21:00")]))
        try assignment.modify(
            AssignmentModification(params: ["minimumEvidence": 1], schedule: later),
            at: utc("2026-03-04T12:00:00Z"), reason: "evenings are busy; smaller step")
        #expect(assignment.schedule == later)
        #expect(assignment.params == ["minimumEvidence": 1])
        let change = try #require(assignment.history.last)
        #expect(
            change.what
                == "version 2 from 2026-03-04: params; "
                + "schedule 'daily at 20:00, from 2026-03-01 (Europe/Berlin)' -> "
                + "'daily at 21:00, from 2026-03-05 (Europe/Berlin)'")
        #expect(change.reason == "evenings are busy; smaller step")
        #expect(change.status == nil)
    }

    @Test func modifyRefusesNoReasonNoChangeAndEndedAssignments() throws {
        var assignment = try thoughtRecords()
        let time = utc("2026-03-04T12:00:00Z")
        let same = AssignmentModification(params: ["minimumEvidence": 2])
        #expect(throws: CoreError.self) { try assignment.modify(same, at: time, reason: "same") }
        let other = AssignmentModification(params: ["minimumEvidence": 3])
        #expect(throws: CoreError.self) { try assignment.modify(other, at: time, reason: "") }
        try assignment.transition(to: .completed, at: time, reason: "done")
        let ended = #expect(throws: CoreError.self) {
            try assignment.modify(other, at: time, reason: "more")
        }
        #expect(ended?.code == .invalidTransition)
        #expect(assignment.params == ["minimumEvidence": 2])
    }

    @Test func pausesFromHistoryRemoveOccurrences() throws {
        var assignment = try thoughtRecords()
        try assignment.transition(to: .paused, at: utc("2026-03-02T10:00:00Z"), reason: "ill")
        try assignment.transition(to: .active, at: utc("2026-03-04T10:00:00Z"), reason: "better")
        try assignment.transition(to: .paused, at: utc("2026-03-06T10:00:00Z"), reason: "travel")
        let now = utc("2026-03-07T12:00:00Z")
        let pauses = assignment.pauses(until: now)
        #expect(
            pauses == [
                DateInterval(start: utc("2026-03-02T10:00:00Z"), end: utc("2026-03-04T10:00:00Z")),
                DateInterval(start: utc("2026-03-06T10:00:00Z"), end: now),
            ])
        // Dues 19:00Z on 03-01..03-07 are indices 0..6; 03-02 and 03-03 (1, 2) fall in the
        // first pause, 03-06 (5) in the running one; 03-07 19:00Z is after `now`.
        let week = DateInterval(
            start: utc("2026-03-01T00:00:00Z"), end: utc("2026-03-08T00:00:00Z"))
        #expect(
            assignment.schedule.occurrences(in: week, excluding: pauses).map(\.index) == [
                0, 3, 4, 6,
            ])
    }
}
