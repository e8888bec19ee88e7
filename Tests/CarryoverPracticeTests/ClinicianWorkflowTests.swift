import CarryoverCore
import Foundation
import Testing

@testable import CarryoverPractice

/// What a therapist types is never misread, and status tells the truth after
/// the first day: a rule on a score the type lacks, an unknown task, an
/// anchored start, an abandoned assignment, a far-off start, every
/// reinforcer in the ledger, and a plugin's own progress.
@Suite struct ClinicianWorkflowTests {
    static let client = "c-017"
    static let mood: Value = ["mood": 6]

    /// Monday 2026-11-30, 09:00 in Berlin, with client c-017.
    func practice() async throws -> PracticeFixture {
        let fixture = try PracticeFixture(now: instant("2026-11-30T08:00:00Z"))
        _ = try await fixture.practice.addClient(
            id: Self.client, displayName: "Client 17", timeZone: "Europe/Berlin")
        return fixture
    }

    func moodLog(
        _ practice: Practice, schedule: String = "daily at 21:00", rule: String = "done",
        reinforce: String = "none", after: String? = nil
    ) async throws -> Assignment {
        try await practice.assign(
            AssignmentRequest(
                clientID: Self.client, homeworkType: "org.carryover.mood-log",
                schedule: schedule, completion: rule, reinforcement: reinforce,
                startsAfter: after))
    }

    @Test func aRuleOnAScoreTheTypeNeverGivesIsRefused() async throws {
        let fixture = try await practice()
        await #expect(
            throws: CoreError(
                .invalidRule,
                "the completion rule reads a score 'minutes' that Mood log never gives "
                    + "(it gives mood, sleep_hours); use one of those.")
        ) { _ = try await moodLog(fixture.practice, rule: "sum of minutes 150") }
        // A typo is one step from fixed.
        await #expect(throws: CoreError.self) {
            _ = try await moodLog(fixture.practice, rule: "all of: 5 of 7 days; moood >= 5")
        }
        // The default accuracy score of "80% over 3 sessions" is a score too.
        await #expect(throws: CoreError.self) {
            _ = try await moodLog(fixture.practice, rule: "80% over 3 sessions")
        }
        let kept = try await moodLog(fixture.practice, rule: "mood >= 5")
        // modify is checked the same way.
        await #expect(throws: CoreError.self) {
            _ = try await fixture.practice.modify(
                kept.id, params: nil, schedule: nil, completion: "sum of minutes 10",
                reinforcement: nil, reason: "try")
        }
        #expect(
            try await fixture.practice.store.assignments(clientID: Self.client, status: nil).count
                == 1)
    }

    @Test func anUnknownTaskIsRefusedAndAKnownOneKept() async throws {
        let fixture = try await practice()
        let practice = fixture.practice
        let error = await #expect(throws: PracticeError.self) {
            _ = try await practice.assign(
                AssignmentRequest(
                    clientID: Self.client, homeworkType: "org.carryover.mood-log",
                    schedule: "daily at 21:00", taskID: "c-017-g1-p1-t1"))
        }
        #expect(error?.code == .notFound)
        #expect(error?.message.hasPrefix("no task 'c-017-g1-p1-t1' in c-017's goals.") == true)
        let goal = Goal(
            id: "c-017-g1", clientID: Self.client, title: "Steadier evenings",
            timeBound: LocalDate("2027-01-31"),
            phases: [
                GoalPhase(
                    id: "c-017-g1-p1", title: "Notice", start: LocalDate("2026-11-30")!,
                    end: LocalDate("2026-12-20")!,
                    tasks: [GoalTask(id: "c-017-g1-p1-t1", title: "Log mood")])
            ])
        _ = try await practice.saveGoal(goal)
        let assignment = try await practice.assign(
            AssignmentRequest(
                clientID: Self.client, homeworkType: "org.carryover.mood-log",
                schedule: "daily at 21:00", taskID: "c-017-g1-p1-t1"))
        #expect(assignment.taskID == "c-017-g1-p1-t1")
        #expect(try await practice.store.assignments(clientID: Self.client, status: nil).count == 1)
    }

    /// "starting 2 days after the previous step" starts when the previous
    /// assignment is completed, and then counts like any other.
    @Test func anAnchoredScheduleStartsWhenThePreviousStepIsCompleted() async throws {
        let fixture = try await practice()
        let first = try await moodLog(fixture.practice)
        let second = try await moodLog(
            fixture.practice,
            schedule: "daily at 21:00 for 1 week starting 2 days after the previous step",
            after: first.id)
        #expect(second.startsAfter == first.id)
        let waiting = try await fixture.practice.progress(of: second)
        #expect(waiting.next == nil)
        #expect(waiting.assignment.waitsForAnchor)
        // --after needs a schedule that waits, and an assignment of the client.
        await #expect(throws: PracticeError.self) {
            _ = try await moodLog(fixture.practice, after: first.id)
        }
        await #expect(throws: PracticeError.self) {
            _ = try await moodLog(
                fixture.practice, schedule: "daily starting 1 day after the previous step",
                after: "c-017-9")
        }
        // Completed on Wednesday 2 December, 10:00 Berlin: the first day is Friday the 4th.
        let wednesday = try fixture.at(instant("2026-12-02T09:00:00Z"))
        _ = try await wednesday.setStatus(first.id, to: .completed, reason: "mastered")
        let started = try await wednesday.assignment(second.id)
        #expect(started.schedule.startDate == LocalDate("2026-12-04"))
        #expect(started.history.last?.what == "started: first day 2026-12-04")
        #expect(started.history.last?.reason == "c-017-1 completed")
        let progress = try await wednesday.progress(of: started)
        // Friday 21:00 CET = 20:00 UTC.
        #expect(progress.next?.due == instant("2026-12-04T20:00:00Z"))
        let logged = try await fixture.at(instant("2026-12-04T19:00:00Z"))
            .log(assignmentID: second.id, fields: Self.mood)
        #expect(logged.occurrence?.index == 0)
        // Starting twice is refused: the anchor is set.
        await #expect(throws: CoreError.self) {
            _ = try await wednesday.start(second.id, reason: "again")
        }
    }

    @Test func anAnchoredScheduleCanBeStartedByHand() async throws {
        let fixture = try await practice()
        let waiting = try await moodLog(
            fixture.practice, schedule: "daily at 21:00 starting the day after the previous step")
        let now = try fixture.at(instant("2026-12-01T12:00:00Z"))
        await #expect(throws: PracticeError.self) {
            _ = try await now.start(
                waiting.id, anchor: instant("2026-12-02T12:00:00Z"), reason: "x")
        }
        // The step was done on Monday evening (20:00 Berlin); the day after is Tuesday.
        let started = try await now.start(
            waiting.id, anchor: instant("2026-11-30T19:00:00Z"), reason: "step 1 done in session")
        #expect(started.schedule.startDate == LocalDate("2026-12-01"))
        #expect(try await now.progress(of: started).next?.due == instant("2026-12-01T20:00:00Z"))
        let fixed = try await moodLog(fixture.practice)
        await #expect(throws: CoreError.self) {
            _ = try await now.start(fixed.id, reason: "no anchor to set")
        }
    }

    /// An abandoned assignment stops where it ended: no misses after, no
    /// barrier flags, no next due.
    @Test func anAbandonedAssignmentRaisesNoFlagsAndShowsNoNextDue() async throws {
        let fixture = try await practice()
        let assignment = try await moodLog(fixture.practice)
        // Logged Monday, then nothing: Tue, Wed, Thu missed by Friday morning.
        _ = try await fixture.at(instant("2026-11-30T19:00:00Z"))
            .log(assignmentID: assignment.id, fields: Self.mood)
        let friday = try fixture.at(instant("2026-12-04T08:00:00Z"))
        let running = try await friday.progress(of: assignment)
        #expect(running.barrierFlags.map(\.code).contains(.consecutiveMisses))
        let abandoned = try await friday.setStatus(assignment.id, to: .abandoned, reason: "moved")
        // Two weeks later nothing more is due or missed: 1 of 4, as on Friday.
        let later = try await fixture.at(instant("2026-12-18T08:00:00Z")).progress(of: abandoned)
        #expect(later.adherence.overall == AdherenceCount(done: 1, due: 4))
        #expect(later.barrierFlags.isEmpty)
        #expect(later.next == nil)
        #expect(later.assignment.endedAt == instant("2026-12-04T08:00:00Z"))
    }

    @Test func aFarOffStartShowsItsFirstDueDate() async throws {
        let fixture = try await practice()
        let assignment = try await moodLog(
            fixture.practice, schedule: "weekly on mon at 18:00 from 2027-06-07")
        // Monday 7 June 2027, 18:00 CEST = 16:00 UTC: half a year ahead.
        #expect(
            try await fixture.practice.progress(of: assignment).next?.due
                == instant("2027-06-07T16:00:00Z"))
        let rare = try await moodLog(fixture.practice, schedule: "every 12 weeks on fri at 10:00")
        // From Monday 30 November the first Friday is 4 December.
        #expect(
            try await fixture.practice.progress(of: rare).next?.due
                == instant("2026-12-04T09:00:00Z"))
        // After that one is done early, the next is 12 weeks on: 26 February 2027.
        _ = try await fixture.at(instant("2026-12-04T08:00:00Z"))
            .log(assignmentID: rare.id, fields: Self.mood)
        #expect(
            try await fixture.at(instant("2026-12-04T08:30:00Z")).progress(of: rare).next?.due
                == instant("2027-02-26T09:00:00Z"))
    }

    /// Assigned at 09:00, "daily at 08:00" has not missed today's 08:00: it was
    /// due before the assignment existed.
    @Test func aTimeDueBeforeTheAssignmentWasMadeIsNotMissed() async throws {
        let fixture = try await practice()
        let assignment = try await moodLog(fixture.practice, schedule: "daily at 08:00")
        let noon = try await fixture.at(instant("2026-11-30T11:00:00Z")).progress(of: assignment)
        #expect(noon.adherence.overall == AdherenceCount(done: 0, due: 0))
        #expect(noon.barrierFlags.isEmpty)
        // Tuesday's 08:00 is the first that counts: missed by Tuesday noon.
        let tuesday = try await fixture.at(instant("2026-12-01T11:00:00Z")).progress(
            of: assignment)
        #expect(tuesday.adherence.overall == AdherenceCount(done: 0, due: 1))
    }

    /// "This week" is the client's current week, even when nothing was due in
    /// it yet (status once showed the last week that had anything counted).
    @Test func thisWeekIsTheCurrentWeekInTheClientsZone() async throws {
        let fixture = try await practice()
        let assignment = try await moodLog(
            fixture.practice, schedule: "weekly on mon at 21:00 for 2 weeks")
        _ = try await fixture.at(instant("2026-11-30T19:00:00Z"))
            .log(assignmentID: assignment.id, fields: Self.mood)
        // Mon 14 December 00:30 in Berlin is still Sunday 13th in UTC (ISO week 50);
        // the client's week is 51, from Monday 14th, with nothing due in it.
        let progress = try await fixture.at(instant("2026-12-13T23:30:00Z")).progress(
            of: assignment)
        #expect(progress.adherence.weeks.map(\.isoWeek) == [49, 50])
        #expect(progress.adherence.currentWeek.isoWeek == 51)
        #expect(progress.adherence.currentWeek.weekStart == instant("2026-12-13T23:00:00Z"))
        #expect(progress.adherence.currentWeek.count == AdherenceCount(done: 0, due: 0))
    }
}

/// Every reinforcer given is a ledger line that `rewards show` lists and a
/// therapist marks delivered: FR/VR/FI/VI reinforcers and prize-bowl wins
/// (once stored nowhere), besides tokens, vouchers and rewards bought.
@Suite struct ReinforcerLedgerTests {
    let base = ClinicianWorkflowTests()

    @Test func operantReinforcersAreLinesToDeliver() async throws {
        let fixture = try await base.practice()
        let assignment = try await base.moodLog(
            fixture.practice, reinforce: "FR 2 with a sticker")
        #expect(assignment.reinforcement.description == "FR 2: a sticker for every 2nd entry")
        var messages: [String] = []
        for day in ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"] {
            let outcome = try await fixture.at(instant("\(day)T19:00:00Z"))
                .log(assignmentID: assignment.id, fields: ClinicianWorkflowTests.mood)
            messages += outcome.reinforcement.map(\.message)
        }
        // FR 2: the 2nd and 4th entries.
        #expect(messages == ["You earned a sticker.", "You earned a sticker."])
        let practice = try fixture.at(instant("2026-12-04T08:00:00Z"))
        let view = try await practice.rewards(assignmentID: assignment.id)
        #expect(view.ledger.map(\.kind) == [.reinforcer, .reinforcer])
        #expect(
            view.lineWords == [
                "a sticker (entry 2), to deliver", "a sticker (entry 4), to deliver",
            ])
        #expect(view.pending.map(\.number) == [0, 1])
        let delivered = try await practice.deliver(assignmentID: assignment.id, line: 0)
        #expect(delivered.pending.map(\.number) == [1])
        #expect(delivered.lineWords[0] == "a sticker (entry 2), delivered")
        // A line delivered, or one that is not a reinforcer, cannot be delivered again.
        await #expect(throws: CoreError.self) {
            _ = try await practice.deliver(assignmentID: assignment.id, line: 0)
        }
        await #expect(throws: CoreError.self) {
            _ = try await practice.deliver(assignmentID: assignment.id, line: 2)
        }
    }

    @Test func prizeBowlWinsAreLinesWithTheirPrize() async throws {
        let fixture = try await base.practice()
        let assignment = try await base.moodLog(fixture.practice, reinforce: "prize bowl")
        var won: [(String, Int)] = []
        for day in ["2026-11-30", "2026-12-01", "2026-12-02"] {
            let outcome = try await fixture.at(instant("\(day)T19:00:00Z"))
                .log(assignmentID: assignment.id, fields: ClinicianWorkflowTests.mood)
            for case .prize(_, _, _, let slip, let value) in outcome.reinforcement {
                won.append((slip, value))
            }
        }
        // Three completions in a row earn 1 + 2 + 3 draws (Petry 2000, no cap).
        #expect(won.count == 6)
        let view = try await fixture.at(instant("2026-12-03T08:00:00Z"))
            .rewards(assignmentID: assignment.id)
        #expect(view.ledger.count == 6)
        #expect(view.ledger.map(\.item) == won.map(\.0))
        #expect(view.ledger.map(\.value) == won.map { $0.1 })
        #expect(view.ledger.allSatisfy { $0.amount == 0 && $0.kind == .reinforcer })
        // A "good job" slip has nothing to hand over; every prize of value does.
        #expect(view.pending.map(\.number) == view.ledger.filter { $0.value != 0 }.map(\.number))
        #expect(
            view.lineWords[0].hasSuffix(
                "(scheduled time 1, draw 1 of 1)" + (won[0].1 > 0 ? ", to deliver" : "")))
    }
}
