import AsyncHTTPClient
import Foundation
import GRDBSQLite
import Hummingbird
import NIOCore

/// The portal load scenario's baseline: a bare Hummingbird handler that
/// inserts the posted form into one SQLite table (WAL, synchronous FULL,
/// one connection behind a lock) and answers 200. No session, no checks,
/// no plugin, no audit: the floor under any form handler on this machine.
struct BareInsertServer {
    let url: String
    let database: LockedDatabase
    let running: Task<Void, any Error>

    /// Starts the server on a fresh SQLite file at `path`.
    static func start(path: String) async throws -> BareInsertServer {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let database = LockedDatabase(try RawSQLite(path: path))
        try database.run { db in
            try db.execute("PRAGMA journal_mode = WAL")
            try db.execute("PRAGMA synchronous = FULL")
            try db.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
        }
        try database.prepareInsert("INSERT INTO entry (body) VALUES (?)")
        let (port, running) = try await PortalLoad.start { logger, onRunning in
            let router = Router()
            router.post("/entries") { request, context -> HTTPResponse.Status in
                var request = request
                let body = try await request.collectBody(upTo: 64 * 1024)
                try database.insert(String(buffer: body))
                return .ok
            }
            try await Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { await onRunning($0.localAddress?.port ?? 0) }, logger: logger
            ).runService()
        }
        return BareInsertServer(
            url: "http://127.0.0.1:\(port)/entries", database: database, running: running)
    }

    /// Posts one client's form `index` the way the portal scenario does.
    func post(_ http: HTTPClient, _ poster: Poster, _ index: Int) async throws {
        let answer = try await SimulatedClient.send(
            http, url, form: "client=\(poster.client)&mood=\(index % 11)")
        guard answer.status == .ok else { throw BenchError("the bare insert failed") }
    }

    /// Fails unless exactly `expected` rows are stored.
    func check(rows expected: Int) throws {
        let rows = try database.run { try $0.prepare("SELECT id FROM entry").readAll([]) }
        guard rows == expected else {
            throw BenchError("the bare server stored \(rows) of \(expected) rows")
        }
    }

    func stop() { running.cancel() }

    struct Poster: FormCount {
        let client: Int
        let formCount: Int
    }
}

/// One SQLite connection used by one request at a time.
final class LockedDatabase: @unchecked Sendable {
    private let database: RawSQLite
    private var statement: RawSQLite.Statement?
    private let lock = NSLock()

    init(_ database: RawSQLite) { self.database = database }

    func prepareInsert(_ sql: String) throws {
        let prepared = try database.prepare(sql)
        lock.lock()
        defer { lock.unlock() }
        statement = prepared
    }

    /// Runs the prepared insert with one text value.
    func insert(_ text: String) throws {
        lock.lock()
        defer { lock.unlock() }
        try statement?.run([.text(text)])
    }

    func run<T>(_ body: (RawSQLite) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(database)
    }
}
