import Foundation
import Testing

@testable import CarryoverCore

private func panicGoal(phases: [GoalPhase] = []) -> Goal {
    Goal(
        id: "g-1", clientID: "c-017", title: "Fewer catastrophic thoughts",
        specific: "write a thought record after each panic attack",
        measure: "3 thought records a week", achievable: "already writes 1 a week",
        relevant: "panic disorder: catastrophic misreading of body sensations",
        timeBound: day("2026-04-26"),
        grow: GROWNotes(
            goal: "feel safe on the bus", reality: "avoids buses since January",
            options: "records, breathing, graded exposure", wayForward: "first record this Friday"),
        phases: phases)
}

private func twoPhases() -> [GoalPhase] {
    [
        GoalPhase(
            id: "p-1", title: "monitoring", start: day("2026-03-01"), end: day("2026-03-14"),
            tasks: [GoalTask(id: "t-1", title: "daily thought record", assignmentID: "a-1")]),
        GoalPhase(
            id: "p-2", title: "challenging", start: day("2026-03-15"), end: day("2026-04-26"),
            tasks: [GoalTask(id: "t-2", title: "evidence for and against")]),
    ]
}

@Suite struct SMARTCheckTests {
    @Test func completeGoalHasNoFindings() {
        #expect(panicGoal().smartCheck(today: day("2026-03-01")).isEmpty)
    }

    @Test func emptyGoalNamesEveryLetter() {
        let findings = Goal(id: "g-2", clientID: "c-017", title: "x").smartCheck(
            today: day("2026-03-01"))
        #expect(
            findings.map(\.letter) == [.specific, .measurable, .achievable, .relevant, .timeBound])
        #expect(findings.allSatisfy { $0.problem == .missing })
        #expect(
            findings[1].hint == "M: say how you will measure it, e.g. '3 thought records a week'")
        // 2026-03-01 + 56 days: 30 days to 03-31, 26 more to 04-26.
        #expect(
            findings[4].hint
                == "T: set a date by which the goal is met, e.g. 2026-04-26 (8 weeks from today)")
    }

    @Test func weakLettersAreNamed() {
        var goal = panicGoal()
        goal.specific = "exercise more"
        goal.measure = "more thought records"
        goal.timeBound = day("2026-02-01")
        let findings = goal.smartCheck(today: day("2026-03-01"))
        #expect(findings.map(\.letter) == [.specific, .measurable, .timeBound])
        #expect(findings.allSatisfy { $0.problem == .weak })
        #expect(
            findings[2].hint == "T: the date 2026-02-01 has passed; set a date from 2026-03-01 on")
    }

    @Test func numberWordsAndTodayAreEnough() {
        var goal = panicGoal()
        goal.measure = "a walk twice a week"
        goal.timeBound = day("2026-03-01")
        #expect(goal.smartCheck(today: day("2026-03-01")).isEmpty)
    }
}

@Suite struct GoalPlanTests {
    @Test func phasesInsideTheTimeBoundAreValid() throws {
        let goal = panicGoal(phases: twoPhases())
        try goal.validate()
        #expect(goal.phase(on: day("2026-03-14"))?.id == "p-1")
        #expect(goal.phase(on: day("2026-03-15"))?.id == "p-2")
        #expect(goal.phase(on: day("2026-04-27")) == nil)
    }

    @Test func phaseAfterTheTimeBoundIsRefused() {
        var phases = twoPhases()
        phases[1].end = day("2026-05-01")
        let error = #expect(throws: CoreError.self) { try panicGoal(phases: phases).validate() }
        #expect(error?.code == .invalidGoal)
        #expect(
            error?.message
                == "invalid goal: phase p-2 ends 2026-05-01, after the goal's time bound 2026-04-26; "
                + "end it by then or move the time bound")
    }

    @Test func overlappingReversedOrUnboundedPhasesAreRefused() {
        var overlapping = twoPhases()
        overlapping[1].start = day("2026-03-14")
        var reversed = twoPhases()
        reversed[0].end = day("2026-02-28")
        var unbounded = panicGoal(phases: twoPhases())
        unbounded.timeBound = nil
        var repeatedTask = twoPhases()
        repeatedTask[1].tasks[0].id = "t-1"
        for goal in [
            panicGoal(phases: overlapping), panicGoal(phases: reversed), unbounded,
            panicGoal(phases: repeatedTask),
        ] {
            let error = #expect(throws: CoreError.self) { try goal.validate() }
            #expect(error?.code == .invalidGoal)
        }
    }

    @Test func tasksLinkToAssignments() throws {
        var goal = panicGoal(phases: twoPhases())
        try goal.link(task: "t-2", to: "a-2")
        #expect(goal.phases[1].tasks[0].assignmentID == "a-2")
        let error = #expect(throws: CoreError.self) { try goal.link(task: "t-9", to: "a-3") }
        #expect(error?.message == "invalid goal: goal g-1 has no task t-9; add it to a phase first")
    }

    @Test func errorsNeverQuoteTheClientsWords() {
        var phases = twoPhases()
        phases[1].end = day("2026-05-01")
        let goal = panicGoal(phases: phases)
        let error = #expect(throws: CoreError.self) { try goal.validate() }
        for private_ in [goal.title, goal.specific, phases[1].title, goal.clientID] {
            #expect(error?.message.contains(private_) == false)
        }
    }
}
