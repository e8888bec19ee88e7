import Logging

/// The practice workflow's diagnostics: homework types loaded, hooks that
/// failed or hit a sandbox limit. Ids, versions and codes only, never a
/// field value or a plugin's message (it may quote the entry).
enum PracticeDiagnostics {
    static let logger = Logger(label: "carryover.practice")
}
