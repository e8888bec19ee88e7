import Foundation

/// Faults a practice's SQLite file meets in a clinic, made from outside the
/// process under test with the project Python's `sqlite3`: another program
/// holding the file locked, a damaged page.
package enum SQLiteFaults {
    /// Overwrites the root page of `table` with bytes that are no page, after
    /// checkpointing the WAL into the file: the header and the schema stay
    /// readable, and reading the table then fails as corrupt.
    package static func corruptTable(_ table: String, inDatabase path: String) throws {
        let result = try TestPython.run(
            """
            import sqlite3, sys
            path, table = sys.argv[1], sys.argv[2]
            con = sqlite3.connect(path, isolation_level=None)
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            row = con.execute(
                "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
            ).fetchone()
            size = con.execute("PRAGMA page_size").fetchone()[0]
            con.close()
            if row is None:
                sys.exit(f"no table {table}")
            with open(path, "r+b") as file:
                file.seek((row[0] - 1) * size)
                file.write(b"\\xff" * size)
            """, arguments: [path, table])
        guard result.status == 0 else {
            throw SQLiteFaultFailure(
                message: "could not damage \(table): \(result.stdout) \(result.stderr)")
        }
    }

    /// Starts a process that holds an exclusive lock on the database (as a
    /// crashed or stuck writer would) until the returned lock is released.
    package static func holdLock(onDatabase path: String) throws -> HeldLock {
        try HeldLock(path: path)
    }
}

/// A child process holding an exclusive lock on a SQLite file; released by
/// ``release()`` or when the value goes away.
package final class HeldLock: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()

    fileprivate init(path: String) throws {
        let output = Pipe()
        process.executableURL = TestPython.executable
        process.arguments = [
            "-c",
            """
            import sqlite3, sys
            con = sqlite3.connect(sys.argv[1], isolation_level=None)
            con.execute("PRAGMA locking_mode = EXCLUSIVE")
            con.execute("BEGIN EXCLUSIVE")
            print("locked", flush=True)
            sys.stdin.read()
            """,
            path,
        ]
        (process.standardInput, process.standardOutput) = (input, output)
        try process.run()
        let line = output.fileHandleForReading.availableData
        guard String(decoding: line, as: UTF8.self).hasPrefix("locked") else {
            release()
            throw SQLiteFaultFailure(message: "the lock holder did not take the lock on \(path)")
        }
    }

    /// Ends the holder, which releases its lock, and waits for it.
    package func release() {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { release() }
}

/// A fault could not be made (no Python, no such table); the test cannot go on.
package struct SQLiteFaultFailure: Error, CustomStringConvertible {
    package let message: String
    package var description: String { message }
}
