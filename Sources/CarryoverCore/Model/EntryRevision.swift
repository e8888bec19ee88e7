import Foundation

/// One correction of an entry, with the version it replaced: the history
/// that keeps the original of every amended or voided entry.
public struct EntryRevision: Sendable, Hashable, Codable {
    /// What the correction did.
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        /// New field values, validated and scored again.
        case amend
        /// The entry no longer counts; it stays in history.
        case void
    }

    public var entryID: String
    /// 1 for the first correction; the entry's `revision` after it.
    public var number: Int
    public var action: Action
    public var at: Date
    /// Who made the correction.
    public var actor: String
    /// The reason given (required).
    public var reason: String
    /// The entry's fields, scores and flags before this correction.
    public var previousFields: Value
    public var previousScores: [String: Double]
    public var previousFlags: [PluginFlag]?

    public init(
        entryID: String, number: Int, action: Action, at: Date, actor: String, reason: String,
        previousFields: Value, previousScores: [String: Double], previousFlags: [PluginFlag]?
    ) {
        self.entryID = entryID
        self.number = number
        self.action = action
        self.at = at
        self.actor = actor
        self.reason = reason
        self.previousFields = previousFields
        self.previousScores = previousScores
        self.previousFlags = previousFlags
    }
}
