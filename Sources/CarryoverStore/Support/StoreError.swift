import CarryoverErrors

/// The one error type of the store modules: a stable code and a message that
/// tells the user what to do, with the database's own error as its cause.
///
/// Messages name ids (pseudonymous) and never client field data or display
/// names: errors end up in terminals, logs and bug reports.
public typealias StoreError = ModuleError<StoreErrorCode>

/// What went wrong in a store; stable strings.
public enum StoreErrorCode: String, Sendable, Codable, CaseIterable, CarryoverErrorCode {
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

    public var category: ErrorCategory {
        switch self {
        case .notFound, .notAPractice: .notFound
        case .duplicate, .conflict: .refused
        case .invalidInput: .invalidInput
        case .locked: .busy
        case .corrupt, .io, .unsupported: .storage
        // Commands that only read open the store read-only: a write there is a bug.
        case .readOnly: .internal
        case .permissionDenied: .notPermitted
        }
    }
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
