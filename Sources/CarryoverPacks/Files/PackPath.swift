/// Relative paths inside a pack: the one rule shared by checksums, archives and installs.
///
/// A path is `/`-separated components of `A-Z a-z 0-9 . _ + -`, never `.` or
/// `..`, never empty, never leading `/`. The narrow alphabet keeps `CHECKSUMS`
/// lines unambiguous for stock tools and file names portable across systems.
enum PackPath {
    static let maxLength = 240
    static let maxComponentLength = 100

    /// Returns `path` if it is safe, else throws `unsafePath` naming it.
    @discardableResult
    static func validate(_ path: String) throws(PackError) -> String {
        let shown = String(
            path.unicodeScalars.prefix(120).map {
                $0.isASCII && $0.value >= 32 ? Character($0) : "?"
            })
        func refuse(_ why: String) -> PackError {
            PackError(.unsafePath, "'\(shown)' \(why); packs may only hold plain relative paths")
        }
        guard !path.isEmpty else { throw refuse("is empty") }
        guard !path.hasPrefix("/") else { throw refuse("is absolute") }
        guard path.utf8.count <= maxLength else {
            throw refuse("is longer than \(maxLength) bytes")
        }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            guard component != ".." else { throw refuse("climbs out with '..'") }
            guard !component.isEmpty, component != "." else {
                throw refuse("has an empty or '.' part")
            }
            guard component.utf8.count <= maxComponentLength else {
                throw refuse("has a name longer than \(maxComponentLength) bytes")
            }
            guard component.unicodeScalars.allSatisfy(isAllowed) else {
                throw refuse("has a character other than letters, digits, '.', '_', '+', '-'")
            }
        }
        return path
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "+", "-": return true
        default: return false
        }
    }

    /// Byte-wise order, as `LC_ALL=C sort` gives, so CHECKSUMS is stable everywhere.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
