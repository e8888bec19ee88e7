import CarryoverCore
import CarryoverStore
import Foundation
import GRDB
import Logging

/// A practice in one SQLite file: the embedded default store.
///
/// Durability: WAL with `synchronous = FULL` on the one connection that
/// reads and writes, so every committed transaction is on disk when a write
/// returns (NORMAL would be crash-safe but could lose the last commits on
/// power loss, and nothing a user logged may be lost). Writes use
/// `BEGIN IMMEDIATE`, wait up to `busyTimeout` (30 s unless given) for other
/// processes, and a transaction still refused as busy is retried whole
/// (``busyRetries`` times) before `locked` is thrown: it rolled back, so
/// nothing was written and running the command again is safe.
///
/// Opening never writes to a file that is not a practice (checked by its
/// application id), and a store opened ``Access/readOnly`` never writes at
/// all: not a migration check, not a header change.
public final class SQLiteStore: PracticeStore {
    /// Whether the store may write.
    public enum Access: Sendable {
        case readWrite
        /// For commands that only read: the file is opened read-only, so its
        /// bytes stay as they were (a pending migration is applied once first).
        case readOnly
    }

    /// How often a transaction refused as busy after the busy timeout is tried again.
    public static let busyRetries = storeBusyRetries

    /// The practice file.
    public let path: String
    public let access: StoreAccess
    let database: DatabaseQueue
    let busyTimeout: TimeInterval
    let principal: Principal
    let clock: any WallClock
    /// Engine writes waiting to share a transaction (``writeEngine(assignmentID:entryID:_:)``).
    let groupCommit = GroupCommit()

    /// Opens the practice at `path`, creating it (mode 0600, its folder 0700
    /// when missing) if `create` is true, and brings its schema up to date.
    ///
    /// - Throws: `StoreError` `notFound` when there is none, `notAPractice`
    ///   for another program's SQLite file (left byte for byte as it was),
    ///   `corrupt` for a file that is not SQLite.
    public init(
        path: String, create: Bool = false, access: StoreAccess = .readWrite,
        principal: Principal = .currentUser(), clock: any WallClock = SystemClock(),
        busyTimeout: TimeInterval = 30
    ) throws {
        self.path = path
        self.access = access
        self.busyTimeout = busyTimeout
        self.principal = principal
        self.clock = clock
        try PracticeFile.prepare(path: path, create: create)
        let kind = try PracticeFile.identify(path)
        do {
            if access == .readOnly, kind == .practice,
                let reader = try Self.openUpToDate(path, busyTimeout: busyTimeout)
            {
                database = reader
                SQLiteDiagnostics.logger.debug(
                    "store opened", metadata: ["file": "\(path)", "access": "read-only"])
                return
            }
            try PracticeFile.restrict(path)
            let writer = try DatabaseQueue(
                path: path, configuration: Self.configuration(busyTimeout, readonly: false))
            try Self.prepareForWriting(writer)
            if access == .readOnly {
                try writer.close()
                database = try DatabaseQueue(
                    path: path, configuration: Self.configuration(busyTimeout, readonly: true))
            } else {
                database = writer
            }
            SQLiteDiagnostics.logger.debug(
                "store opened", metadata: ["file": "\(path)", "access": "\(access)"])
        } catch {
            throw SQLiteErrors.map(error, path: path)
        }
    }

    /// A read-only connection, or nil when the file still needs a migration.
    private static func openUpToDate(_ path: String, busyTimeout: TimeInterval) throws
        -> DatabaseQueue?
    {
        let reader = try DatabaseQueue(
            path: path, configuration: configuration(busyTimeout, readonly: true))
        if try reader.read({ try SQLiteSchema.pending($0) }).isEmpty { return reader }
        try reader.close()
        return nil
    }

    /// Migrates when needed (one immediate transaction, new files included, so
    /// a new practice gets its tables and application id at once), then turns
    /// on WAL: both write only when there is something to change.
    private static func prepareForWriting(_ writer: DatabaseQueue) throws {
        try writer.writeWithoutTransaction { db in
            if try !SQLiteSchema.pending(db).isEmpty { try SQLiteSchema.migrate(db) }
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw StoreError(
                        .io, "The practice could not switch to WAL mode; check the disk.")
                }
            }
        }
    }

    /// One connection that reads and writes (a `DatabaseQueue`, not a pool:
    /// GRDB's pool sets `synchronous = NORMAL` after `prepareDatabase` and
    /// writes a table to the WAL on every open, which changed the file's
    /// header even for commands that only read).
    static func configuration(_ busyTimeout: TimeInterval, readonly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readonly
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.journalMode = .default
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return config
    }

    // MARK: Helpers shared by the store's extensions

    /// Runs `body` in one write transaction, retried whole while busy;
    /// StoreErrors pass, others are mapped.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        guard access == .readWrite else {
            throw StoreError(
                .readOnly,
                "This command opened the practice read-only and cannot change it (a bug in "
                    + "carryover); nothing was written.")
        }
        return try await retryingWhileBusy { try await self.database.write(body) }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await retryingWhileBusy { try await self.database.read(body) }
    }

    /// Runs `attempt` again, after a short pause, when SQLite answers busy
    /// before the busy timeout has passed (the cases its busy handler does not
    /// wait on: WAL recovery by another process, a snapshot gone stale). The
    /// failed transaction rolled back, so another try cannot write anything
    /// twice. Busy after the whole timeout is `locked`: another process holds
    /// the practice, and waiting longer would only hide it.
    func retryingWhileBusy<T>(_ attempt: () async throws -> T) async throws -> T {
        var tries = 0
        while true {
            let started = Date()
            do {
                return try await attempt()
            } catch let error as DatabaseError
                where error.resultCode == .SQLITE_BUSY && tries < Self.busyRetries
                && Date().timeIntervalSince(started) < busyTimeout
            {
                tries += 1
                SQLiteDiagnostics.logger.debug(
                    "busy before the timeout; trying the transaction again",
                    metadata: ["file": "\(path)", "try": "\(tries + 1)"])
                try? await Task.sleep(for: .milliseconds(20 * tries))
            } catch let error as EngineBodyError {
                // The engine's own error, thrown inside the transaction: passed on as it is.
                throw error.error
            } catch {
                throw SQLiteErrors.map(error, path: path)
            }
        }
    }

    /// Appends an audit record inside the caller's transaction.
    /// `principal` names someone other than the store's principal (a client on the portal).
    func audit(
        _ db: Database, _ action: String, kind: String, id: String, clientID: String?,
        principal: String? = nil
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO audit (at, principal, action, object_kind, object_id, client_id)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                clock.now().timeIntervalSince1970, principal ?? self.principal.name, action, kind,
                id, clientID,
            ])
    }

    /// Whether a row with this key exists.
    static func exists(_ db: Database, _ table: String, id: String) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)"),
            arguments: [id]) ?? false
    }

    static func date(_ seconds: Double) -> Date {
        Date(timeIntervalSince1970: seconds)
    }
}
