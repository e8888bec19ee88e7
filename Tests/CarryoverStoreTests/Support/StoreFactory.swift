import CarryoverCore
import CarryoverTestSupport
import Foundation
import Testing

@testable import CarryoverSQLite
@testable import CarryoverStore

#if Postgres
    @testable import CarryoverPostgres
    import PostgresNIO
#endif

/// Makes a fresh, empty store of one kind: the contract suite runs once per
/// factory, so SQLite and PostgreSQL pass the same tests.
struct StoreFactory: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable (_ clock: any WallClock) async throws -> any PracticeStore
    /// Runs SQL on the store's database behind its back (to tamper, or to
    /// inject a failure); throws what the database throws.
    let execute: @Sendable (_ store: any PracticeStore, _ sql: String) async throws -> Void
    /// SQL that makes every later ledger insert fail, in the store's dialect.
    let failLedgerInserts: String
    /// The same practice opened again with `access`.
    let reopen:
        @Sendable (_ store: any PracticeStore, _ access: StoreAccess) async throws ->
            any PracticeStore
    /// The store's durability setting on a live connection: SQLite's
    /// `PRAGMA synchronous` (2 is FULL), PostgreSQL's `synchronous_commit`.
    let durability: @Sendable (_ store: any PracticeStore) async throws -> String?

    var testDescription: String { name }

    static let sqlite = StoreFactory(
        name: "SQLite",
        make: { clock in
            try SQLiteStore(
                path: StoreScratch.folder().appending("practice.sqlite"), create: true,
                principal: Principal(name: "dr-test"), clock: clock)
        },
        execute: { store, sql in
            try await (store as! SQLiteStore).database.write { try $0.execute(sql: sql) }
        },
        failLedgerInserts: """
            CREATE TRIGGER fail_ledger BEFORE INSERT ON ledger
            BEGIN SELECT RAISE(ABORT, 'injected'); END
            """,
        reopen: { store, access in
            try SQLiteStore(
                path: (store as! SQLiteStore).path, access: access,
                principal: Principal(name: "dr-test"), clock: Fixture.clock)
        },
        durability: { store in
            try await (store as! SQLiteStore).database.read {
                try String.fetchOne($0, sql: "PRAGMA synchronous")
            }
        })

    /// Dozens of tests create and migrate their own schema at once; on a
    /// loaded 2-core machine that took over the CLI's 15 s (each migration
    /// waits for the others' DDL), which is a test-load matter, not a user's.
    static let postgresDeadline: Duration = .seconds(180)

    /// SQLite always; PostgreSQL when built with the `Postgres` trait and
    /// `CARRYOVER_TEST_POSTGRES_URL` names a server.
    static var available: [StoreFactory] {
        var factories = [sqlite]
        #if Postgres
            if let url = ProcessInfo.processInfo.environment["CARRYOVER_TEST_POSTGRES_URL"] {
                factories.append(
                    StoreFactory(
                        name: "PostgreSQL",
                        make: { clock in
                            // A schema of its own per store keeps the tests apart.
                            try await PostgresStore.connect(
                                url: url, schema: "t_\(UUID().uuidString.prefix(8).lowercased())",
                                principal: Principal(name: "dr-test"), clock: clock,
                                deadline: Self.postgresDeadline)
                        },
                        execute: { store, sql in
                            try await (store as! PostgresStore).client.query(
                                PostgresQuery(unsafeSQL: sql))
                        },
                        failLedgerInserts: """
                            CREATE TRIGGER fail_ledger BEFORE INSERT ON ledger
                            FOR EACH ROW EXECUTE FUNCTION refuse_change()
                            """,
                        reopen: { store, access in
                            try await PostgresStore.connect(
                                url: url, schema: (store as! PostgresStore).schema, access: access,
                                principal: Principal(name: "dr-test"), clock: Fixture.clock,
                                deadline: Self.postgresDeadline)
                        },
                        durability: { store in
                            let rows = try await (store as! PostgresStore).client.query(
                                "SHOW synchronous_commit")
                            for try await value in rows.decode(String.self) { return value }
                            return nil
                        }))
            }
        #endif
        return factories
    }
}

/// The SQLite factory's practices: a fresh folder each inside one
/// `TemporaryFolder` per test process, removed when the process exits (the
/// factory hands its stores out with no owner that could remove them).
enum StoreScratch {
    private static let shared = Result { try TemporaryFolder(prefix: "carryover-store") }
    private static let registration: Void = {
        atexit {
            if case .success(let folder) = StoreScratch.shared {
                try? FileManager.default.removeItem(at: folder.url)
            }
        }
    }()

    /// A new, empty folder for one practice.
    static func folder() throws -> String {
        _ = registration
        return try shared.get().subfolder("practice").path
    }
}

extension String {
    func appending(_ component: String) -> String {
        (self as NSString).appendingPathComponent(component)
    }
}
