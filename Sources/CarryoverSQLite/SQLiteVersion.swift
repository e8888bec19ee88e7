import CarryoverStore
import GRDB

/// The SQLite library version the store runs on.
package func sqliteVersion() throws -> String {
    let queue = try DatabaseQueue()
    return try queue.read { try String.fetchOne($0, sql: "SELECT sqlite_version()") ?? "" }
}
