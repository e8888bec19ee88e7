import CarryoverCore
import CarryoverStore
import Foundation
import Testing

@testable import CarryoverPractice

/// A wrong entry is amended or voided with a reason: the original stays in
/// history, status and rewards follow the correction, and a void's tokens
/// are taken back by a new ledger line.
@Suite struct CorrectionTests {
    /// The workflow's thought record (1 token a completed day) with entries
    /// Mon, Tue and Wed 2026-11-30 to 12-02 at 19:30 Berlin: 3 tokens.
    func setUp() async throws -> (PracticeFixture, Assignment, [Entry]) {
        let (fixture, assignment) = try await WorkflowTests().setUp()
        var entries: [Entry] = []
        for day in ["2026-11-30", "2026-12-01", "2026-12-02"] {
            entries.append(
                try await fixture.at(instant("\(day)T18:30:00Z"))
                    .log(assignmentID: assignment.id, fields: WorkflowTests.entry).entry)
        }
        return (fixture, assignment, entries)
    }

    @Test func anAmendmentIsScoredAgainAndKeepsTheOriginal() async throws {
        let (fixture, _, entries) = try await setUp()
        let practice = try fixture.at(instant("2026-12-03T08:00:00Z"))
        // By hand: belief_shift = thought_belief_after - thought_belief = 60 - 90 = -30.
        let outcome = try await practice.amendEntry(
            entries[1].id, changes: ["thought_belief_after": 60], reason: "misread the scale")
        #expect(outcome.history.entry.scores["belief_shift"] == -30)
        #expect(outcome.history.entry.revision == 1)
        let revision = try #require(outcome.history.revisions.first)
        #expect(revision.previousFields == WorkflowTests.entry)
        #expect(revision.previousScores["belief_shift"] == -50)
        #expect(revision.reason == "misread the scale" && revision.actor == practice.actor.name)
        // Status reads the amended scores.
        let history = try await practice.store.entries(.init(clientID: "c-017"))
        #expect(history.map { $0.scores["belief_shift"] } == [-50, -30, -50])

        // A value the type refuses: every problem, nothing written.
        await #expect(throws: PracticeError.self) {
            _ = try await practice.amendEntry(
                entries[1].id, changes: ["thought_belief_after": 150], reason: "typo")
        }
        #expect(try await practice.entryHistory(entries[1].id).revisions.count == 1)
        // No reason, no change: refused.
        await #expect(throws: PracticeError.self) {
            _ = try await practice.amendEntry(
                entries[1].id, changes: ["distortions": []], reason: " ")
        }
        await #expect(throws: PracticeError.self) {
            _ = try await practice.amendEntry(
                entries[1].id, changes: ["thought_belief_after": 60], reason: "same")
        }
    }

    @Test func aVoidTakesBackItsTokensWithANewLineAndStopsCounting() async throws {
        let (fixture, assignment, entries) = try await setUp()
        let practice = try fixture.at(instant("2026-12-03T08:00:00Z"))
        let outcome = try await practice.voidEntry(entries[1].id, reason: "logged twice by mistake")
        #expect(outcome.ledger.map(\.kind) == [.reverse])
        #expect(outcome.ledger.map(\.amount) == [-1])
        #expect(outcome.balance == "2 tokens")
        let rewards = try await practice.rewards(assignmentID: assignment.id)
        // The earning stays; the reversal is a line of its own.
        #expect(rewards.ledger.map(\.kind) == [.earn, .earn, .earn, .reverse])
        #expect(rewards.ledger.last?.reverses == 1)
        #expect(rewards.balance == 2 && rewards.storedBalance == 2)
        // Tuesday now counts as missed; the voided entry stays in history.
        let progress = try await practice.progress(of: assignment)
        #expect(progress.adherence.overall.done == 2)
        #expect(progress.adherence.overall.due == 3)
        #expect(progress.entries.map(\.id) == [entries[0].id, entries[2].id])
        let kept = try await practice.entryHistory(entries[1].id)
        #expect(kept.entry.voided && kept.revisions.map(\.action) == [.void])
        // Void twice, or amend a void entry: refused, nothing written.
        await #expect(throws: PracticeError.self) {
            _ = try await practice.voidEntry(entries[1].id, reason: "again")
        }
        await #expect(throws: PracticeError.self) {
            _ = try await practice.amendEntry(
                entries[1].id, changes: ["thought_belief_after": 60], reason: "late fix")
        }
        #expect(try await practice.rewards(assignmentID: assignment.id).ledger.count == 4)
        let journal = try await practice.store.auditJournal(.init(action: "entry.void"))
        #expect(journal.map(\.objectID) == [entries[1].id])
    }

    /// A void on homework without reinforcement (nothing to take back):
    /// it stops counting and status and the caseload still read the state.
    /// Found by hand: the void stored the state as null (status then failed
    /// with "A stored value could not be read").
    @Test func aVoidWithoutReinforcementKeepsTheStateReadable() async throws {
        let fixture = try await CaseloadTests.threeClients()
        let practice = try fixture.at(instant("2026-12-03T12:00:00Z"))
        let mood = try #require(
            try await practice.store.assignments(clientID: "c-001", status: nil).first)
        let logged = try await practice.store.entries(.init(assignmentID: mood.id))
        let outcome = try await practice.voidEntry(logged[0].id, reason: "wrong client")
        #expect(outcome.ledger.isEmpty && outcome.balance == nil)
        // By hand: Mon voided, Tue missed, Wed done: 1 done of 3 due.
        let progress = try await practice.progress(of: mood)
        #expect(progress.adherence.overall == AdherenceCount(done: 1, due: 3))
        let rows = try await practice.caseload()
        #expect(rows[0].adherence == AdherenceCount(done: 1, due: 3))
        #expect(try await practice.progress(clientID: "c-001").count == 1)
        #expect(try await practice.store.engineState(assignmentID: mood.id) != .null)
        // A practice that already holds such a null state reads it as a fresh one.
        let fresh = try Practice.assignmentState(mood, stored: .null)
        #expect(fresh == AssignmentState(startedAt: mood.createdAt))
    }

    @Test func aVoidTakesBackOnlyWhatWasNotSpent() async throws {
        let (fixture, assignment, entries) = try await setUp()
        let practice = try fixture.at(instant("2026-12-03T08:00:00Z"))
        _ = try await practice.redeem(assignmentID: assignment.id, rewardID: "movie")
        let outcome = try await practice.voidEntry(entries[0].id, reason: "wrong client")
        #expect(outcome.ledger.map(\.amount) == [0])
        #expect(outcome.ledger.first?.note.contains("0 of 1 taken back") == true)
        let rewards = try await practice.rewards(assignmentID: assignment.id)
        #expect(rewards.balance == 0 && rewards.storedBalance == 0)
    }

    @Test func anAmendmentThatRaisesARiskKeepsIt() async throws {
        let (fixture, assignment) = try await RiskFlagTests.weeklyPHQ9()
        let practice = try fixture.at(instant("2026-11-30T17:00:00Z"))
        let logged = try await practice.log(
            assignmentID: assignment.id, fields: RiskFlagTests.phq9(item9: 0))
        #expect(try await practice.flags(clientID: "c-017").isEmpty)
        _ = try await practice.amendEntry(
            logged.entry.id, changes: ["item9": 1], reason: "client corrected item 9 in session")
        #expect(try await practice.flags(clientID: "c-017").map(\.code) == ["phq9-item9"])
        // Amending the risk away does not close it: only an acknowledgement does.
        _ = try await practice.amendEntry(logged.entry.id, changes: ["item9": 0], reason: "typo")
        #expect(try await practice.flags(clientID: "c-017").count == 1)
    }
}
