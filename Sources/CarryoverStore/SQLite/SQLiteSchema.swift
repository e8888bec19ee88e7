import GRDB

/// The practice file's schema, as versioned migrations. A migration, once
/// released, never changes: new versions add a migration.
///
/// Applied migrations are listed in `grdb_migrations` (the table GRDB's
/// `DatabaseMigrator` kept, so older files read the same). The store applies
/// them itself: checking costs one read and writes nothing, and the check and
/// the migrations run in one `BEGIN IMMEDIATE` transaction, so two processes
/// opening an old file at once migrate it once.
enum SQLiteSchema {
    static let migrations: [(name: String, sql: String)] = [
        ("v1-clients-assignments-entries", v1),
        ("v2-documents-state-ledger-imports", v2),
        ("v3-application-id", v3),
        ("v4-import-progress-stored-prefix", v4),
    ]
    static var versions: [String] { migrations.map(\.name) }

    /// `PRAGMA application_id` of a practice file: "CRRY" in ASCII. Another
    /// program's SQLite file has another id (or 0), and carryover leaves it alone.
    static let applicationID: Int32 = 0x4352_5259

    /// The migrations this file still needs, read without writing anything.
    static func pending(_ db: Database) throws -> [String] {
        guard try db.tableExists("grdb_migrations") else { return versions }
        let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        return versions.filter { !applied.contains($0) }
    }

    /// Applies the pending migrations in one immediate transaction (which
    /// waits on the busy timeout for another process doing the same).
    static func migrate(_ db: Database) throws {
        try db.inTransaction(.immediate) {
            try db.execute(
                sql:
                    "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)"
            )
            let todo = Set(try pending(db))
            for (name, sql) in migrations where todo.contains(name) {
                try db.execute(sql: sql)
                try db.execute(
                    sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [name])
            }
            return .commit
        }
    }

    /// SQL that makes a table append-only: rows can be added, never changed.
    static func appendOnly(_ table: String) -> String {
        """
        CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
        BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END;
        CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
        BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END;
        """
    }

    // Times are REAL seconds since 1970 (exact for a Date's Double).
    static let v1 =
        """
        CREATE TABLE client (
            id TEXT PRIMARY KEY NOT NULL,
            display_name TEXT NOT NULL,
            time_zone TEXT NOT NULL
        );
        CREATE TABLE assignment (
            id TEXT PRIMARY KEY NOT NULL,
            client_id TEXT NOT NULL REFERENCES client(id),
            homework_type TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at REAL NOT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX assignment_by_client ON assignment(client_id, status);
        CREATE INDEX assignment_by_type ON assignment(homework_type);
        CREATE TABLE entry (
            id TEXT PRIMARY KEY NOT NULL,
            assignment_id TEXT NOT NULL REFERENCES assignment(id),
            client_id TEXT NOT NULL REFERENCES client(id),
            homework_type TEXT NOT NULL,
            homework_version TEXT NOT NULL,
            performed_at REAL NOT NULL,
            logged_at REAL NOT NULL,
            fields TEXT NOT NULL
        );
        CREATE INDEX entry_by_assignment ON entry(assignment_id, performed_at);
        CREATE INDEX entry_by_client ON entry(client_id, performed_at);
        CREATE TABLE entry_score (
            entry_id TEXT NOT NULL REFERENCES entry(id),
            name TEXT NOT NULL,
            value REAL NOT NULL,
            PRIMARY KEY (entry_id, name)
        ) WITHOUT ROWID;
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at REAL NOT NULL,
            principal TEXT NOT NULL,
            action TEXT NOT NULL,
            object_kind TEXT NOT NULL,
            object_id TEXT NOT NULL,
            client_id TEXT
        );
        CREATE INDEX audit_by_client ON audit(client_id);
        CREATE INDEX audit_by_object ON audit(object_id);
        """ + appendOnly("audit")

    static let v2 =
        """
        CREATE TABLE document (
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            client_id TEXT NOT NULL REFERENCES client(id),
            json TEXT NOT NULL,
            PRIMARY KEY (kind, id)
        );
        CREATE INDEX document_by_client ON document(client_id, kind);
        CREATE TABLE assignment_state (
            assignment_id TEXT PRIMARY KEY NOT NULL REFERENCES assignment(id),
            json TEXT NOT NULL
        );
        CREATE TABLE ledger (
            assignment_id TEXT NOT NULL REFERENCES assignment(id),
            seq INTEGER NOT NULL,
            at REAL NOT NULL,
            kind TEXT NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (assignment_id, seq)
        );
        CREATE TABLE import_progress (
            file_hash TEXT PRIMARY KEY NOT NULL,
            last_line INTEGER NOT NULL,
            imported INTEGER NOT NULL,
            rejected INTEGER NOT NULL
        );
        """ + appendOnly("ledger")
}

extension SQLiteSchema {
    /// Marks the file as a practice; set in a transaction with the tables of a
    /// new practice, and by this migration on practices made before it.
    static let v3 = "PRAGMA application_id = \(applicationID)"

    /// Import progress marks only the stored prefix of a file. A mark written
    /// before this version may have passed rejected lines: such marks are
    /// dropped, so a re-run reads the whole file again and recognises what
    /// is stored. The rejected count goes (it counted lines of every run).
    static let v4 = """
        DELETE FROM import_progress WHERE rejected > 0;
        ALTER TABLE import_progress DROP COLUMN rejected;
        """
}
