import Foundation

/// A risk flag a homework type raised on an entry, kept until a therapist
/// acknowledges it: a later entry without the risk never hides it.
public struct RaisedFlag: Sendable, Hashable, Codable, Identifiable {
    /// A number the practice gives it, for `carryover flags ack`.
    public var id: Int
    public var entryID: String
    public var assignmentID: String
    public var clientID: String
    public var level: PluginFlag.Level
    public var code: String
    /// The homework type's words for what was seen.
    public var message: String
    /// When the entry it was raised on was performed.
    public var performedAt: Date
    /// When it was raised (the entry logged, or amended).
    public var raisedAt: Date
    /// Who acknowledged it, when and with what note; `nil` while open.
    public var acknowledgement: Acknowledgement?

    /// A therapist's acknowledgement of a flag.
    public struct Acknowledgement: Sendable, Hashable, Codable {
        public var at: Date
        public var by: String
        public var note: String

        public init(at: Date, by: String, note: String) {
            self.at = at
            self.by = by
            self.note = note
        }
    }

    public init(
        id: Int, entryID: String, assignmentID: String, clientID: String,
        level: PluginFlag.Level, code: String, message: String, performedAt: Date,
        raisedAt: Date, acknowledgement: Acknowledgement? = nil
    ) {
        self.id = id
        self.entryID = entryID
        self.assignmentID = assignmentID
        self.clientID = clientID
        self.level = level
        self.code = code
        self.message = message
        self.performedAt = performedAt
        self.raisedAt = raisedAt
        self.acknowledgement = acknowledgement
    }

    /// Open until acknowledged.
    public var isOpen: Bool { acknowledgement == nil }

    /// The plugin's flag this record keeps.
    public var flag: PluginFlag { PluginFlag(level: level, code: code, message: message) }
}

extension PluginFlag {
    /// Flags that stay until a therapist acknowledges them: risk ones.
    public var needsAcknowledgement: Bool { level == .risk }
}
