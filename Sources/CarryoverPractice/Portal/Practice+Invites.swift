import CarryoverCore
import CarryoverStore
import Foundation

/// An invite as the therapist hands it on: the token appears here once and
/// is never stored.
public struct IssuedInvite: Sendable, Hashable {
    public var id: String
    public var clientID: String
    /// The secret for the link; only its hash is stored.
    public var token: String
    public var expiresAt: Date
    /// The supporter the link signs in; nil for the client's own link.
    public var supporterID: String? = nil
}

/// Who an invite link signs in: the client, or one of the client's supporters.
public struct PortalSignIn: Sendable, Hashable {
    public var clientID: String
    /// The supporter, for a supporter's link; nil for the client's own.
    public var supporterID: String?
}

extension Practice {
    /// How long an invite link stays usable unless the therapist says otherwise: 7 days.
    public static let inviteLifetime: TimeInterval = 7 * 86_400
    /// The shortest and longest lifetimes an invite may be given.
    public static let inviteLifetimes: ClosedRange<TimeInterval> = 300...(30 * 86_400)
    /// Wrong invite links an address may send before a lockout.
    public static let inviteAttempts = AttemptPolicy(limit: 5, window: 900, lockout: 900)

    /// Makes a single-use invite link token for a client, valid for `validFor` seconds.
    ///
    /// - Throws: ``PracticeError`` `.notFound` for an unknown client,
    ///   `.invalidInput` for a lifetime outside ``inviteLifetimes``.
    public func invite(clientID: String, validFor: TimeInterval = inviteLifetime) async throws
        -> IssuedInvite
    {
        try await makeInvite(
            client: try await client(clientID), supporterID: nil, validFor: validFor)
    }

    /// An invite for the client, or for one of the client's supporters.
    func makeInvite(client: Client, supporterID: String?, validFor: TimeInterval) async throws
        -> IssuedInvite
    {
        guard Self.inviteLifetimes.contains(validFor) else {
            throw PracticeError(
                .invalidInput,
                "an invite lasts between 5 minutes and 30 days; give --expires such as 7d, 48h or 30m"
            )
        }
        let now = clock.now()
        let token = PortalSecret.make()
        // The id names the invite in the audit journal; it is not the secret.
        let id = "inv-" + PortalSecret.hash(token + "id").prefix(10)
        let expires = now.addingTimeInterval(validFor)
        try await store.addInvite(
            PortalInvite(
                id: String(id), clientID: client.id, tokenHash: PortalSecret.hash(token),
                createdAt: now, expiresAt: expires, supporterID: supporterID))
        return IssuedInvite(
            id: String(id), clientID: client.id, token: token, expiresAt: expires,
            supporterID: supporterID)
    }

    /// Revokes every open invite of the client; returns how many.
    public func revokeInvites(clientID: String) async throws -> Int {
        let client = try await client(clientID)
        return try await store.revokeInvites(clientID: client.id, at: clock.now())
    }

    /// The client's invites, newest first (hashes only).
    public func invites(clientID: String) async throws -> [PortalInvite] {
        try await store.invites(clientID: try await client(clientID).id)
    }

    /// Uses an invite token sent from `address`, once, and returns whom it
    /// signs in: the client, or a supporter of the client's.
    ///
    /// - Throws: ``PracticeError`` `.rateLimited` while the address is locked
    ///   out after too many wrong tokens; `.notFound` for a token no invite
    ///   has (counted toward the lockout); `.gone` for one used, expired or
    ///   revoked, with what to do.
    public func redeemInvite(token: String, address: String) async throws -> PortalSignIn {
        try await useInvite(token: token, address: address, consume: true)
    }

    /// Checks an invite token as ``redeemInvite(token:address:)`` does,
    /// without using it (the page behind the link asks before signing in, so
    /// a link preview cannot use up the link).
    @discardableResult
    public func checkInvite(token: String, address: String) async throws -> PortalSignIn {
        try await useInvite(token: token, address: address, consume: false)
    }

    private func useInvite(token: String, address: String, consume: Bool) async throws
        -> PortalSignIn
    {
        let now = clock.now()
        let addressHash = PortalSecret.hash("address:" + address)
        if let until = try await store.lockout(addressHash: addressHash, at: now) {
            throw Self.lockedOut(until: until, now: now)
        }
        let hash = PortalSecret.hash(token)
        let outcome: InviteRedemption
        if !PortalSecret.isWellFormed(token) {
            outcome = .unknown
        } else if consume {
            outcome = try await store.redeemInvite(tokenHash: hash, at: now)
        } else if let invite = try await store.invite(tokenHash: hash) {
            outcome =
                PortalRules.refusal(invite, at: now)
                ?? .redeemed(clientID: invite.clientID, supporterID: invite.supporterID)
        } else {
            outcome = .unknown
        }
        switch outcome {
        case .redeemed(let clientID, let supporterID):
            return PortalSignIn(clientID: clientID, supporterID: supporterID)
        case .unknown:
            if let until = try await store.recordFailedAttempt(
                addressHash: addressHash, at: now, policy: Self.inviteAttempts)
            {
                throw Self.lockedOut(until: until, now: now)
            }
            throw PracticeError(
                .notFound,
                "This link is not valid. Check that you opened the whole link, or ask your "
                    + "therapist for a new one.")
        case .used:
            throw PracticeError(
                .gone,
                "This link has been used already: each link works once. If you signed in on this "
                    + "device, go to today's homework; otherwise ask your therapist for a new link."
            )
        case .expired:
            throw PracticeError(
                .gone, "This link has expired. Ask your therapist for a new one.")
        case .revoked:
            throw PracticeError(
                .gone,
                "This link was withdrawn by your therapist. Ask your therapist for a new one.")
        }
    }

    private static func lockedOut(until: Date, now: Date) -> PracticeError {
        let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
        return PracticeError(
            .rateLimited,
            "Too many links that did not work were opened from here. Try again in \(minutes) "
                + "minute(s), or ask your therapist for a new link.")
    }
}
