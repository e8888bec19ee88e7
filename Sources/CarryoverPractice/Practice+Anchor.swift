import CarryoverCore
import Foundation

/// Assignments that start after a previous step ("daily at 10:00 for 1 week
/// starting 2 days after the previous step"): the anchor is set when the
/// assignment named with `--after` is completed, or by hand.
extension Practice {
    /// Starts an assignment that waits for its previous step: the step was
    /// done at `anchor` (default now), so the first day is the schedule's
    /// delay after it.
    ///
    /// - Throws: ``PracticeError`` `.invalidInput` for an anchor in the
    ///   future; the core's `.invalidTransition` when the assignment has
    ///   ended or does not wait for a previous step. Nothing is written then.
    public func start(_ id: String, anchor: Date? = nil, reason: String) async throws
        -> Assignment
    {
        var assignment = try await assignment(id)
        let now = clock.now()
        let anchor = anchor ?? now
        guard anchor <= now else {
            throw PracticeError(
                .invalidInput,
                "the previous step cannot be done in the future; give a time up to now with --at")
        }
        try assignment.start(anchor: anchor, at: now, reason: reason)
        try await store.saveAssignment(assignment)
        await refreshDigests(of: [assignment])
        return assignment
    }

    /// Starts every assignment of the client that waits for `previous`,
    /// anchored at the moment it was completed.
    func startFollowers(of previous: Assignment) async throws {
        let now = clock.now()
        for var follower in try await store.assignments(clientID: previous.clientID, status: nil)
        where follower.startsAfter == previous.id && follower.waitsForAnchor
            && !follower.status.isFinal
        {
            try follower.start(anchor: now, at: now, reason: "\(previous.id) completed")
            try await store.saveAssignment(follower)
            await refreshDigests(of: [follower])
        }
    }

    /// The previous step must be another of the client's assignments, and
    /// the schedule must wait for it.
    func requirePrevious(
        _ previous: String, among existing: [Assignment], schedule: Schedule, client: Client
    ) throws {
        guard case .afterAnchor(_, nil) = schedule.start else {
            throw PracticeError(
                .invalidInput,
                "--after needs a schedule that waits for the previous step, e.g. "
                    + "'daily at 10:00 for 1 week starting 2 days after the previous step'")
        }
        guard existing.contains(where: { $0.id == previous }) else {
            throw PracticeError(
                .notFound,
                "\(client.id) has no assignment '\(previous)' to start after."
                    + Suggestions.hint(for: previous, among: existing.map(\.id))
                    + " See 'carryover status \(client.id)'.")
        }
    }
}
