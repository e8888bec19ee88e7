import CarryoverCore
import CarryoverStore
import Foundation
import Testing

/// The contract every store passes for the client portal's tables.
@Suite struct PortalContractTests {
    static func invite(_ id: String, hash: String, client: String = "c-1", days: Double = 7)
        -> PortalInvite
    {
        PortalInvite(
            id: id, clientID: client, tokenHash: hash, createdAt: Fixture.t0,
            expiresAt: Fixture.t0.addingTimeInterval(days * 86_400))
    }

    @Test(arguments: StoreFactory.available)
    func anInviteIsRedeemedOnceAndAudited(_ factory: StoreFactory) async throws {
        let (store, _) = try await Fixture.seeded(factory)
        try await store.addInvite(Self.invite("inv-1", hash: "h1"))
        #expect(try await store.invite(tokenHash: "h1")?.usedAt == nil)
        let at = Fixture.t0.addingTimeInterval(60)
        #expect(
            try await store.redeemInvite(tokenHash: "h1", at: at)
                == .redeemed(clientID: "c-1", supporterID: nil))
        #expect(try await store.redeemInvite(tokenHash: "h1", at: at) == .used)
        #expect(try await store.redeemInvite(tokenHash: "nope", at: at) == .unknown)
        #expect(try await store.invites(clientID: "c-1").first?.usedAt == at)
        let audit = try await store.auditJournal(.init(objectID: "inv-1"))
        #expect(audit.map(\.action) == ["invite.create", "invite.redeem"])
        #expect(audit.map(\.principal) == ["dr-test", Entry.portalRecorder])
        await expectStoreError(.notFound) {
            try await store.addInvite(Self.invite("inv-2", hash: "h2", client: "c-9"))
        }
    }

    @Test(arguments: StoreFactory.available)
    func expiredAndRevokedInvitesAreRefused(_ factory: StoreFactory) async throws {
        let (store, _) = try await Fixture.seeded(factory)
        try await store.addInvite(Self.invite("inv-1", hash: "h1", days: 1))
        try await store.addInvite(Self.invite("inv-2", hash: "h2"))
        try await store.addInvite(Self.invite("inv-3", hash: "h3"))
        #expect(try await store.redeemInvite(tokenHash: "h3", at: Fixture.t0) != .unknown)
        let later = Fixture.t0.addingTimeInterval(2 * 86_400)
        // Only open invites are revoked: not the expired one, not the used one.
        #expect(try await store.revokeInvites(clientID: "c-1", at: later) == 1)
        #expect(try await store.redeemInvite(tokenHash: "h1", at: later) == .expired)
        #expect(try await store.redeemInvite(tokenHash: "h2", at: later) == .revoked)
    }

    @Test(arguments: StoreFactory.available)
    func sessionsExpireAndTheTherapistEndsThem(_ factory: StoreFactory) async throws {
        let (store, _) = try await Fixture.seeded(factory)
        let expires = Fixture.t0.addingTimeInterval(3600)
        try await store.saveSession(
            PortalSession(keyHash: "s1", clientID: "c-1", expiresAt: expires, data: "{}"))
        try await store.saveSession(
            PortalSession(keyHash: "s2", clientID: "c-1", expiresAt: expires, data: "{}"))
        // Saving again without an expiry keeps it.
        try await store.saveSession(
            PortalSession(keyHash: "s1", clientID: "c-1", expiresAt: nil, data: #"{"a":1}"#))
        let first = try await store.session(keyHash: "s1", at: Fixture.t0)
        #expect(first?.expiresAt == expires && first?.data == #"{"a":1}"#)
        #expect(try await store.session(keyHash: "s1", at: expires) == nil)
        try await store.removeSession(keyHash: "s1")
        #expect(try await store.session(keyHash: "s1", at: Fixture.t0) == nil)
        #expect(try await store.endSessions(clientID: "c-1") == 1)
        #expect(try await store.session(keyHash: "s2", at: Fixture.t0) == nil)
        let audit = try await store.auditJournal(.init(clientID: "c-1")).map(\.action)
        #expect(audit.contains("session.end"))
    }

    @Test(arguments: StoreFactory.available)
    func failedAttemptsLockAnAddressOutForAWhile(_ factory: StoreFactory) async throws {
        let (store, _) = try await Fixture.seeded(factory)
        let policy = AttemptPolicy(limit: 3, window: 600, lockout: 900)
        var at = Fixture.t0
        #expect(
            try await store.recordFailedAttempt(addressHash: "a", at: at, policy: policy) == nil)
        at += 10
        #expect(
            try await store.recordFailedAttempt(addressHash: "a", at: at, policy: policy) == nil)
        #expect(
            try await store.recordFailedAttempt(addressHash: "b", at: at, policy: policy) == nil)
        at += 10
        let until = try await store.recordFailedAttempt(addressHash: "a", at: at, policy: policy)
        #expect(until == at + 900)
        #expect(try await store.lockout(addressHash: "a", at: at + 899) == at + 900)
        #expect(try await store.lockout(addressHash: "a", at: at + 900) == nil)
        #expect(try await store.lockout(addressHash: "b", at: at) == nil)
        // After the lockout a new window starts.
        #expect(
            try await store.recordFailedAttempt(addressHash: "a", at: at + 901, policy: policy)
                == nil)
    }

    @Test(arguments: StoreFactory.available)
    func calendarTokensRotateAndRevoke(_ factory: StoreFactory) async throws {
        let (store, _) = try await Fixture.seeded(factory)
        try await store.setCalendarToken(clientID: "c-1", tokenHash: "t1", at: Fixture.t0)
        #expect(try await store.calendarClient(tokenHash: "t1") == "c-1")
        try await store.setCalendarToken(clientID: "c-1", tokenHash: "t2", at: Fixture.t0)
        #expect(try await store.calendarClient(tokenHash: "t1") == nil)
        #expect(try await store.calendarClient(tokenHash: "t2") == "c-1")
        #expect(try await store.revokeCalendarToken(clientID: "c-1"))
        #expect(!(try await store.revokeCalendarToken(clientID: "c-1")))
        #expect(try await store.calendarClient(tokenHash: "t2") == nil)
    }

    @Test(arguments: StoreFactory.available)
    func aFormsKeyStoresOneEntryWithItsSource(_ factory: StoreFactory) async throws {
        let (store, assignment) = try await Fixture.seeded(factory)
        var entry = Fixture.entry("e-1", assignment: assignment)
        entry.source = .client
        entry.recordedBy = Entry.portalRecorder
        _ = try await store.record(EntryRecording(entry: entry, idempotencyKey: "k1"))
        var twin = Fixture.entry("e-2", assignment: assignment)
        twin.source = .client
        twin.recordedBy = Entry.portalRecorder
        await expectStoreError(.duplicate) {
            _ = try await store.record(EntryRecording(entry: twin, idempotencyKey: "k1"))
        }
        let stored = try await store.entries(.init(clientID: "c-1"))
        #expect(stored.map(\.id) == ["e-1"] && stored[0].source == .client && stored[0].viaPortal)
        #expect(try await store.entryID(idempotencyKey: "k1", clientID: "c-1") == "e-1")
        #expect(try await store.entryID(idempotencyKey: "k1", clientID: "c-2") == nil)
        let audit = try await store.auditJournal(.init(objectID: "e-1"))
        #expect(audit.map(\.principal) == [Entry.portalRecorder])
        try await store.notePortalOpened(clientID: "c-1", at: Fixture.t0)
        #expect(try await store.portalLastOpened(clientID: "c-1") == Fixture.t0)
        #expect(try await store.portalLastOpened(clientID: "c-2") == nil)
    }
}
