import Foundation

/// The practice file's place on disk: health records, so readable by its
/// owner only (file 0600, a folder we create 0700).
enum PracticeFile {
    static let fileMode: mode_t = 0o600
    static let folderMode: Int = 0o700

    /// Creates the file (and its folder) when asked, checks it exists, and
    /// takes group and other permissions away from it.
    static func prepare(path: String, create: Bool) throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            guard create else {
                throw StoreError(
                    .notFound,
                    "There is no practice at \(path); create one first or check the path.")
            }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty, !manager.fileExists(atPath: folder) {
                do {
                    try manager.createDirectory(
                        atPath: folder, withIntermediateDirectories: true,
                        attributes: [.posixPermissions: folderMode])
                } catch {
                    throw StoreError(
                        .io, "The folder \(folder) could not be created; check its permissions.")
                }
            }
            // O_EXCL: never adopt a file another process created in between.
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, fileMode)
            guard fd >= 0 else {
                throw StoreError(
                    .io,
                    "The practice file \(path) could not be created; check the folder's permissions."
                )
            }
            close(fd)
        }
        try restrict(path)
    }

    /// Sets mode 0600 (SQLite gives its -wal and -shm files the same mode).
    static func restrict(_ path: String) throws {
        guard chmod(path, fileMode) == 0 else {
            throw StoreError(
                .io, "The permissions of \(path) could not be set to owner-only; check who owns it."
            )
        }
    }
}
