import Foundation

/// One piece of homework a client logged.
public struct Entry: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var assignmentID: String
    public var clientID: String
    /// Homework type id and the version the entry was made with.
    public var homeworkType: String
    public var homeworkVersion: String
    /// When the client did the homework (may be earlier than `loggedAt`).
    public var performedAt: Date
    /// When the entry reached the engine.
    public var loggedAt: Date
    /// The field values, as declared by the homework type.
    public var fields: Value
    /// Named numbers from the plugin's `score` hook.
    public var scores: [String: Double]
    /// Who made the entry and through what; `nil` for entries the therapist logged.
    public var source: EntrySource?

    public init(
        id: String, assignmentID: String, clientID: String, homeworkType: String,
        homeworkVersion: String, performedAt: Date, loggedAt: Date, fields: Value,
        scores: [String: Double] = [:], source: EntrySource? = nil
    ) {
        self.id = id
        self.assignmentID = assignmentID
        self.clientID = clientID
        self.homeworkType = homeworkType
        self.homeworkVersion = homeworkVersion
        self.performedAt = performedAt
        self.loggedAt = loggedAt
        self.fields = fields
        self.scores = scores
        self.source = source
    }
}

/// Who made an entry: the therapist (CLI or import) or the client on the portal.
public enum EntrySource: String, Sendable, Hashable, Codable, CaseIterable {
    /// Logged or imported by the therapist.
    case therapist
    /// Submitted by the client on the portal (`carryover serve`).
    case clientPortal = "client-portal"

    /// The source in words, for status, history and the audit journal.
    public var label: String {
        switch self {
        case .therapist: "therapist"
        case .clientPortal: "client via portal"
        }
    }
}
