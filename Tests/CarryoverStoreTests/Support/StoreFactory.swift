import CarryoverCore
import CarryoverStore
import Foundation
import Testing

#if Postgres
    import CarryoverPostgres
#endif

/// Makes a fresh, empty store of one kind: the contract suite runs once per
/// factory, so SQLite and PostgreSQL pass the same tests.
struct StoreFactory: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable (_ clock: any WallClock) async throws -> any PracticeStore

    var testDescription: String { name }

    static let sqlite = StoreFactory(name: "SQLite") { clock in
        try SQLiteStore(
            path: TempDir.make().appending("practice.sqlite"), create: true,
            principal: Principal(name: "dr-test"), clock: clock)
    }

    /// SQLite always; PostgreSQL when built with the `Postgres` trait and
    /// `CARRYOVER_TEST_POSTGRES_URL` names a server.
    static var available: [StoreFactory] {
        var factories = [sqlite]
        #if Postgres
            if let url = ProcessInfo.processInfo.environment["CARRYOVER_TEST_POSTGRES_URL"] {
                factories.append(
                    StoreFactory(name: "PostgreSQL") { clock in
                        // A schema of its own per store keeps the tests apart.
                        try await PostgresStore.connect(
                            url: url, schema: "t_\(UUID().uuidString.prefix(8).lowercased())",
                            principal: Principal(name: "dr-test"), clock: clock)
                    })
            }
        #endif
        return factories
    }
}

/// A new private folder under the system's temporary folder.
enum TempDir {
    static func make() throws -> String {
        let path = NSTemporaryDirectory() + "carryover-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

extension String {
    func appending(_ component: String) -> String {
        (self as NSString).appendingPathComponent(component)
    }
}
