import CarryoverManifest

/// Relative paths inside a pack: the one rule shared by checksums, archives,
/// installs and manifests (`PortablePath`), with the pack's error.
enum PackPath {
    /// Returns `path` if it is safe, else throws `unsafePath` naming it.
    @discardableResult
    static func validate(_ path: String) throws(PackError) -> String {
        if let problem = PortablePath.problem(path) {
            throw PackError(.unsafePath, "\(problem); packs may only hold plain relative paths")
        }
        return path
    }

    /// Byte-wise order, as `LC_ALL=C sort` gives, so CHECKSUMS is stable everywhere.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
