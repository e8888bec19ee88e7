import Foundation

/// What the client portal (`carryover serve`) keeps in the practice's store:
/// invites, sessions, failed-attempt counters, calendar feeds and when each
/// client last opened the portal.
///
/// Secrets (invite tokens, session ids, calendar tokens) reach the store only
/// as SHA-256 hashes, and addresses only as hashes, so a copy of the database
/// opens nothing. Changes a therapist or client makes are audited like every
/// other change; counters and session refreshes are not.
public protocol PortalStore: Sendable {
    // MARK: Invites

    /// Stores a new invite (its client must exist) and audits `invite.create`.
    func addInvite(_ invite: PortalInvite) async throws
    /// The client's invites and its supporters', newest first.
    func invites(clientID: String) async throws -> [PortalInvite]
    /// The invite with this token hash, used or not, without using it.
    func invite(tokenHash: String) async throws -> PortalInvite?
    /// Uses the invite with this token hash, once: marks it used and audits
    /// `invite.redeem`, or says why it cannot be used. Two concurrent uses of
    /// one token redeem it at most once.
    func redeemInvite(tokenHash: String, at: Date) async throws -> InviteRedemption
    /// Revokes every open invite of the client's own (or, with a
    /// `supporterID`, of that supporter's); returns how many, audited.
    func revokeInvites(clientID: String, supporterID: String?, at: Date) async throws -> Int

    // MARK: Sessions

    /// Inserts or replaces a session; `expiresAt` nil keeps a stored session's expiry.
    func saveSession(_ session: PortalSession) async throws
    /// The session with this key hash, unless it has expired by `at`.
    func session(keyHash: String, at: Date) async throws -> PortalSession?
    /// Removes one session (signing out).
    func removeSession(keyHash: String) async throws
    /// Ends every session of the client's own devices (or, with a
    /// `supporterID`, of that supporter's) (the therapist's sign-out);
    /// returns how many were open, audited as `session.end`.
    func endSessions(clientID: String, supporterID: String?) async throws -> Int

    // MARK: Failed attempts

    /// Counts a wrong token from an address (given hashed) and returns the end
    /// of its lockout when this failure reaches the policy's limit.
    func recordFailedAttempt(addressHash: String, at: Date, policy: AttemptPolicy) async throws
        -> Date?
    /// The end of the address's lockout, if it is locked out at `at`.
    func lockout(addressHash: String, at: Date) async throws -> Date?

    // MARK: Calendar feeds

    /// Sets the client's calendar feed token (a new one replaces the old:
    /// rotation), audited as `calendar.create` or `calendar.rotate`.
    func setCalendarToken(clientID: String, tokenHash: String, at: Date) async throws
    /// Removes the client's calendar feed; returns whether there was one, audited.
    func revokeCalendarToken(clientID: String) async throws -> Bool
    /// The client whose calendar feed has this token hash.
    func calendarClient(tokenHash: String) async throws -> String?

    // MARK: Activity and submissions

    /// Notes that the client opened the portal at `at`.
    func notePortalOpened(clientID: String, at: Date) async throws
    /// When the client last opened the portal, if ever.
    func portalLastOpened(clientID: String) async throws -> Date?
    /// The entry a portal form with this idempotency key stored, if the
    /// client sent it before.
    func entryID(idempotencyKey: String, clientID: String) async throws -> String?
}

extension PortalStore {
    /// Revokes every open invite of the client's own.
    public func revokeInvites(clientID: String, at: Date) async throws -> Int {
        try await revokeInvites(clientID: clientID, supporterID: nil, at: at)
    }

    /// Ends every session of the client's own devices.
    public func endSessions(clientID: String) async throws -> Int {
        try await endSessions(clientID: clientID, supporterID: nil)
    }
}

/// One invite link: a single-use token (stored hashed) for one client.
public struct PortalInvite: Sendable, Hashable, Codable {
    /// A short id the therapist can name; not a secret.
    public var id: String
    public var clientID: String
    /// SHA-256 of the token, lowercase hex.
    public var tokenHash: String
    public var createdAt: Date
    public var expiresAt: Date
    public var usedAt: Date?
    public var revokedAt: Date?
    /// The supporter the link signs in, for a supporter's invite; nil for the client's.
    public var supporterID: String?

    public init(
        id: String, clientID: String, tokenHash: String, createdAt: Date, expiresAt: Date,
        usedAt: Date? = nil, revokedAt: Date? = nil, supporterID: String? = nil
    ) {
        self.id = id
        self.clientID = clientID
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.usedAt = usedAt
        self.revokedAt = revokedAt
        self.supporterID = supporterID
    }

    /// Whether the invite can still be used at `at`.
    public func isOpen(at: Date) -> Bool {
        usedAt == nil && revokedAt == nil && at < expiresAt
    }
}

/// What using an invite token came to.
public enum InviteRedemption: Sendable, Hashable {
    /// The token was open and is now used: the client (or, with a
    /// `supporterID`, the client's supporter) may start a session.
    case redeemed(clientID: String, supporterID: String?)
    /// No invite has this token.
    case unknown
    /// The token was used before.
    case used
    case expired
    case revoked
}

/// A signed-in device: the session id's hash, its client (and supporter,
/// for a supporter's device) and its expiry.
public struct PortalSession: Sendable, Hashable {
    public var keyHash: String
    public var clientID: String
    /// When the session ends; nil on save keeps the stored expiry.
    public var expiresAt: Date?
    /// The session's own data (JSON), as the server keeps it.
    public var data: String
    /// The supporter signed in on this device; nil for the client's own.
    public var supporterID: String?

    public init(
        keyHash: String, clientID: String, expiresAt: Date?, data: String,
        supporterID: String? = nil
    ) {
        self.keyHash = keyHash
        self.clientID = clientID
        self.expiresAt = expiresAt
        self.data = data
        self.supporterID = supporterID
    }
}

/// How many wrong tokens an address may send before it is locked out.
public struct AttemptPolicy: Sendable, Hashable {
    /// Failures allowed within `window` before the lockout starts.
    public var limit: Int
    public var window: TimeInterval
    public var lockout: TimeInterval

    public init(limit: Int = 5, window: TimeInterval = 900, lockout: TimeInterval = 900) {
        self.limit = limit
        self.window = window
        self.lockout = lockout
    }
}
