import CarryoverManifest
import Foundation

/// Checks that a pack's manifests agree with its files: `pack.toml` parses,
/// every homework folder has a `homework.toml` matching its entry, and every
/// file those name is in the checksum list.
enum PackContents {
    /// `pack.toml`, and each homework folder's manifest by folder path.
    static func check(root: URL, checksums: Checksums, limits: PackLimits)
        throws(PackError) -> (manifest: PackManifest, homework: [String: HomeworkManifest])
    {
        let paths = Set(checksums.entries.map(\.path))
        guard paths.contains(PackManifest.fileName) else {
            throw PackError(.invalidManifest, "the pack has no pack.toml; run pack create first")
        }
        let manifest = try PackManifest(
            parsing: FileIO.read(
                root.appendingPathComponent(PackManifest.fileName), limit: limits.maxFileBytes,
                what: PackManifest.fileName))
        var homeworkManifests: [String: HomeworkManifest] = [:]
        for entry in manifest.homework {
            let file = entry.path + "/" + HomeworkManifest.fileName
            guard paths.contains(file) else {
                throw PackError(
                    .invalidManifest, "pack.toml lists \(entry.path) but \(file) is not in the pack"
                )
            }
            let homework = try HomeworkManifest(
                packFile: FileIO.read(
                    root.appendingPathComponent(file), limit: limits.maxFileBytes, what: file),
                file: file)
            try check(homework, against: entry, paths: paths)
            homeworkManifests[entry.path] = homework
        }
        return (manifest, homeworkManifests)
    }

    /// Checks that `entry` in `pack.toml` agrees with the folder's manifest and
    /// that every file it names is in the pack (`paths`, relative to the pack root).
    private static func check(
        _ homework: HomeworkManifest, against entry: PackManifest.Homework, paths: Set<String>
    ) throws(PackError) {
        guard homework.id == entry.id, homework.version == entry.version else {
            throw PackError(
                .invalidManifest,
                "pack.toml lists \(entry.id) \(entry.version) but \(entry.path)/homework.toml says "
                    + "\(homework.id) \(homework.version); make them agree")
        }
        for file in homework.files where !paths.contains(entry.path + "/" + file) {
            throw PackError(
                .invalidManifest,
                "\(entry.path)/homework.toml names \(file), which is not in the pack")
        }
    }
}
