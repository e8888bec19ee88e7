import CarryoverCore
import CarryoverStore
import Foundation
import Testing

/// The contract every store passes for supporters, their messages and
/// session reviews.
@Suite struct PeopleContractTests {
    static func supporter(_ id: String = "c-1-s1", client: String = "c-1") -> Supporter {
        Supporter(
            id: id, clientID: client, name: "Maria", relation: .parent, addedAt: Fixture.t0,
            grants: [
                SupporterGrant(
                    assignmentID: "a-1", permissions: [.see, .confirm], confirmationsCount: true)
            ])
    }

    @Test(arguments: StoreFactory.available)
    func aSupporterIsStoredChangedAndRemovedNeverDeleted(_ factory: StoreFactory) async throws {
        let (store, _) = try await Fixture.seeded(factory)
        try await store.addClient(Fixture.client("c-2"))
        var maria = Self.supporter()
        try await store.addSupporter(maria)
        #expect(try await store.supporter(id: maria.id) == maria)
        await expectStoreError(.duplicate) { try await store.addSupporter(maria) }
        await expectStoreError(.notFound) {
            try await store.addSupporter(Self.supporter("c-9-s1", client: "c-9"))
        }
        // A supporter's links and devices go when they are removed, the client's stay.
        try await store.addInvite(
            PortalInvite(
                id: "i-s", clientID: "c-1", tokenHash: "hs", createdAt: Fixture.t0,
                expiresAt: Fixture.t0 + 86_400, supporterID: maria.id))
        try await store.addInvite(
            PortalInvite(
                id: "i-c", clientID: "c-1", tokenHash: "hc", createdAt: Fixture.t0,
                expiresAt: Fixture.t0 + 86_400))
        try await store.saveSession(
            PortalSession(
                keyHash: "ks", clientID: "c-1", expiresAt: nil, data: "{}", supporterID: maria.id))
        try await store.saveSession(
            PortalSession(keyHash: "kc", clientID: "c-1", expiresAt: nil, data: "{}"))
        #expect(try await store.session(keyHash: "ks", at: Fixture.t0)?.supporterID == maria.id)
        maria.status = .removed
        maria.history.append(SupporterChange(at: Fixture.t0, what: "removed", reason: "moved"))
        try await store.updateSupporter(maria, action: "supporter.remove")
        #expect(try await store.supporter(id: maria.id) == maria)
        #expect(try await store.session(keyHash: "ks", at: Fixture.t0) == nil)
        #expect(try await store.session(keyHash: "kc", at: Fixture.t0) != nil)
        #expect(try await store.redeemInvite(tokenHash: "hs", at: Fixture.t0) == .revoked)
        #expect(
            try await store.redeemInvite(tokenHash: "hc", at: Fixture.t0)
                == .redeemed(clientID: "c-1", supporterID: nil))
        // A supporter never moves to another client.
        var moved = maria
        moved.clientID = "c-2"
        await expectStoreError(.conflict) {
            try await store.updateSupporter(moved, action: "supporter.grant")
        }
        #expect(try await store.supporters(clientID: "c-1").map(\.id) == [maria.id])
        #expect(try await store.supporters(clientID: "c-2").isEmpty)
        let audit = try await store.auditJournal(.init(objectID: maria.id)).map(\.action)
        #expect(audit.contains("supporter.add") && audit.contains("supporter.remove"))
    }

    @Test(arguments: StoreFactory.available)
    func aSupportersEntryNamesASupporterOfItsOwnClient(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Fixture.seeded(factory)
        try await store.addClient(Fixture.client("c-2"))
        try await store.addSupporter(Self.supporter())
        try await store.addSupporter(Self.supporter("c-2-s1", client: "c-2"))
        func confirmation(_ id: String, by supporter: String) -> Entry {
            var entry = Fixture.entry(id, assignment: assignment, fields: [:], scores: [:])
            entry.source = .supporter
            entry.recordedBy = Entry.portalRecorder
            entry.kind = .confirmation
            entry.supporterID = supporter
            return entry
        }
        _ = try await store.record(EntryRecording(entry: confirmation("e-1", by: "c-1-s1")))
        await expectStoreError(.conflict) {
            _ = try await store.record(EntryRecording(entry: confirmation("e-2", by: "c-2-s1")))
        }
        var unnamed = confirmation("e-3", by: "c-1-s1")
        unnamed.supporterID = nil
        await expectStoreError(.invalidInput) {
            _ = try await store.record(EntryRecording(entry: unnamed))
        }
        let stored = try await store.entries(.init(clientID: "c-1"))
        #expect(stored.map(\.id) == ["e-1"])
        #expect(stored[0].kind == .confirmation && stored[0].supporterID == "c-1-s1")
    }

    @Test(arguments: StoreFactory.available)
    func messagesAndReviewsAreKeptInOrder(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Fixture.seeded(factory)
        try await store.addSupporter(Self.supporter())
        for (index, text) in ["Well done", "Keep going"].enumerated() {
            try await store.addEncouragement(
                Encouragement(
                    id: "m-\(index)", supporterID: "c-1-s1", clientID: "c-1",
                    assignmentID: assignment.id, text: text,
                    sentAt: Fixture.t0 + Double(index) * 3600))
        }
        await expectStoreError(.duplicate) {
            try await store.addEncouragement(
                Encouragement(
                    id: "m-0", supporterID: "c-1-s1", clientID: "c-1",
                    assignmentID: assignment.id, text: "Again", sentAt: Fixture.t0))
        }
        #expect(
            try await store.encouragements(clientID: "c-1", since: nil).map(\.text) == [
                "Well done", "Keep going",
            ])
        #expect(
            try await store.encouragements(clientID: "c-1", since: Fixture.t0 + 1).map(\.text)
                == ["Keep going"])
        var ended = assignment
        ended.status = .abandoned
        let review = SessionReview(
            id: "c-1-r1", clientID: "c-1", heldAt: Fixture.t0, since: nil, reviewer: "dr-test",
            items: [
                ReviewItem(
                    assignmentID: assignment.id, title: "Mood", from: Fixture.t0,
                    adherence: AdherenceCount(done: 3, due: 4), barriers: [.time],
                    decision: .stop, reason: "done with it", change: "abandoned")
            ])
        try await store.addReview(review, assignments: [ended])
        #expect(try await store.reviews(clientID: "c-1") == [review])
        #expect(try await store.assignment(id: assignment.id).status == .abandoned)
        // One transaction: a review with another client's assignment stores nothing.
        try await store.addClient(Fixture.client("c-2"))
        let other = Fixture.assignment("a-2", client: "c-2")
        try await store.saveAssignment(other)
        var second = review
        second.id = "c-1-r2"
        await expectStoreError(.conflict) {
            try await store.addReview(second, assignments: [other])
        }
        #expect(try await store.reviews(clientID: "c-1").count == 1)
    }
}
