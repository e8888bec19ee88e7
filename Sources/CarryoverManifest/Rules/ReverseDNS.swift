/// The id rule shared by homework types and packs: lowercase reverse-DNS.
public enum ReverseDNS {
    /// The longest id accepted, in bytes.
    public static let maxLength = 128

    /// Whether `text` is at least two dot-separated labels of lowercase
    /// letters, digits and inner hyphens, starting with a letter.
    ///
    /// Lowercase only, so ids never collide on case-insensitive file systems;
    /// no `_`, so an id is also a valid host name read backwards.
    public static func isValid(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return text.utf8.count <= maxLength && labels.count >= 2
            && text.first.map { ("a"..."z").contains($0) } == true
            && labels.allSatisfy { label in
                !label.isEmpty && label.first != "-" && label.last != "-"
                    && label.unicodeScalars.allSatisfy {
                        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
                    }
            }
    }
}
