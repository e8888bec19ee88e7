import Logging

/// The packs module's diagnostics: which pack verified or was refused, with
/// ids, versions, key ids and codes only (packs hold no client data).
enum PackDiagnostics {
    static let logger = Logger(label: "carryover.packs")
}
