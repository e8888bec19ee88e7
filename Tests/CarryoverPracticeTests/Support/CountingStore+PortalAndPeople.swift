import CarryoverCore
import CarryoverStore
import Foundation

/// The portal's and the people's parts of the store contract, forwarded and
/// counted like the rest.
extension CountingStore {
    func addInvite(_ invite: PortalInvite) async throws {
        count("addInvite")
        try await base.addInvite(invite)
    }

    func invites(clientID: String) async throws -> [PortalInvite] {
        count("invites")
        return try await base.invites(clientID: clientID)
    }

    func invite(tokenHash: String) async throws -> PortalInvite? {
        count("invite")
        return try await base.invite(tokenHash: tokenHash)
    }

    func redeemInvite(tokenHash: String, at: Date) async throws -> InviteRedemption {
        count("redeemInvite")
        return try await base.redeemInvite(tokenHash: tokenHash, at: at)
    }

    func revokeInvites(clientID: String, supporterID: String?, at: Date) async throws -> Int {
        count("revokeInvites")
        return try await base.revokeInvites(clientID: clientID, supporterID: supporterID, at: at)
    }

    func saveSession(_ session: PortalSession) async throws {
        count("saveSession")
        try await base.saveSession(session)
    }

    func session(keyHash: String, at: Date) async throws -> PortalSession? {
        count("session")
        return try await base.session(keyHash: keyHash, at: at)
    }

    func removeSession(keyHash: String) async throws {
        count("removeSession")
        try await base.removeSession(keyHash: keyHash)
    }

    func endSessions(clientID: String, supporterID: String?) async throws -> Int {
        count("endSessions")
        return try await base.endSessions(clientID: clientID, supporterID: supporterID)
    }

    func recordFailedAttempt(addressHash: String, at: Date, policy: AttemptPolicy) async throws
        -> Date?
    {
        count("recordFailedAttempt")
        return try await base.recordFailedAttempt(addressHash: addressHash, at: at, policy: policy)
    }

    func lockout(addressHash: String, at: Date) async throws -> Date? {
        count("lockout")
        return try await base.lockout(addressHash: addressHash, at: at)
    }

    func setCalendarToken(clientID: String, tokenHash: String, at: Date) async throws {
        count("setCalendarToken")
        try await base.setCalendarToken(clientID: clientID, tokenHash: tokenHash, at: at)
    }

    func revokeCalendarToken(clientID: String) async throws -> Bool {
        count("revokeCalendarToken")
        return try await base.revokeCalendarToken(clientID: clientID)
    }

    func calendarClient(tokenHash: String) async throws -> String? {
        count("calendarClient")
        return try await base.calendarClient(tokenHash: tokenHash)
    }

    func notePortalOpened(clientID: String, at: Date) async throws {
        count("notePortalOpened")
        try await base.notePortalOpened(clientID: clientID, at: at)
    }

    func portalLastOpened(clientID: String) async throws -> Date? {
        count("portalLastOpened")
        return try await base.portalLastOpened(clientID: clientID)
    }

    func entryID(idempotencyKey: String, clientID: String) async throws -> String? {
        count("entryID")
        return try await base.entryID(idempotencyKey: idempotencyKey, clientID: clientID)
    }
}

extension CountingStore {
    func addSupporter(_ supporter: Supporter) async throws {
        count("addSupporter")
        try await base.addSupporter(supporter)
    }

    func updateSupporter(_ supporter: Supporter, action: String) async throws {
        count("updateSupporter")
        try await base.updateSupporter(supporter, action: action)
    }

    func supporter(id: String) async throws -> Supporter {
        count("supporter")
        return try await base.supporter(id: id)
    }

    func supporters(clientID: String) async throws -> [Supporter] {
        count("supporters")
        return try await base.supporters(clientID: clientID)
    }

    func addEncouragement(_ message: Encouragement) async throws {
        count("addEncouragement")
        try await base.addEncouragement(message)
    }

    func encouragements(clientID: String, since: Date?) async throws -> [Encouragement] {
        count("encouragements")
        return try await base.encouragements(clientID: clientID, since: since)
    }

    func addReview(_ review: SessionReview, assignments: [Assignment]) async throws {
        count("addReview")
        try await base.addReview(review, assignments: assignments)
    }

    func reviews(clientID: String) async throws -> [SessionReview] {
        count("reviews")
        return try await base.reviews(clientID: clientID)
    }
}
