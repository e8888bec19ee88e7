import GRDB

/// The practice file's schema, as versioned migrations. A migration, once
/// released, never changes: new versions add a migration.
enum SQLiteSchema {
    static let versions = [
        "v1-clients-assignments-entries", "v2-documents-state-ledger-imports", "v3-portal",
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(versions[0]) { db in try db.execute(sql: v1) }
        migrator.registerMigration(versions[1]) { db in try db.execute(sql: v2) }
        migrator.registerMigration(versions[2]) { db in try db.execute(sql: v3) }
        return migrator
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

    // The client portal. Secrets and addresses are stored as SHA-256 hashes.
    static let v3 =
        """
        ALTER TABLE entry ADD COLUMN source TEXT;
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
