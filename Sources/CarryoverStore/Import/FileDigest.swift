import Crypto
import Foundation

/// SHA-256 of a file, read in chunks.
enum FileDigest {
    static func sha256(path: String) throws -> String {
        let handle = try LineReader.open(path)
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            while let chunk = try handle.read(upToCount: LineReader.chunkSize), !chunk.isEmpty {
                hasher.update(data: chunk)
            }
        } catch {
            throw StoreError(
                .io, "The file \(path) could not be read; check the disk and try again.")
        }
        return Hex.lowercase(hasher.finalize())
    }
}
