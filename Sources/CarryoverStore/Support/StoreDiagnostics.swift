import Logging

/// The store contract's diagnostics (import batches): line numbers and
/// counts, never a line's content.
enum StoreDiagnostics {
    static let logger = Logger(label: "carryover.store")
}
