import CarryoverCore
import CarryoverPacks
import CarryoverStore
import Foundation
import Testing

@testable import CarryoverPractice

/// One portal form submission reads each thing once and loads its plugin
/// once (issue 19, scenario 6), and forms sent at the same moment (group
/// commit) are each stored once, with their keys holding.
@Suite struct PortalSubmissionPassTests {
    /// What the portal does for one POST: the client's assignments (to find
    /// the form's and the safety plan link), the form's declaration, the
    /// submission. On main before this change: 2 plugin loads (the form's
    /// fields, then `log`) and 8 store calls (assignments twice, assignment
    /// three times, client, entryID, writeEngine, entries), not counting the
    /// session and the signed-in client, which the server reads once each.
    @Test func oneSubmissionReadsEachThingOnceAndLoadsThePluginOnce() async throws {
        let (fixture, _) = try await PortalPracticeTests.practiceWithMoodLog()
        // Any earlier form in this process may have read the declaration already.
        let warm = try await fixture.practice.portalAssignments(clientID: "c-1")
        _ = try fixture.practice.portalDeclaration(of: try #require(warm.homework.first))
        let (practice, store) = try OnePassTests.counted(fixture, at: PortalPracticeTests.now)

        let assignments = try await practice.portalAssignments(clientID: "c-1")
        let assignment = try #require(assignments.homework.first)
        let declaration = try practice.portalDeclaration(of: assignment)
        let outcome = try await practice.submitPortalEntry(
            clientID: "c-1", timeZone: "Europe/Berlin", assignment: assignment,
            fields: ["mood": 6], idempotencyKey: PortalSecret.make())

        #expect(declaration.fields.map(\.name).contains("mood"))
        #expect(!assignments.hasSafetyPlan)
        #expect(!outcome.replayed && outcome.entry.viaPortal && outcome.timeZone == "Europe/Berlin")
        #expect(practice.usage.snapshot["load"] == 1)
        // One engine write, which reads the entries, keeps the progress digest
        // (Practice+Digest) and gives the result page its progress: before, a
        // second write for the digest and a read of the entries after it.
        #expect(store.calls == ["assignments": 1, "entryID": 1, "writeEngine": 1])
    }

    @Test func anAssignmentNotTheClientsOrNotActiveIsRefused() async throws {
        let (fixture, id) = try await PortalPracticeTests.practiceWithMoodLog()
        let practice = fixture.practice
        _ = try await practice.addClient(id: "c-2", displayName: "Two", timeZone: "UTC")
        let assignment = try await practice.assignment(id)
        await #expect(throws: PracticeError.self) {
            _ = try await practice.submitPortalEntry(
                clientID: "c-2", timeZone: "UTC", assignment: assignment, fields: ["mood": 6],
                idempotencyKey: PortalSecret.make())
        }
        let paused = try await practice.setStatus(id, to: .paused, reason: "holiday")
        do {
            _ = try await practice.submitPortalEntry(
                clientID: "c-1", timeZone: "Europe/Berlin", assignment: paused,
                fields: ["mood": 6], idempotencyKey: PortalSecret.make())
            Issue.record("a paused assignment took an entry")
        } catch let error as PracticeError {
            #expect(error.code == .notActive)
        }
        #expect(try await practice.store.entries(.init()).isEmpty)
    }

    // Many forms at once share transactions (group commit): 12 different
    // forms and one form tapped 6 times, all at the same moment, store 13
    // entries; every tap answers for the one entry its key stored, and the
    // day's one occurrence earned its tokens once (no lost or doubled update).
    @Test func formsSentAtOnceAreEachStoredOnce() async throws {
        let (fixture, id) = try await PortalPracticeTests.practiceWithMoodLog()
        let practice = fixture.practice
        let assignment = try await practice.assignment(id)
        let tapped = PortalSecret.make()
        let keys = (0..<12).map { _ in PortalSecret.make() } + Array(repeating: tapped, count: 6)
        let outcomes = try await withThrowingTaskGroup(of: (String, LogOutcome).self) { group in
            for (index, key) in keys.enumerated() {
                group.addTask {
                    let outcome = try await practice.submitPortalEntry(
                        clientID: "c-1", timeZone: "Europe/Berlin", assignment: assignment,
                        fields: ["mood": .double(Double(index % 11))], idempotencyKey: key)
                    return (key, outcome)
                }
            }
            return try await group.reduce(into: [(String, LogOutcome)]()) { $0.append($1) }
        }
        let entries = try await practice.store.entries(.init(assignmentID: id))
        #expect(entries.count == 13)
        let taps = outcomes.filter { $0.0 == tapped }.map(\.1)
        #expect(Set(taps.map(\.entry.id)).count == 1)
        #expect(taps.filter { !$0.replayed }.count == 1)
        let ledger = try await practice.store.ledger(assignmentID: id)
        // All 13 fall in one day's occurrence, which earns once: one ledger line.
        #expect(ledger.filter { $0.kind == Practice.ledgerKind }.count == 1)
    }

    // The declaration is kept per process, but the pack is looked up every
    // time: once its key is revoked, the form is refused at once.
    @Test func aRevokedPacksFormIsRefusedAfterItsFieldsWereShown() async throws {
        let packs = try ClinicPackFixture()
        let (fixture, assignment) = try await packs.assigned()
        let shown = try fixture.practice.portalDeclaration(of: assignment)
        #expect(!shown.fields.isEmpty)
        try TrustStore(practice: fixture.folder).revoke(packs.key.keyID)
        #expect(throws: PracticeError.self) {
            _ = try fixture.practice.portalDeclaration(of: assignment)
        }
    }
}
