import CarryoverCore
import CarryoverStore
import Foundation

/// An old entry rewritten by a newer homework version's `migrate` hook.
///
/// The entry as the client logged it is never changed: a migrated copy is a
/// separate document that points back to it, so adherence and history still
/// count each entry once, and the copy can always be made again from the
/// original. Its id is `<entry id>@<version>`, so migrating twice to the same
/// version replaces the copy instead of adding another.
public struct MigratedEntry: StoredDocument, Sendable, Hashable {
    /// The store's document kind for migrated copies.
    public static let kind = "migrated-entry"

    /// `<original entry id>@<target version>`.
    public var id: String
    /// The client of the original entry; the copy is stored under the same client.
    public var clientID: String
    /// The assignment of the original entry.
    public var assignmentID: String
    /// The entry as logged, unchanged in the store.
    public var originalEntryID: String
    /// The version the entry was logged with.
    public var fromVersion: String
    /// The version whose `migrate` hook made this copy.
    public var toVersion: String
    /// When the upgrade that made the copy ran.
    public var migratedAt: Date
    /// The fields in the new version's shape; valid under `toVersion`.
    public var fields: Value
    /// The new version's `score` of the migrated fields.
    public var scores: [String: Double]

    /// The document id of `entryID`'s copy at `version`.
    public static func id(entryID: String, version: String) -> String {
        "\(entryID)@\(version)"
    }
}

/// What a therapist asks for when moving an assignment to a newer version of
/// its homework type.
public struct AssignmentUpgradeRequest: Sendable {
    /// The assignment to move.
    public var assignmentID: String
    /// An installed version newer than the assignment's.
    public var version: String
    /// Why (kept in the assignment's history).
    public var reason: String
    /// Params to set or replace for the new version (merged over the current ones).
    public var params: [String: Value]
    /// Whether to run the new version's `migrate` hook over the old entries
    /// and store the migrated copies.
    public var migrateEntries: Bool

    /// A request; `params` only when the new version needs changed params.
    public init(
        assignmentID: String, version: String, reason: String, params: [String: Value] = [:],
        migrateEntries: Bool = false
    ) {
        self.assignmentID = assignmentID
        self.version = version
        self.reason = reason
        self.params = params
        self.migrateEntries = migrateEntries
    }
}

/// The outcome of an upgrade: the assignment as saved and the copies stored.
public struct AssignmentUpgrade: Sendable, Encodable {
    /// The assignment as saved, on its new version with the change in its history.
    public var assignment: Assignment
    /// The version it was on before.
    public var fromVersion: String
    /// Empty unless migration was asked for.
    public var migrated: [MigratedEntry]
}

/// An entry checked under the version it was logged with.
public struct EntryCheck: Sendable, Hashable {
    /// The entry checked.
    public var entryID: String
    /// The version it was logged with, and checked under.
    public var version: String
    /// Empty when the entry is still valid under its version.
    public var problems: [ValidationProblem]
}
