import Foundation

/// The portal rules both stores apply the same way: when an invite may be
/// used and how failed attempts count toward a lockout.
package enum PortalRules {
    /// The expiry of a session first saved without one: 12 hours.
    package static let defaultSessionSeconds: TimeInterval = 12 * 3600

    /// Why the invite cannot be used at `at`, or nil when it can.
    package static func refusal(_ invite: PortalInvite, at: Date) -> InviteRedemption? {
        if invite.usedAt != nil { return .used }
        if invite.revokedAt != nil { return .revoked }
        if at >= invite.expiresAt { return .expired }
        return nil
    }

    /// The count after one more failure: a new window once the old one has
    /// passed (or a lockout has ended), and a lockout when the limit is reached.
    package static func failure(after previous: AttemptCount?, at: Date, policy: AttemptPolicy)
        -> AttemptCount
    {
        var count = previous ?? AttemptCount(failures: 0, windowStart: at, lockedUntil: nil)
        let lockoutOver = count.lockedUntil.map { $0 <= at } ?? false
        if lockoutOver || at.timeIntervalSince(count.windowStart) >= policy.window {
            count = AttemptCount(failures: 0, windowStart: at, lockedUntil: nil)
        }
        count.failures += 1
        if count.failures >= policy.limit, count.lockedUntil == nil {
            count.lockedUntil = at.addingTimeInterval(policy.lockout)
        }
        return count
    }
}

/// One address's failed attempts in the current window.
package struct AttemptCount: Sendable, Hashable {
    package var failures: Int
    package var windowStart: Date
    package var lockedUntil: Date?

    package init(failures: Int, windowStart: Date, lockedUntil: Date?) {
        self.failures = failures
        self.windowStart = windowStart
        self.lockedUntil = lockedUntil
    }
}
