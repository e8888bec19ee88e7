import Foundation

/// One 512-byte POSIX ustar header (POSIX.1-1988, pax(1) "ustar Interchange Format").
///
/// Field offsets: name 0/100, mode 100/8, uid 108/8, gid 116/8, size 124/12,
/// mtime 136/12, chksum 148/8, typeflag 156/1, linkname 157/100, magic 257/6,
/// version 263/2, uname 265/32, gname 297/32, devmajor 329/8, devminor 337/8,
/// prefix 345/155.
struct UstarHeader {
    static let blockSize = 512

    enum Kind: UInt8 {
        case file = 0x30  // '0'
        case directory = 0x35  // '5'
    }

    var path: String
    var kind: Kind
    var size: Int

    /// The header block; `path` must already be validated. Fields that would
    /// vary between machines (owner, time) are fixed so archives are reproducible.
    func encode() throws(PackError) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: Self.blockSize)
        let (prefix, name) = try Self.split(kind == .directory ? path + "/" : path)
        Self.put(Array(name.utf8), at: 0, in: &block)
        Self.put(Self.octal(kind == .directory ? 0o755 : 0o644, width: 8), at: 100, in: &block)
        Self.put(Self.octal(0, width: 8), at: 108, in: &block)
        Self.put(Self.octal(0, width: 8), at: 116, in: &block)
        Self.put(Self.octal(size, width: 12), at: 124, in: &block)
        Self.put(Self.octal(0, width: 12), at: 136, in: &block)
        block[156] = kind.rawValue
        Self.put(Array("ustar\0".utf8) + Array("00".utf8), at: 257, in: &block)
        Self.put(Array(prefix.utf8), at: 345, in: &block)
        Self.put(Array(repeating: 0x20, count: 8), at: 148, in: &block)
        let sum = block.reduce(0) { $0 + Int($1) }
        // chksum: six octal digits, NUL, space — the form GNU and BSD tar write.
        Self.put(Self.octal(sum, width: 7) + [0x20], at: 148, in: &block)
        return block
    }

    /// Splits a path into ustar's prefix (up to 155 bytes) and name (up to 100) at a '/'.
    private static func split(_ path: String) throws(PackError) -> (String, String) {
        let bytes = Array(path.utf8)
        if bytes.count <= 100 { return ("", path) }
        for cut in bytes.indices.reversed() where bytes[cut] == UInt8(ascii: "/") {
            if cut <= 155 && bytes.count - cut - 1 <= 100 && cut < bytes.count - 1 {
                return (
                    String(decoding: bytes[..<cut], as: UTF8.self),
                    String(decoding: bytes[(cut + 1)...], as: UTF8.self)
                )
            }
        }
        throw PackError(.unsafePath, "\(path) is too long for a ustar archive; shorten it")
    }

    /// `value` in octal, zero-padded to `width - 1` digits and NUL-terminated.
    private static func octal(_ value: Int, width: Int) -> [UInt8] {
        let digits = String(value, radix: 8)
        return Array(
            (String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8) + [0]
    }

    private static func put(_ bytes: [UInt8], at offset: Int, in block: inout [UInt8]) {
        block.replaceSubrange(offset..<offset + bytes.count, with: bytes)
    }

    /// Parses a header block; returns nil for an all-zero (end-of-archive) block.
    static func decode(_ block: ArraySlice<UInt8>) throws(PackError) -> UstarHeader? {
        let bytes = Array(block)
        guard bytes.contains(where: { $0 != 0 }) else { return nil }
        let invalid = PackError(
            .invalidArchive,
            "the archive is damaged or not a pack archive; copy it again, or ask the publisher "
                + "for one made with 'carryover pack archive'")
        let magic = Array(bytes[257..<265])
        // POSIX "ustar\0" "00", or the GNU variant "ustar  \0" that GNU tar writes by default.
        guard magic == Array("ustar\u{0}00".utf8) || magic == Array("ustar  \u{0}".utf8) else {
            throw invalid
        }
        var unsigned = 0
        for (i, byte) in bytes.enumerated() {
            unsigned += (148..<156).contains(i) ? 0x20 : Int(byte)
        }
        guard let stored = octalValue(bytes[148..<156]), stored == unsigned else { throw invalid }
        let name = string(bytes[0..<100])
        let prefix = string(bytes[345..<500])
        var path = prefix.isEmpty ? name : prefix + "/" + name
        guard let size = octalValue(bytes[124..<136]) else { throw invalid }
        let shown = String(path.prefix(120))
        switch bytes[156] {
        case 0x30, 0:
            return UstarHeader(path: path, kind: .file, size: size)
        case 0x35:
            while path.hasSuffix("/") { path.removeLast() }
            return UstarHeader(path: path, kind: .directory, size: 0)
        case UInt8(ascii: "x"), UInt8(ascii: "g"), UInt8(ascii: "L"), UInt8(ascii: "K"):
            // pax and GNU long-name records could rename the next member; not read.
            throw PackError(
                .invalidArchive,
                "the archive uses a tar extension Carryover does not read; ask the publisher for "
                    + "one made with 'carryover pack archive'")
        case 0x31, 0x32:
            throw PackError(
                .unsafePath, "archive member \(shown) is a link; packs hold plain files only")
        default:
            throw PackError(
                .unsafePath, "archive member \(shown) is not a regular file or folder; remove it")
        }
    }

    private static func string(_ field: ArraySlice<UInt8>) -> String {
        String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
    }

    // Octal digits, optionally padded with spaces and ended by NUL or space.
    // GNU's base-256 form (high bit set) is refused: no pack member is that big.
    private static func octalValue(_ field: ArraySlice<UInt8>) -> Int? {
        let text = String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
            .trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.count <= 11, text.allSatisfy({ ("0"..."7").contains($0) }) else {
            return nil
        }
        return Int(text, radix: 8)
    }
}
