import Foundation

/// Someone the therapist invites to support a client's homework: a parent
/// who witnesses speech practice, a partner, a carer, a teacher.
///
/// A supporter signs in to the portal with their own link and does only what
/// the therapist allowed, assignment by assignment (``SupporterGrant``). They
/// never see scores, notes or flags. A supporter is paused or removed, never
/// deleted: their past entries and messages stay in the client's record.
public struct Supporter: Sendable, Hashable, Codable, Identifiable {
    /// Where a supporter stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// May sign in and do what the grants allow.
        case active
        /// Signed-in devices stay signed in but can do nothing until resumed.
        case paused
        /// Signed out for good, links withdrawn; past entries stay.
        case removed
    }

    /// Stable id, made from the client's (e.g. "c-017-s1").
    public var id: String
    public var clientID: String
    /// The name the therapist gave (e.g. "Maria"); shown to the therapist,
    /// and to the client beside an encouragement.
    public var name: String
    public var relation: SupporterRelation
    public var status: Status
    public var addedAt: Date
    /// What the supporter may do, one grant per assignment.
    public var grants: [SupporterGrant]
    /// Every change after adding, oldest first.
    public var history: [SupporterChange]

    public init(
        id: String, clientID: String, name: String, relation: SupporterRelation,
        status: Status = .active, addedAt: Date, grants: [SupporterGrant] = [],
        history: [SupporterChange] = []
    ) {
        self.id = id
        self.clientID = clientID
        self.name = name
        self.relation = relation
        self.status = status
        self.addedAt = addedAt
        self.grants = grants
        self.history = history
    }

    /// The grant for one assignment, if the therapist made one.
    public func grant(for assignmentID: String) -> SupporterGrant? {
        grants.first { $0.assignmentID == assignmentID }
    }

    /// Whether the supporter may do `permission` on the assignment now
    /// (an active supporter with a grant that includes it).
    public func may(_ permission: SupporterPermission, _ assignmentID: String) -> Bool {
        status == .active && (grant(for: assignmentID)?.permissions.contains(permission) ?? false)
    }

    /// "Maria (parent)", for the therapist's lists and the client's page.
    public var label: String { "\(name) (\(relation.rawValue))" }
}

/// How a supporter is related to the client.
public enum SupporterRelation: String, Sendable, Hashable, Codable, CaseIterable {
    case parent, partner, carer, teacher, other
}

/// One change to a supporter: a status move or new grants, with when and why.
public struct SupporterChange: Sendable, Hashable, Codable {
    public var at: Date
    /// What changed, in words ("paused", "c-017-1: see, confirm (counts)").
    public var what: String
    /// The therapist's reason, when one was given.
    public var reason: String?

    public init(at: Date, what: String, reason: String? = nil) {
        self.at = at
        self.what = what
        self.reason = reason
    }
}

extension Entry {
    /// Who an entry came from, exactly, for status, history and reports:
    /// "client via portal", "therapist", "confirmation by Maria (parent,
    /// c-017-s1) via portal". `supporter` is the entry's supporter when known.
    public func sourceText(supporter: Supporter?) -> String {
        guard source == .supporter, let supporterID else { return sourceLabel }
        let what =
            switch kind {
            case .homework: "entry"
            case .confirmation: "confirmation"
            case .informant: "informant form"
            }
        let who =
            supporter.map { "\($0.name) (\($0.relation.rawValue), \(supporterID))" } ?? supporterID
        return "\(what) by \(who)" + (viaPortal ? " via portal" : "")
            + (kind == .confirmation && !counts ? ", not counted" : "")
    }
}
