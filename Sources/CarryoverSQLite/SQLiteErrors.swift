import CarryoverStore
import GRDB

/// Turns SQLite's errors into `StoreError`s that say what to do.
///
/// SQLite's own message is not passed on: it can quote SQL and values.
enum SQLiteErrors {
    static func map(_ error: any Error, path: String) -> any Error {
        if error is StoreError || error is ImportRolledBack { return error }
        guard let dbError = error as? DatabaseError else {
            return StoreError(
                .io,
                "The practice at \(path) could not be used (\(type(of: error))); "
                    + "check the path and try again.", cause: error)
        }
        switch dbError.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(
                .locked,
                "The practice at \(path) stayed busy with another carryover process; "
                    + "nothing was written: wait for it to finish and run the command again.",
                cause: dbError)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return StoreError(
                .corrupt,
                "The file at \(path) is damaged or not a carryover practice; "
                    + "restore it from a backup.", cause: dbError)
        case .SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_FULL, .SQLITE_READONLY, .SQLITE_PERM:
            return StoreError(
                .io,
                "The practice at \(path) could not be read or written "
                    + "(SQLite code \(dbError.extendedResultCode.rawValue)); "
                    + "check free disk space and permissions.", cause: dbError)
        case .SQLITE_CONSTRAINT:
            return StoreError(
                .conflict,
                "The change breaks a rule of the practice (SQLite code "
                    + "\(dbError.extendedResultCode.rawValue)); nothing was written. "
                    + "Check the ids you gave; audit and ledger records cannot be changed.",
                cause: dbError)
        default:
            return StoreError(
                .io,
                "The practice at \(path) refused the change (SQLite code "
                    + "\(dbError.extendedResultCode.rawValue)); nothing was written.",
                cause: dbError)
        }
    }
}
