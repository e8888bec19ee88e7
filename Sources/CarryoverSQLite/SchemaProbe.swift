import CarryoverStore
import Foundation
import GRDBSQLite

/// Reads the table names and applied migrations of a SQLite file that may
/// belong to another program, writing nothing, not even SQLite's -wal and
/// -shm files beside it: without a WAL to read, the file is opened
/// `immutable` (no locks, no side files). SQLite's C API directly, since
/// GRDB does not pass URI flags.
enum SchemaProbe {
    struct Schema {
        var tables: Set<String>
        /// `grdb_migrations`' identifiers (empty without that table).
        var migrations: [String]
    }

    static func read(_ path: String) throws -> Schema {
        var db: OpaquePointer?
        defer { sqlite3_close_v2(db) }
        let code = sqlite3_open_v2(
            uri(path), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil)
        guard code == SQLITE_OK else { throw ProbeError(code: code) }
        let tables = Set(try strings(db, "SELECT name FROM sqlite_master WHERE type = 'table'"))
        let migrations =
            tables.contains("grdb_migrations")
            ? try strings(db, "SELECT identifier FROM grdb_migrations") : []
        return Schema(tables: tables, migrations: migrations)
    }

    /// `file:` URI of `path`, immutable unless a WAL with content lies beside it.
    private static func uri(_ path: String) -> String {
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size]
        let walHasContent = ((wal as? NSNumber)?.intValue ?? 0) > 0
        let encoded =
            path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        return "file:\(encoded)?mode=ro" + (walHasContent ? "" : "&immutable=1")
    }

    private static func strings(_ db: OpaquePointer?, _ sql: String) throws -> [String] {
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        var code = sqlite3_prepare_v2(db, sql, -1, &statement, nil)
        guard code == SQLITE_OK else { throw ProbeError(code: code) }
        var result: [String] = []
        while true {
            code = sqlite3_step(statement)
            guard code == SQLITE_ROW else { break }
            if let text = sqlite3_column_text(statement, 0) {
                result.append(String(cString: text))
            }
        }
        guard code == SQLITE_DONE else { throw ProbeError(code: code) }
        return result
    }

    /// SQLite's result code (its primary code tells NOTADB from BUSY).
    struct ProbeError: Error {
        let code: Int32
        var primary: Int32 { code & 0xff }
    }
}
