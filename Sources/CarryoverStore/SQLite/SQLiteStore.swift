import CarryoverCore
import Foundation
import GRDB

/// A practice in one SQLite file: the embedded default store.
///
/// Durability: WAL with `synchronous = FULL`, so every committed transaction
/// is on disk when `record` returns (NORMAL would be crash-safe but could
/// lose the last commits on power loss, and nothing a user logged may be
/// lost). Writes use `BEGIN IMMEDIATE` and wait up to `busyTimeout` (30 s
/// unless given) for other processes, so several CLI processes can log at once.
public final class SQLiteStore: PracticeStore {
    /// The practice file.
    public let path: String
    let pool: DatabasePool
    let principal: Principal
    let clock: any WallClock

    /// Opens the practice at `path`, creating it (mode 0600, its folder 0700
    /// when missing) if `create` is true, and brings its schema up to date.
    public init(
        path: String, create: Bool = false, principal: Principal = .currentUser(),
        clock: any WallClock = SystemClock(), busyTimeout: TimeInterval = 30
    ) throws {
        self.path = path
        self.principal = principal
        self.clock = clock
        try PracticeFile.prepare(path: path, create: create)
        do {
            pool = try DatabasePool(
                path: path, configuration: Self.configuration(busyTimeout: busyTimeout))
            try SQLiteSchema.migrator.migrate(pool)
        } catch {
            throw SQLiteErrors.map(error, path: path)
        }
    }

    static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return config
    }

    // MARK: Helpers shared by the store's extensions

    /// Runs `body` in one write transaction; StoreErrors pass, others are mapped.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch {
            throw SQLiteErrors.map(error, path: path)
        }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw SQLiteErrors.map(error, path: path)
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
