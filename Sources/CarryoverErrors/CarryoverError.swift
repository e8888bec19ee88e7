/// The one protocol of Carryover's errors: every module's error type (one a
/// module) conforms, so front ends handle them all alike.
///
/// An error has a stable ``code`` (the module's own, e.g. the store's
/// `locked`), the ``category`` that code belongs to, one line for a person
/// (`description`: what happened and what to do, never client data), and the
/// ``cause`` it was made from, if any: the SQLite or PostgreSQL error under a
/// store error, the store error under a practice error. The cause is kept
/// for tests and debugging; it is never shown or logged as text, since a
/// database's own message can quote the values it refused.
public protocol CarryoverError: Error, CustomStringConvertible {
    /// The module's code type.
    associatedtype Code: CarryoverErrorCode
    /// What went wrong, stable across releases.
    var code: Code { get }
    /// The error this one was made from, if any.
    var cause: (any Error)? { get }
}

/// A module's error code: a stable string that knows its category.
public protocol CarryoverErrorCode: RawRepresentable, Hashable, Sendable
where RawValue == String {
    /// The category every error with this code has.
    var category: ErrorCategory { get }
}

extension CarryoverError {
    /// The category of this error's code: what front ends map to a status.
    public var category: ErrorCategory { code.category }

    /// The code as a string, e.g. `locked`, for scripts and logs.
    public var codeName: String { code.rawValue }

    /// The chain of causes below this error, nearest first.
    public var causes: [any Error] {
        var chain: [any Error] = []
        var next = cause
        while let error = next {
            chain.append(error)
            next = (error as? any CarryoverError)?.cause
        }
        return chain
    }
}
