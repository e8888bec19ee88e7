/// What kind of failure an error is, the same in every module, so that each
/// front end maps it to its own status in one table.
///
/// The CLI maps a category to a `sysexits(3)` exit status; an HTTP front end
/// (the portal, `carryover serve`) maps it to a response status. Each case
/// names both, so the two agree on what a failure means. A module's error
/// picks its category from its code (``CarryoverErrorCode/category``), and an
/// error made from another one keeps that one as its ``CarryoverError/cause``.
public enum ErrorCategory: String, Sendable, Hashable, CaseIterable, Codable {
    /// The command line or request is malformed (an unknown option, a missing
    /// argument). Exit 64; HTTP 400.
    case usage
    /// The input is not valid: an entry or params a homework type rejects, a
    /// phrase it cannot read, a file that is not JSON, a bad date. Exit 65; HTTP 422.
    case invalidInput = "invalid-input"
    /// Something named does not exist: a client, an assignment, a file, a
    /// practice. Exit 66; HTTP 404.
    case notFound = "not-found"
    /// A rule of the record refused the change: a paused assignment, a short
    /// balance, an id that is taken, a flag acknowledged already. Nothing was
    /// written. Exit 1; HTTP 409.
    case refused
    /// Something existed but cannot be used any more: a link used already or
    /// expired. Exit 66; HTTP 410.
    case gone
    /// Who is asking is not known (signed out, no session). Exit 77; HTTP 401.
    case unauthenticated
    /// Too many attempts in a short time; the same request may be tried
    /// later. Exit 75; HTTP 429 with Retry-After.
    case rateLimited = "rate-limited"
    /// Something could not be created where it was asked for: a practice is
    /// there already, an output file cannot be written. Exit 73; HTTP 409.
    case cannotCreate = "cannot-create"
    /// A plugin failed in the sandbox (an error or a limit); nothing was
    /// written. Exit 69; HTTP 500.
    case pluginFailed = "plugin-failed"
    /// Not permitted: a pack whose signature, key or lock is refused, a
    /// homework type whose key was revoked. Exit 77; HTTP 403.
    case notPermitted = "not-permitted"
    /// Another process holds the store; nothing was written and the same
    /// request may be tried again. Exit 75; HTTP 503 with Retry-After.
    case busy
    /// The store could not be read or written, or is damaged. Exit 74; HTTP 500.
    case storage
    /// A bug in carryover: a case nobody foresaw. Exit 70; HTTP 500.
    case `internal`

    /// Whether the machine failed rather than the request (``busy``,
    /// ``storage``, ``internal``): the same request may succeed later or
    /// after a fix, so work that goes on past a bad input (an import that
    /// rejects a line and continues) stops instead.
    public var isSystemFailure: Bool {
        switch self {
        case .busy, .storage, .internal: true
        default: false
        }
    }
}

/// A category is a code of its own, for errors that are no more than their
/// category (a front end's own failures: `ModuleError<ErrorCategory>`).
extension ErrorCategory: CarryoverErrorCode {
    public var category: ErrorCategory { self }
}
