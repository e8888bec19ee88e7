import Foundation

/// Checks that a pack's manifests agree with its files: `pack.toml` parses,
/// every homework folder has a `homework.toml` matching its entry, and every
/// file those name is in the checksum list.
enum PackContents {
    static func check(root: URL, checksums: Checksums, limits: PackLimits)
        throws(PackError) -> PackManifest
    {
        let paths = Set(checksums.entries.map(\.path))
        guard paths.contains(PackManifest.fileName) else {
            throw PackError(.invalidManifest, "the pack has no pack.toml; run pack create first")
        }
        let manifest = try PackManifest(
            parsing: FileIO.read(
                root.appendingPathComponent(PackManifest.fileName), limit: limits.maxFileBytes,
                what: PackManifest.fileName))
        for entry in manifest.homework {
            let file = entry.path + "/" + HomeworkManifest.fileName
            guard paths.contains(file) else {
                throw PackError(
                    .invalidManifest, "pack.toml lists \(entry.path) but \(file) is not in the pack"
                )
            }
            let homework = try HomeworkManifest(
                parsing: FileIO.read(
                    root.appendingPathComponent(file), limit: limits.maxFileBytes, what: file),
                file: file)
            try homework.check(against: entry, paths: paths)
        }
        return manifest
    }
}
