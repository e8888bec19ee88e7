/// The error type of a module whose errors are a code and a message: the
/// core, the store, the packs and the exports each name one
/// (`typealias StoreError = ModuleError<StoreErrorCode>`).
///
/// The message is one line that says what happened and what to do; it never
/// quotes client data, as errors end up in terminals, logs and bug reports.
public struct ModuleError<Code: CarryoverErrorCode>: CarryoverError, Sendable, Equatable {
    /// What went wrong, stable across releases.
    public let code: Code
    /// What happened and what to do, in one line.
    public let message: String
    /// The error this one was made from, if any (see ``CarryoverError/cause``).
    public let cause: (any Error)?

    /// Makes an error from a code, a message and, when it wraps one, its cause.
    public init(_ code: Code, _ message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// The message.
    public var description: String { message }

    /// Equal when code and message are; the cause is context.
    public static func == (lhs: ModuleError, rhs: ModuleError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message
    }
}
