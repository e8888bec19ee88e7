import Foundation

/// One regular file found in a pack folder.
struct PackFile: Sendable, Hashable {
    /// The path relative to the pack root, validated by ``PackPath``.
    let path: String
    let size: Int
}

/// Lists a pack folder's files safely: links, devices and bad names are refused,
/// caps are enforced while walking, and nothing is followed outside the root.
enum FileTree {
    /// Files under `root`, sorted by path, leaving out the top-level names in `excluding`.
    static func files(in root: URL, limits: PackLimits, excluding: Set<String> = [])
        throws(PackError) -> [PackFile]
    {
        var found: [PackFile] = []
        var total = 0
        try walk(
            root, prefix: "", depth: 0, limits: limits, excluding: excluding, into: &found,
            total: &total)
        return found.sorted { PackPath.precedes($0.path, $1.path) }
    }

    private static func walk(
        _ folder: URL, prefix: String, depth: Int, limits: PackLimits, excluding: Set<String>,
        into found: inout [PackFile], total: inout Int
    ) throws(PackError) {
        guard depth <= 16 else {
            throw PackError(.unsafePath, "\(prefix) is nested more than 16 folders deep")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw PackError(
                .io, "cannot list \(folder.path); check that it is a readable folder", cause: error)
        }
        for name in names.sorted(by: PackPath.precedes) {
            let path = prefix + name
            if prefix.isEmpty && excluding.contains(name) { continue }
            try PackPath.validate(path)
            var stats = stat()
            guard lstat(folder.appendingPathComponent(name).path, &stats) == 0 else {
                throw PackError(.io, "cannot read \(path); check its permissions")
            }
            switch stats.st_mode & S_IFMT {
            case S_IFDIR:
                try walk(
                    folder.appendingPathComponent(name, isDirectory: true), prefix: path + "/",
                    depth: depth + 1, limits: limits, excluding: excluding, into: &found,
                    total: &total)
            case S_IFREG:
                let size = Int(stats.st_size)
                try limits.admit(path, size: size, filesSoFar: found.count, bytesSoFar: total)
                found.append(PackFile(path: path, size: size))
                total += size
            case S_IFLNK:
                throw PackError(
                    .unsafePath, "\(path) is a symbolic link; replace it with the file it points to"
                )
            default:
                throw PackError(.unsafePath, "\(path) is not a regular file or folder; remove it")
            }
        }
    }
}
