import Foundation

/// A therapist's account in a clinic's database (PostgreSQL only).
///
/// The account's id is its database role: the therapist signs in with it
/// and a password of their own, and the database's row-level security lets
/// the role see only what its ``Role`` allows (Docs/clinic.md).
public struct Account: Sendable, Hashable, Codable {
    /// What an account may do besides its own caseload.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// Reads and changes the clients on their own caseload, nothing else.
        case therapist
        /// A therapist who also reads (never changes) their supervisees' caseloads.
        case supervisor
        /// Manages accounts, supervision and caseloads; reads no client record
        /// unless the client is on their own caseload.
        case admin
    }

    /// The database role, e.g. `dr-ana`.
    public var id: String
    public var displayName: String
    public var role: Role
    public var createdAt: Date
    /// When an admin disabled the account (its role can no longer sign in).
    public var disabledAt: Date?
    /// The accounts this one supervises (a supervisor's), by id.
    public var supervisees: [String]

    public init(
        id: String, displayName: String, role: Role, createdAt: Date, disabledAt: Date? = nil,
        supervisees: [String] = []
    ) {
        self.id = id
        self.displayName = displayName
        self.role = role
        self.createdAt = createdAt
        self.disabledAt = disabledAt
        self.supervisees = supervisees
    }

    public var isDisabled: Bool { disabledAt != nil }
}

/// Which therapist holds a client: the one whose caseload it is on.
public struct CaseloadHolding: Sendable, Hashable, Codable {
    public var clientID: String
    public var therapist: String
    public var since: Date

    public init(clientID: String, therapist: String, since: Date) {
        self.clientID = clientID
        self.therapist = therapist
        self.since = since
    }
}

/// One change of a client's holder, kept for good (append-only).
public struct CaseloadChange: Sendable, Hashable, Codable {
    public var seq: Int
    public var clientID: String
    public var at: Date
    /// Who made the change: an admin, or the therapist who added the client.
    public var actor: String
    /// The previous holder; `nil` for a client's first.
    public var from: String?
    public var to: String
    public var reason: String

    public init(
        seq: Int, clientID: String, at: Date, actor: String, from: String?, to: String,
        reason: String
    ) {
        self.seq = seq
        self.clientID = clientID
        self.at = at
        self.actor = actor
        self.from = from
        self.to = to
        self.reason = reason
    }
}
