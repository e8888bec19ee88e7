import CarryoverCore
import Foundation
import Testing

@testable import CarryoverPractice

/// A thought record daily at 20:00 for three weeks, "5 of 7 days", one
/// token per completed day: the workflow the CLI runs, without the CLI.
@Suite struct WorkflowTests {
    static let entry: Value = [
        "situation": "Friend did not answer my message",
        "emotions": [["name": "anxious", "intensity": 80]],
        "automatic_thought": "She is angry with me", "thought_belief": 90,
        "evidence_for": ["She usually answers fast"],
        "evidence_against": ["She said she had a busy week"], "distortions": ["mind_reading"],
        "balanced_thought": "She is probably busy", "balanced_belief": 70,
        "thought_belief_after": 40, "emotions_after": [["name": "anxious", "intensity": 40]],
    ]

    func setUp() async throws -> (PracticeFixture, Assignment) {
        // Monday 2026-11-30, 09:00 in Berlin (08:00 UTC).
        let fixture = try PracticeFixture(now: instant("2026-11-30T08:00:00Z"))
        _ = try await fixture.practice.addClient(
            id: "c-017", displayName: "Client 17", timeZone: "Europe/Berlin")
        let assignment = try await fixture.practice.assign(
            AssignmentRequest(
                clientID: "c-017", homeworkType: "org.carryover.thought-record",
                schedule: "daily at 20:00 for 3 weeks", completion: "5 of 7 days",
                reinforcement: "token economy",
                rewards: [Reward(id: "movie", name: "Movie night", price: 3)]))
        return (fixture, assignment)
    }

    @Test func threeDaysOfEntriesEarnThreeTokensAndARewardSpendsThem() async throws {
        let (fixture, assignment) = try await setUp()
        #expect(assignment.id == "c-017-1")
        // 19:30 in Berlin (18:30 UTC) on Mon, Tue, Wed: each before its 20:00 due time.
        var last: LogOutcome?
        for day in ["2026-11-30", "2026-12-01", "2026-12-02"] {
            let practice = try fixture.at(instant("\(day)T18:30:00Z"))
            last = try await practice.log(assignmentID: assignment.id, fields: Self.entry)
        }
        let outcome = try #require(last)
        #expect(outcome.occurrence?.index == 2)
        #expect(outcome.balance == "3 tokens")
        // Wednesday's occurrence is done, so the next is Thursday's at 20:00 CET = 19:00 UTC.
        #expect(outcome.next?.due == instant("2026-12-03T19:00:00Z"))
        #expect(outcome.completion.met == false)

        let practice = try fixture.at(instant("2026-12-02T19:30:00Z"))
        let progress = try await practice.progress(of: assignment)
        #expect(progress.adherence.overall.done == 3)
        #expect(progress.adherence.overall.due == 3)
        #expect(progress.streak.current == 3)

        let rewards = try await practice.redeem(assignmentID: assignment.id, rewardID: "movie")
        #expect(rewards.balance == 0)
        await #expect(throws: CoreError.self) {
            _ = try await practice.redeem(assignmentID: assignment.id, rewardID: "movie")
        }
    }

    @Test func aMissedDayIsReportedBeforeTheNextCompletion() async throws {
        let (fixture, assignment) = try await setUp()
        _ = try await fixture.at(instant("2026-11-30T18:30:00Z"))
            .log(assignmentID: assignment.id, fields: Self.entry)
        // Tuesday is missed; Wednesday's entry reports the miss, then completes.
        let outcome = try await fixture.at(instant("2026-12-02T18:30:00Z"))
            .log(assignmentID: assignment.id, fields: Self.entry)
        #expect(outcome.occurrence?.index == 2)
        #expect(outcome.balance == "2 tokens")
        let progress = try await fixture.at(instant("2026-12-02T19:30:00Z")).progress(
            of: assignment)
        #expect(progress.adherence.overall.done == 2)
        #expect(progress.adherence.overall.due == 3)
        #expect(progress.streak.current == 1)
        #expect(progress.streak.longest == 1)
    }

    @Test func aRejectedEntryWritesNothingAndNamesEveryField() async throws {
        let (fixture, assignment) = try await setUp()
        var bad = Self.entry.object!
        bad["thought_belief"] = 140
        bad["situation"] = nil
        do {
            _ = try await fixture.practice.log(assignmentID: assignment.id, fields: .object(bad))
            Issue.record("expected the entry to be rejected")
        } catch let error as PracticeError {
            #expect(error.code == .entryRejected)
            #expect(Set(error.problems.map(\.field)) == ["situation", "thought_belief"])
        }
        let entries = try await fixture.practice.store.entries(.init(assignmentID: assignment.id))
        #expect(entries.isEmpty)
    }

    @Test func unknownNamesSuggestTheClosest() async throws {
        let (fixture, _) = try await setUp()
        do {
            _ = try await fixture.practice.client("c-071")
            Issue.record("expected not found")
        } catch let error as PracticeError {
            #expect(error.code == .notFound)
            #expect(error.message.contains("'c-017'"))
        }
        do {
            _ = try fixture.practice.catalogue.source(id: "org.carryover.thought-recrod")
            Issue.record("expected not found")
        } catch let error as PracticeError {
            #expect(error.message.contains("'org.carryover.thought-record'"))
        }
    }
}

@Suite struct AssignRefusalTests {
    @Test func aPluginPredicateRuleIsRefusedWhenAssignedNotWhenStatusRuns() async throws {
        let fixture = try PracticeFixture(now: instant("2026-11-30T08:00:00Z"))
        _ = try await fixture.practice.addClient(
            id: "c-017", displayName: "C", timeZone: "Europe/Berlin")
        for rule in ["plugin mastered", "all of: 5 of 7 days; plugin mastered"] {
            await #expect(throws: PracticeError.self) {
                _ = try await fixture.practice.assign(
                    AssignmentRequest(
                        clientID: "c-017", homeworkType: "org.carryover.mood-log",
                        schedule: "daily at 21:00", completion: rule))
            }
        }
        #expect(
            try await fixture.practice.store.assignments(clientID: "c-017", status: nil).isEmpty)
    }
}
