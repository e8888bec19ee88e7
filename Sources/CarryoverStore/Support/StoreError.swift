/// The one error type of the store modules: a stable code and a message that
/// tells the user what to do.
///
/// Messages name ids (pseudonymous) and never client field data or display
/// names: errors end up in terminals, logs and bug reports.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Codable, CaseIterable {
        case notFound = "not-found"
        case duplicate = "duplicate"
        case conflict = "conflict"
        case corrupt = "corrupt"
        case locked = "locked"
        case io = "io"
        case invalidInput = "invalid-input"
        case unsupported = "unsupported"
        /// The file is another program's database; it was left untouched.
        case notAPractice = "not-a-practice"
        /// A read-only store was asked to write.
        case readOnly = "read-only"
        /// The database refused the signed-in account (row-level security,
        /// or a change only an admin makes); nothing was written.
        case permissionDenied = "permission-denied"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

extension StoreError {
    package static func notFound(_ kind: String, _ id: String) -> StoreError {
        StoreError(.notFound, "No \(kind) with id '\(id)' in this practice; check the id.")
    }

    package static func duplicate(_ kind: String, _ id: String) -> StoreError {
        StoreError(
            .duplicate, "A \(kind) with id '\(id)' already exists; choose another id.")
    }
}
