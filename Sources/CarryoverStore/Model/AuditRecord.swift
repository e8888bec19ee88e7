import Foundation

/// One line of the append-only audit journal: who changed what, when.
///
/// It holds ids only, never field data, so the journal can be shown to an
/// auditor without showing health records.
public struct AuditRecord: Sendable, Hashable {
    /// 1-based position in the journal, assigned by the store.
    public var seq: Int
    public var at: Date
    /// The therapist (`--as`) or operating-system user.
    public var principal: String
    /// What was done, e.g. `"client.add"`, `"entry.record"`, `"backup"`.
    public var action: String
    /// The kind and id of the object changed.
    public var objectKind: String
    public var objectID: String
    /// The client the object belongs to, when it belongs to one.
    public var clientID: String?

    public init(
        seq: Int, at: Date, principal: String, action: String, objectKind: String,
        objectID: String, clientID: String?
    ) {
        self.seq = seq
        self.at = at
        self.principal = principal
        self.action = action
        self.objectKind = objectKind
        self.objectID = objectID
        self.clientID = clientID
    }
}

/// Which audit records to list, oldest first; every condition given must hold.
public struct AuditQuery: Sendable, Hashable {
    public var clientID: String?
    public var objectID: String?
    /// Actions equal to this, or starting with it and a dot ("entry" matches "entry.amend").
    public var action: String?
    /// Who acted (``AuditRecord/principal``).
    public var principal: String?
    /// Records at or after this instant.
    public var since: Date?
    /// Records before this instant.
    public var until: Date?
    /// At most this many records, the most recent ones.
    public var limit: Int?

    public init(
        clientID: String? = nil, objectID: String? = nil, action: String? = nil,
        principal: String? = nil, since: Date? = nil, until: Date? = nil, limit: Int? = nil
    ) {
        self.clientID = clientID
        self.objectID = objectID
        self.action = action
        self.principal = principal
        self.since = since
        self.until = until
        self.limit = limit
    }
}
