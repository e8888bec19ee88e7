import CarryoverManifest
import Foundation

extension PackError {
    /// A manifest module's error as the pack's: paths stay `unsafe-path`,
    /// versions `invalid-version`, the rest `invalid-manifest`.
    init(_ error: ManifestError) {
        let code: Code =
            switch error.code {
            case .unsafePath: .unsafePath
            case .invalidVersion: .invalidVersion
            default: .invalidManifest
            }
        self.init(code, error.description, cause: error)
    }
}

extension SemanticVersion {
    /// Parses a version from a pack file or the command line.
    /// - Throws: ``PackError`` `invalid-version`.
    init(packVersion text: String) throws(PackError) {
        do {
            try self.init(parsing: text)
        } catch {
            throw PackError(error)
        }
    }
}

extension HomeworkManifest {
    /// Parses a homework folder's manifest inside a pack.
    /// - Throws: ``PackError`` `invalid-manifest` (or `unsafe-path`, `invalid-version`).
    init(packFile data: Data, file: String) throws(PackError) {
        do {
            try self.init(parsing: data, file: file)
        } catch {
            throw PackError(error)
        }
    }
}
