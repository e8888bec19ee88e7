import CarryoverCore
import Foundation

/// The people around the homework: supporters the therapist invites, their
/// encouragements, and the session reviews that adjust the homework.
///
/// Supporters are never deleted (removal is a status, so their past entries
/// stay attributed); encouragements and reviews are append-only. Every
/// change is audited like any other.
public protocol PeopleStore: Sendable {
    // MARK: Supporters

    /// Adds a supporter (its client must exist; `duplicate` when the id is
    /// taken), audited as `supporter.add`.
    func addSupporter(_ supporter: Supporter) async throws
    /// Replaces a supporter's status, grants and history, audited as
    /// `action` (`supporter.pause`, `supporter.grant`, ...). A supporter
    /// never moves to another client. When the new status is `removed`, the
    /// supporter's portal sessions end and open invites are revoked in the
    /// same transaction.
    func updateSupporter(_ supporter: Supporter, action: String) async throws
    func supporter(id: String) async throws -> Supporter
    /// The client's supporters, by id (removed ones too).
    func supporters(clientID: String) async throws -> [Supporter]

    // MARK: Encouragements

    /// Stores a supporter's message (append-only), audited as
    /// `encouragement.send` by the portal.
    func addEncouragement(_ message: Encouragement) async throws
    /// The client's messages sent at or after `since` (all when nil), oldest first.
    func encouragements(clientID: String, since: Date?) async throws -> [Encouragement]

    // MARK: Session reviews

    /// Stores a review with the assignments its decisions changed or made
    /// (a new version, an ended one, a replacement), all in one transaction
    /// (append-only; audited as `review.add`, each assignment as
    /// `assignment.add` or `assignment.update`).
    func addReview(_ review: SessionReview, assignments: [Assignment]) async throws
    /// The client's reviews, oldest first.
    func reviews(clientID: String) async throws -> [SessionReview]
}

extension StoreChecks {
    /// A supporter keeps its client and id.
    package static func supporter(_ supporter: Supporter, stored: Supporter?) throws {
        try id(supporter.id, "supporter")
        if let stored, stored.clientID != supporter.clientID {
            throw clientChange("supporter", supporter.id)
        }
    }

    /// A review's changed assignments must be its client's.
    package static func review(_ review: SessionReview, assignments: [Assignment]) throws {
        try id(review.id, "review")
        if let other = assignments.first(where: { $0.clientID != review.clientID }) {
            throw clientChange("assignment", other.id)
        }
    }
}
