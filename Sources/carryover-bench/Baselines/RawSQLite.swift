import Foundation
import GRDBSQLite

/// The baseline's SQLite: the C API with no wrapper, no audit, no checks.
final class RawSQLite {
    private var connection: OpaquePointer?

    init(path: String) throws {
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK else {
            throw BenchError("sqlite3_open_v2 \(path) failed")
        }
    }

    deinit { sqlite3_close_v2(connection) }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(connection, sql, nil, nil, nil) == SQLITE_OK else { throw failure(sql) }
    }

    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(connection, sql, -1, 0, &statement, nil) == SQLITE_OK,
            let statement
        else { throw failure(sql) }
        return Statement(handle: statement)
    }

    private func failure(_ sql: String) -> BenchError {
        BenchError("sqlite: \(String(cString: sqlite3_errmsg(connection))) in \(sql.prefix(60))")
    }

    /// A prepared statement, reset and rebound for each row.
    final class Statement {
        let handle: OpaquePointer
        /// SQLITE_TRANSIENT: SQLite copies the bound text before `bind` returns.
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        init(handle: OpaquePointer) { self.handle = handle }

        deinit { sqlite3_finalize(handle) }

        func bind(_ values: [Bindable]) {
            sqlite3_reset(handle)
            for (offset, value) in values.enumerated() {
                let index = Int32(offset + 1)
                switch value {
                case .text(let text): sqlite3_bind_text(handle, index, text, -1, Self.transient)
                case .real(let number): sqlite3_bind_double(handle, index, number)
                case .integer(let number): sqlite3_bind_int64(handle, index, number)
                }
            }
        }

        /// Steps a statement that returns no rows.
        func run(_ values: [Bindable]) throws {
            bind(values)
            guard sqlite3_step(handle) == SQLITE_DONE else {
                throw BenchError("sqlite step failed")
            }
        }

        /// Steps through every row, reading each column once (as a reader
        /// of the rows would); returns the number of rows.
        func readAll(_ values: [Bindable]) -> Int {
            bind(values)
            var rows = 0
            while sqlite3_step(handle) == SQLITE_ROW {
                for column in 0..<sqlite3_column_count(handle) {
                    if sqlite3_column_type(handle, column) == SQLITE_TEXT {
                        _ = sqlite3_column_text(handle, column)
                    } else {
                        _ = sqlite3_column_double(handle, column)
                    }
                }
                rows += 1
            }
            return rows
        }
    }

    /// A value bound to a `?` parameter.
    enum Bindable {
        case text(String)
        case real(Double)
        case integer(Int64)
    }
}

extension RawSQLite {
    /// Every row of a query, each column as text (NULL as "").
    func texts(_ sql: String) throws -> [[String]] {
        let statement = try prepare(sql)
        var rows: [[String]] = []
        while sqlite3_step(statement.handle) == SQLITE_ROW {
            rows.append(
                (0..<sqlite3_column_count(statement.handle)).map { column in
                    sqlite3_column_text(statement.handle, column).map { String(cString: $0) } ?? ""
                })
        }
        return rows
    }
}
