/// Relative file paths that mean the same on every system: the rule for the
/// files a manifest names and for every file of a pack.
///
/// A path is `/`-separated components of `A-Z a-z 0-9 . _ + -`, never `.` or
/// `..`, never empty, never leading `/`. The narrow alphabet keeps checksum
/// lines unambiguous for stock tools and file names portable across systems.
public enum PortablePath {
    /// The longest path accepted, in bytes.
    public static let maxLength = 240
    /// The longest component accepted, in bytes.
    public static let maxComponentLength = 100

    /// What is wrong with `path` (quoting it, control characters as `?`), or
    /// nil when it is a plain relative path.
    public static func problem(_ path: String) -> String? {
        let shown = String(
            path.unicodeScalars.prefix(120).map {
                $0.isASCII && $0.value >= 32 ? Character($0) : "?"
            })
        guard !path.isEmpty else { return "'\(shown)' is empty" }
        guard !path.hasPrefix("/") else { return "'\(shown)' is absolute" }
        guard path.utf8.count <= maxLength else {
            return "'\(shown)' is longer than \(maxLength) bytes"
        }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            guard component != ".." else { return "'\(shown)' climbs out with '..'" }
            guard !component.isEmpty, component != "." else {
                return "'\(shown)' has an empty or '.' part"
            }
            guard component.utf8.count <= maxComponentLength else {
                return "'\(shown)' has a name longer than \(maxComponentLength) bytes"
            }
            guard component.unicodeScalars.allSatisfy(isAllowed) else {
                return "'\(shown)' has a character other than letters, digits, '.', '_', '+', '-'"
            }
        }
        return nil
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "+", "-": return true
        default: return false
        }
    }
}
