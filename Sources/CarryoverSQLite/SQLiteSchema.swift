import CarryoverStore
import GRDB
import Logging

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
        ("v5-flags-corrections-sources", v5),
        ("v6-portal", v6),
        ("v7-supporters-reviews", v7),
        ("v8-entry-order-indexes", v8),
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
                SQLiteDiagnostics.logger.debug("applying migration", metadata: ["name": "\(name)"])
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

    /// Entries learn where they came from, who recorded them and their
    /// plugin's flags; corrections keep the version they replace; risk
    /// flags wait for acknowledgement; ledger lines name their entry;
    /// clients can be discharged. An entry is never deleted, and changes
    /// only by a correction whose revision row holds what it replaced.
    static let v5 =
        """
        ALTER TABLE client ADD COLUMN discharged_at REAL;
        ALTER TABLE client ADD COLUMN discharge_reason TEXT;
        ALTER TABLE entry ADD COLUMN source TEXT NOT NULL DEFAULT 'therapist';
        ALTER TABLE entry ADD COLUMN recorded_by TEXT;
        ALTER TABLE entry ADD COLUMN flags TEXT;
        ALTER TABLE entry ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE entry ADD COLUMN voided INTEGER NOT NULL DEFAULT 0;
        UPDATE entry SET source = 'import'
            WHERE id IN (SELECT object_id FROM audit WHERE action = 'entry.import');
        UPDATE entry SET recorded_by = (
            SELECT principal FROM audit WHERE audit.object_id = entry.id
                AND audit.action IN ('entry.record', 'entry.import') ORDER BY seq LIMIT 1);
        CREATE TABLE entry_revision (
            entry_id TEXT NOT NULL REFERENCES entry(id),
            number INTEGER NOT NULL,
            action TEXT NOT NULL,
            at REAL NOT NULL,
            actor TEXT NOT NULL,
            reason TEXT NOT NULL,
            fields TEXT NOT NULL,
            scores TEXT NOT NULL,
            flags TEXT,
            PRIMARY KEY (entry_id, number)
        );
        CREATE TABLE flag (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            entry_id TEXT NOT NULL REFERENCES entry(id),
            assignment_id TEXT NOT NULL REFERENCES assignment(id),
            client_id TEXT NOT NULL REFERENCES client(id),
            level TEXT NOT NULL,
            code TEXT NOT NULL,
            message TEXT NOT NULL,
            performed_at REAL NOT NULL,
            raised_at REAL NOT NULL,
            UNIQUE (entry_id, code)
        );
        CREATE INDEX flag_by_client ON flag(client_id, performed_at);
        CREATE TABLE flag_ack (
            flag_id INTEGER PRIMARY KEY NOT NULL REFERENCES flag(id),
            at REAL NOT NULL,
            actor TEXT NOT NULL,
            note TEXT NOT NULL
        );
        ALTER TABLE ledger ADD COLUMN entry_id TEXT;
        CREATE INDEX ledger_by_entry ON ledger(entry_id);
        CREATE INDEX audit_by_action ON audit(action);
        CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry
        BEGIN SELECT RAISE(ABORT, 'entries are never deleted'); END;
        CREATE TRIGGER entry_changes_by_revision BEFORE UPDATE ON entry
        WHEN NEW.id IS NOT OLD.id OR NEW.assignment_id IS NOT OLD.assignment_id
            OR NEW.client_id IS NOT OLD.client_id OR NEW.performed_at IS NOT OLD.performed_at
            OR NEW.logged_at IS NOT OLD.logged_at OR NEW.revision IS NOT OLD.revision + 1
            OR NOT EXISTS (SELECT 1 FROM entry_revision
                           WHERE entry_id = NEW.id AND number = NEW.revision)
        BEGIN SELECT RAISE(ABORT, 'an entry changes only by a correction kept in entry_revision');
        END;
        """ + appendOnly("entry_revision") + appendOnly("flag") + appendOnly("flag_ack")
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

    // The client portal. Secrets and addresses are stored as SHA-256 hashes.
    static let v6 =
        """
        CREATE TABLE portal_invite (
            id TEXT PRIMARY KEY NOT NULL,
            client_id TEXT NOT NULL REFERENCES client(id),
            token_hash TEXT NOT NULL UNIQUE,
            created_at REAL NOT NULL,
            expires_at REAL NOT NULL,
            used_at REAL,
            revoked_at REAL
        );
        CREATE INDEX portal_invite_by_client ON portal_invite(client_id);
        CREATE TABLE portal_session (
            key_hash TEXT PRIMARY KEY NOT NULL,
            client_id TEXT NOT NULL REFERENCES client(id),
            expires_at REAL NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX portal_session_by_client ON portal_session(client_id);
        CREATE TABLE portal_attempt (
            address_hash TEXT PRIMARY KEY NOT NULL,
            failures INTEGER NOT NULL,
            window_start REAL NOT NULL,
            locked_until REAL
        );
        CREATE TABLE portal_calendar (
            client_id TEXT PRIMARY KEY NOT NULL REFERENCES client(id),
            token_hash TEXT NOT NULL UNIQUE,
            created_at REAL NOT NULL
        );
        CREATE TABLE portal_activity (
            client_id TEXT PRIMARY KEY NOT NULL REFERENCES client(id),
            last_opened_at REAL NOT NULL
        );
        CREATE TABLE portal_submission (
            idempotency_key TEXT PRIMARY KEY NOT NULL,
            client_id TEXT NOT NULL REFERENCES client(id),
            entry_id TEXT NOT NULL UNIQUE REFERENCES entry(id)
        );
        """ + appendOnly("portal_submission")
}
