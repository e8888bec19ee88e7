import CarryoverCore
import CarryoverStore
import Foundation
import Testing

@testable import CarryoverPractice

/// The practice's portal workflow, without HTTP: what every front end gets.
@Suite struct PortalPracticeTests {
    static let now = instant("2026-12-07T09:00:00Z")

    static func practiceWithMoodLog() async throws -> (PracticeFixture, String) {
        let fixture = try PracticeFixture(now: now)
        _ = try await fixture.practice.addClient(
            id: "c-1", displayName: "One", timeZone: "Europe/Berlin")
        let assignment = try await fixture.practice.assign(
            AssignmentRequest(
                clientID: "c-1", homeworkType: "org.carryover.mood-log",
                schedule: "daily at 21:00", reinforcement: "token economy"))
        return (fixture, assignment.id)
    }

    @Test func aKeySentTwiceStoresOneEntryAndEarnsOnce() async throws {
        let (fixture, id) = try await Self.practiceWithMoodLog()
        let practice = fixture.practice
        let key = PortalSecret.make()
        let first = try await practice.submitPortalEntry(
            clientID: "c-1", assignmentID: id, fields: ["mood": 6], idempotencyKey: key)
        let again = try await practice.submitPortalEntry(
            clientID: "c-1", assignmentID: id, fields: ["mood": 2], idempotencyKey: key)
        #expect(!first.replayed && again.replayed)
        #expect(first.reinforcement.count == 1 && again.reinforcement.isEmpty)
        #expect(again.entry.id == first.entry.id && again.entry.fields == ["mood": 6])
        let entries = try await practice.store.entries(.init(assignmentID: id))
        #expect(entries.count == 1 && entries[0].source == .client && entries[0].viaPortal)
        // One earning: one reinforcement event and its one token ledger line.
        let ledger = try await practice.store.ledger(assignmentID: id)
        #expect(ledger.filter { $0.kind == Practice.ledgerKind }.count == 1)
    }

    @Test func theCLIsLogKeepsNoSource() async throws {
        let (fixture, id) = try await Self.practiceWithMoodLog()
        _ = try await fixture.practice.log(assignmentID: id, fields: ["mood": 5])
        let entry = try #require(try await fixture.practice.store.entries(.init()).first)
        #expect(entry.source == .therapist && !entry.viaPortal)
        let audit = try await fixture.practice.store.auditJournal(.init(objectID: entry.id))
        #expect(audit.first?.principal != Entry.portalRecorder)
    }

    @Test func invitesLastBetweenFiveMinutesAndThirtyDays() async throws {
        let (fixture, _) = try await Self.practiceWithMoodLog()
        let practice = fixture.practice
        let refused: [TimeInterval] = [299, 30 * 86_400 + 1]
        for seconds in refused {
            do {
                _ = try await practice.invite(clientID: "c-1", validFor: seconds)
                Issue.record("an invite for \(seconds) s was made")
            } catch let error as PracticeError {
                #expect(error.code == .invalidInput)
            }
        }
        let invite = try await practice.invite(clientID: "c-1")
        #expect(invite.expiresAt == Self.now.addingTimeInterval(7 * 86_400))
        #expect(try await practice.invites(clientID: "c-1").map(\.id) == [invite.id])
    }

    @Test func aPausedAssignmentTakesNoPortalEntry() async throws {
        let (fixture, id) = try await Self.practiceWithMoodLog()
        _ = try await fixture.practice.setStatus(id, to: .paused, reason: "holiday")
        do {
            _ = try await fixture.practice.submitPortalEntry(
                clientID: "c-1", assignmentID: id, fields: ["mood": 6],
                idempotencyKey: PortalSecret.make())
            Issue.record("a paused assignment took an entry")
        } catch let error as PracticeError {
            #expect(error.code == .notActive)
        }
        #expect(try await fixture.practice.portalHomework(clientID: "c-1").isEmpty)
    }

    @Test func tokensAre256BitsOfBase64URL() {
        let tokens = (0..<100).map { _ in PortalSecret.make() }
        #expect(Set(tokens).count == 100)
        #expect(tokens.allSatisfy(PortalSecret.isWellFormed))
        // 43 base64url characters carry 258 bits; the last holds 4 of the 256.
        #expect(tokens.allSatisfy { $0.count == 43 })
        #expect(!PortalSecret.isWellFormed("short") && !PortalSecret.isWellFormed(tokens[0] + "="))
        // SHA-256 of "abc" (FIPS 180-2, appendix B.1).
        #expect(
            PortalSecret.hash("abc")
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
