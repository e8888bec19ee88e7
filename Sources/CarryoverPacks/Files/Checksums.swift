import Crypto
import Foundation

/// The `CHECKSUMS` list of a pack: one `SHA256 (path) = hex` line per file,
/// sorted by path, exactly what `sha256sum --tag` prints and `sha256sum -c`
/// and `signify -C` check.
public struct Checksums: Sendable, Hashable {
    /// One file and its SHA-256 digest in lowercase hex.
    public struct Entry: Sendable, Hashable {
        public let path: String
        public let sha256: String
    }

    /// The file name of the list inside a pack.
    public static let fileName = "CHECKSUMS"
    /// The file name of its detached signature.
    public static let signatureFileName = "CHECKSUMS.sig"

    /// Entries sorted by path.
    public let entries: [Entry]

    init(entries: [Entry]) {
        self.entries = entries.sorted { PackPath.precedes($0.path, $1.path) }
    }

    /// Hashes every file of the pack at `root` (all but the list and its signature).
    static func compute(root: URL, limits: PackLimits) throws(PackError) -> Checksums {
        let files = try FileTree.files(
            in: root, limits: limits, excluding: [fileName, signatureFileName])
        var entries: [Entry] = []
        for file in files {
            let data = try FileIO.read(
                root.appendingPathComponent(file.path), limit: limits.maxFileBytes, what: file.path)
            entries.append(Entry(path: file.path, sha256: hex(SHA256.hash(data: data))))
        }
        return Checksums(entries: entries)
    }

    /// Parses a `CHECKSUMS` file strictly: only SHA256 lines, safe paths, no duplicates, sorted.
    /// - Throws: ``PackError`` with code `tampered` or `unsafePath`.
    public init(parsing data: Data) throws(PackError) {
        let malformed = PackError(
            .tampered, "CHECKSUMS is malformed; rebuild and re-sign the pack, or get a fresh copy")
        guard let text = String(data: data, encoding: .utf8), text.hasSuffix("\n") else {
            throw malformed
        }
        var entries: [Entry] = []
        for line in text.dropLast().split(separator: "\n", omittingEmptySubsequences: false) {
            let prefix = "SHA256 ("
            guard line.hasPrefix(prefix), let close = line.range(of: ") = ", options: .backwards)
            else { throw malformed }
            let path = String(
                line[line.index(line.startIndex, offsetBy: prefix.count)..<close.lowerBound])
            let digest = String(line[close.upperBound...])
            guard digest.utf8.count == 64, digest.allSatisfy({ $0.isHexDigit && !$0.isUppercase })
            else { throw malformed }
            entries.append(Entry(path: try PackPath.validate(path), sha256: digest))
        }
        let paths = entries.map(\.path)
        guard zip(paths, paths.dropFirst()).allSatisfy({ PackPath.precedes($0, $1) }) else {
            throw malformed
        }
        self.entries = entries
    }

    /// The file's exact bytes.
    public var data: Data {
        Data(entries.map { "SHA256 (\($0.path)) = \($0.sha256)\n" }.joined().utf8)
    }

    /// SHA-256 of ``data`` in hex: what the lockfile pins.
    public var digest: String { hex(SHA256.hash(data: data)) }
}
