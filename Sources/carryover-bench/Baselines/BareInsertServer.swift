import AsyncHTTPClient
import Foundation
import GRDBSQLite
import Hummingbird
import NIOCore

/// The portal load scenario's baseline: a bare Hummingbird handler that
/// inserts the posted form into one SQLite table (WAL, synchronous FULL,
/// one connection behind a lock) and answers 200. No session, no checks,
/// no plugin, no audit: the floor under any form handler on this machine.
enum BareInsertServer {
    /// Starts the server, sends `clients` x `entries` posts the way the
    /// portal scenario does, checks every row is there, and returns the times.
    static func run(_ http: HTTPClient, clients: Int, entries: Int, path: String) async throws
        -> LoadTimes
    {
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
        defer { running.cancel() }
        let url = "http://127.0.0.1:\(port)/entries"
        let posters = (0..<clients).map { Poster(client: $0, formCount: entries) }
        let times = try await LoadTimes.measure(posters) { poster, index in
            let answer = try await SimulatedClient.send(
                http, url, form: "client=\(poster.client)&mood=\(index % 11)")
            guard answer.status == .ok else { throw BenchError("the bare insert failed") }
        }
        let rows = try database.run { try $0.prepare("SELECT id FROM entry").readAll([]) }
        guard rows == clients * entries else {
            throw BenchError("the bare server stored \(rows) of \(clients * entries) rows")
        }
        return times
    }

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
