import Foundation

/// The few file operations the module needs, with errors turned into ``PackError``.
enum FileIO {
    /// Reads a whole file, refusing a link or one over `limit` bytes before reading it.
    static func read(_ url: URL, limit: Int, what: String) throws(PackError) -> Data {
        var stats = stat()
        guard lstat(url.path, &stats) == 0 else {
            throw PackError(.io, "cannot read \(what) at \(url.path); check that it exists")
        }
        guard stats.st_mode & S_IFMT == S_IFREG else {
            throw PackError(.unsafePath, "\(what) at \(url.path) is a link or not a regular file")
        }
        guard stats.st_size <= limit else {
            throw PackError(.tooLarge, "\(what) at \(url.path) is over \(limit) bytes")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw PackError(
                .io, "cannot read \(what) at \(url.path); check its permissions", cause: error)
        }
    }

    /// Writes through a temporary file in the same folder and renames it into
    /// place, so readers see the old or the new file, never half of one.
    static func writeAtomically(_ data: Data, to url: URL) throws(PackError) {
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw PackError(
                .io, "cannot write \(url.path); check the folder's permissions", cause: error)
        }
    }

    /// Creates a new file with `mode`, refusing to replace an existing one.
    /// The mode is set at creation (O_EXCL), so a secret is never briefly readable.
    static func create(_ data: Data, at url: URL, mode: mode_t) throws(PackError) {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else {
            if errno == EEXIST {
                throw PackError(.alreadyExists, "\(url.path) exists; choose another file name")
            }
            throw PackError(.io, "cannot create \(url.path); check the folder's permissions")
        }
        defer { close(fd) }
        let written = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == data.count, fchmod(fd, mode) == 0 else {
            unlink(url.path)
            throw PackError(.io, "cannot write \(url.path); check free space")
        }
    }

    static func createDirectory(_ url: URL) throws(PackError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw PackError(
                .io, "cannot create folder \(url.path); check permissions", cause: error)
        }
    }

    static func exists(_ url: URL) -> Bool {
        var stats = stat()
        return lstat(url.path, &stats) == 0
    }

    /// Removes a file or folder tree if present; used for cleanup, so it never throws.
    static func removeIfPresent(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }
}
