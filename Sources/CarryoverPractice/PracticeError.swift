import CarryoverCore
import CarryoverErrors

/// The one error type of the practice workflow: a stable code, a message
/// that says what to do and, for a rejected entry, every problem. The CLI
/// prints the message and exits with the status of the code's category (see
/// Docs/cli.md); an error made from another one keeps it as its cause.
public struct PracticeError: CarryoverError, Sendable, Equatable {
    public enum Code: String, Sendable, CarryoverErrorCode {
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

        public var category: ErrorCategory {
            switch self {
            case .notFound, .practiceMissing: .notFound
            case .invalidInput, .entryRejected: .invalidInput
            case .notActive, .refused: .refused
            case .practiceExists: .cannotCreate
            case .pluginFailed: .pluginFailed
            case .revoked: .notPermitted
            case .gone: .gone
            case .rateLimited: .rateLimited
            }
        }
    }

    public let code: Code
    public let message: String
    /// For `entryRejected`: every problem, field by field.
    public let problems: [ValidationProblem]
    public let cause: (any Error)?

    public init(
        _ code: Code, _ message: String, problems: [ValidationProblem] = [],
        cause: (any Error)? = nil
    ) {
        self.code = code
        self.message = message
        self.problems = problems
        self.cause = cause
    }

    public var description: String { message }

    /// Equal when code, message and problems are; the cause is context.
    public static func == (lhs: PracticeError, rhs: PracticeError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.problems == rhs.problems
    }
}
