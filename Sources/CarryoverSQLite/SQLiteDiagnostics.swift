import Logging

/// The SQLite store's diagnostics: opens, migrations, busy retries; the file,
/// never a row.
enum SQLiteDiagnostics {
    static let logger = Logger(label: "carryover.sqlite")
}
