import CarryoverCore

/// The one error type of the practice workflow: a stable code and a message
/// that says what to do. The CLI prints the message and exits with the
/// code's status (see Docs/cli.md).
public struct PracticeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case notFound = "not-found"
        case invalidInput = "invalid-input"
        case entryRejected = "entry-rejected"
        case notActive = "not-active"
        case practiceMissing = "practice-missing"
        case practiceExists = "practice-exists"
        /// A plugin hook failed or hit a sandbox limit; nothing was written.
        case pluginFailed = "plugin-failed"
        /// The homework type's pack is signed by a revoked key.
        case revoked
        /// A rule of the record refused the change (a void entry, a discharged client, ...).
        case refused
        /// A portal link that was good once: used, expired or revoked.
        case gone = "gone"
        /// Too many wrong portal links from one address: locked out for a while.
        case rateLimited = "rate-limited"
    }

    public let code: Code
    public let message: String
    /// For `entryRejected`: every problem, field by field.
    public let problems: [ValidationProblem]

    public init(_ code: Code, _ message: String, problems: [ValidationProblem] = []) {
        self.code = code
        self.message = message
        self.problems = problems
    }

    public var description: String { message }
}
