import CarryoverStore
import Foundation
import GRDBSQLite

/// The practice file's place on disk: health records, so readable by its
/// owner only (file 0600, a folder we create 0700); and the check that a
/// file is a practice before anything writes to it.
enum PracticeFile {
    static let fileMode: mode_t = 0o600
    static let folderMode: Int = 0o700

    /// What is at a path that should hold a practice.
    enum Kind: Equatable {
        /// A practice (by its application id, or by the tables of a practice
        /// made before the id existed).
        case practice
        /// An empty file: one carryover just created, or a creation killed
        /// before its first transaction; safe to make a practice of.
        case empty
    }

    /// Creates the file (and its folder) when asked and checks it exists.
    /// Changes nothing of a file that is already there.
    static func prepare(path: String, create: Bool) throws {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder) {
            guard !isFolder.boolValue else {
                throw StoreError(
                    .notFound, "\(path) is a folder, not a practice file; check the path.")
            }
            return
        }
        guard create else {
            throw StoreError(
                .notFound, "There is no practice at \(path); create one first or check the path.")
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
                "The practice file \(path) could not be created; check the folder's permissions.")
        }
        close(fd)
    }

    /// Tells a practice from anything else without writing a byte: the
    /// SQLite header's application id first (offset 68), then, for files
    /// made before practices carried it, their tables through a read-only
    /// connection.
    ///
    /// - Throws: `corrupt` for a file that is not SQLite, `notAPractice` for
    ///   another program's SQLite file.
    static func identify(_ path: String) throws -> Kind {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(
                .io, "The practice file \(path) could not be read; check its permissions.")
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return .empty }
        guard header.count == 100, header.prefix(16) == Data("SQLite format 3\0".utf8) else {
            throw damaged(path)
        }
        let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        if Int32(bitPattern: id) == SQLiteSchema.applicationID { return .practice }
        // A practice made before v3 has id 0 in its header, and so does one
        // whose v3 commit still waits in the WAL: look at its tables.
        guard id == 0, try madeByCarryover(path) else {
            throw notAPractice(path)
        }
        return .practice
    }

    /// Whether a file without the application id has a practice's tables
    /// (read by ``SchemaProbe``, which writes nothing).
    private static func madeByCarryover(_ path: String) throws -> Bool {
        let schema: SchemaProbe.Schema
        do {
            schema = try SchemaProbe.read(path)
        } catch let error as SchemaProbe.ProbeError {
            switch error.primary {
            case SQLITE_NOTADB, SQLITE_CORRUPT: throw damaged(path)
            case SQLITE_BUSY, SQLITE_LOCKED:
                throw StoreError(
                    .locked,
                    "The file at \(path) is locked by another program; nothing was written. "
                        + "Try again when it is done.")
            default:
                throw StoreError(
                    .io, "The file at \(path) could not be read (SQLite code \(error.code)).")
            }
        }
        return schema.tables.isSuperset(of: ["grdb_migrations", "client", "assignment", "entry"])
            && schema.migrations.contains(SQLiteSchema.versions[0])
            && schema.migrations.allSatisfy(SQLiteSchema.versions.contains)
    }

    static func damaged(_ path: String) -> StoreError {
        StoreError(
            .corrupt,
            "The file at \(path) is damaged or not a carryover practice; restore it from a backup.")
    }

    static func notAPractice(_ path: String) -> StoreError {
        StoreError(
            .notAPractice,
            "The file at \(path) is another program's database, not a carryover practice; it was "
                + "left as it was. Point --practice at a practice folder, or create one with "
                + "'carryover init'.")
    }

    /// Sets mode 0600 (SQLite gives its -wal and -shm files the same mode);
    /// only ever called on a file known to be a practice.
    static func restrict(_ path: String) throws {
        guard chmod(path, fileMode) == 0 else {
            throw StoreError(
                .io, "The permissions of \(path) could not be set to owner-only; check who owns it."
            )
        }
    }
}
