#if Postgres
    /// The clinic database's schema: the same versions as the SQLite file's,
    /// each a list of statements (the extended protocol takes one at a time).
    enum PostgresSchema {
        /// The versions of the practice in `schema` (functions name their schema
        /// in their pinned `search_path`).
        static func versions(schema: String) -> [(name: String, statements: [String])] {
            [
                ("v1-clients-assignments-entries", v1),
                ("v2-documents-state-ledger-imports", v2),
                // The SQLite file's application id; a schema needs none.
                ("v3-application-id", []),
                ("v4-import-progress-stored-prefix", v4),
                ("v5-flags-corrections-sources", v5),
                ("v6-portal", v6),
                // PostgreSQL only: a clinic's accounts and row-level security (Docs/clinic.md).
                ("v7-clinic-accounts", ClinicSchema.v7(schema: schema)),
                ("v8-supporters-reviews", v8),
            ]
        }

        /// A version's statements as one `DO` block: one round trip instead of
        /// one each (the extended protocol takes one statement at a time), which
        /// a loaded server and many practices migrating at once both feel.
        static func oneRoundTrip(_ statements: [String]) -> String {
            let body = statements.map {
                precondition(!$0.contains("$carryover_step$"), "a statement uses the quoting tag")
                return "EXECUTE $carryover_step$\($0)$carryover_step$;"
            }
            return
                "DO $carryover_version$ BEGIN\n\(body.joined(separator: "\n"))\nEND $carryover_version$"
        }

        /// Statements that make a table append-only, even for TRUNCATE.
        static func appendOnly(_ table: String) -> [String] {
            [
                """
                CREATE TRIGGER \(table)_append_only BEFORE UPDATE OR DELETE ON \(table)
                FOR EACH ROW EXECUTE FUNCTION refuse_change()
                """,
                """
                CREATE TRIGGER \(table)_no_truncate BEFORE TRUNCATE ON \(table)
                FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()
                """,
            ]
        }

        // Times are double precision seconds since 1970, as in SQLite, so a
        // Date reads back bit for bit.
        static let v1: [String] =
            [
                """
                CREATE TABLE client (
                    id TEXT PRIMARY KEY, display_name TEXT NOT NULL, time_zone TEXT NOT NULL)
                """,
                """
                CREATE TABLE assignment (
                    id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES client(id),
                    homework_type TEXT NOT NULL, status TEXT NOT NULL,
                    created_at DOUBLE PRECISION NOT NULL, json JSONB NOT NULL)
                """,
                "CREATE INDEX assignment_by_client ON assignment(client_id, status)",
                "CREATE INDEX assignment_by_type ON assignment(homework_type)",
                """
                CREATE TABLE entry (
                    id TEXT PRIMARY KEY, assignment_id TEXT NOT NULL REFERENCES assignment(id),
                    client_id TEXT NOT NULL REFERENCES client(id), homework_type TEXT NOT NULL,
                    homework_version TEXT NOT NULL, performed_at DOUBLE PRECISION NOT NULL,
                    logged_at DOUBLE PRECISION NOT NULL, fields JSONB NOT NULL)
                """,
                "CREATE INDEX entry_by_assignment ON entry(assignment_id, performed_at)",
                "CREATE INDEX entry_by_client ON entry(client_id, performed_at)",
                """
                CREATE TABLE entry_score (
                    entry_id TEXT NOT NULL REFERENCES entry(id), name TEXT NOT NULL,
                    value DOUBLE PRECISION NOT NULL, PRIMARY KEY (entry_id, name))
                """,
                """
                CREATE TABLE audit (
                    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    at DOUBLE PRECISION NOT NULL, principal TEXT NOT NULL, action TEXT NOT NULL,
                    object_kind TEXT NOT NULL, object_id TEXT NOT NULL, client_id TEXT)
                """,
                "CREATE INDEX audit_by_client ON audit(client_id)",
                "CREATE INDEX audit_by_object ON audit(object_id)",
                """
                CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$
                """,
            ] + appendOnly("audit")

        static let v2: [String] =
            [
                """
                CREATE TABLE document (
                    kind TEXT NOT NULL, id TEXT NOT NULL,
                    client_id TEXT NOT NULL REFERENCES client(id), json JSONB NOT NULL,
                    PRIMARY KEY (kind, id))
                """,
                "CREATE INDEX document_by_client ON document(client_id, kind)",
                """
                CREATE TABLE assignment_state (
                    assignment_id TEXT PRIMARY KEY REFERENCES assignment(id), json JSONB NOT NULL)
                """,
                """
                CREATE TABLE ledger (
                    assignment_id TEXT NOT NULL REFERENCES assignment(id), seq BIGINT NOT NULL,
                    at DOUBLE PRECISION NOT NULL, kind TEXT NOT NULL, json JSONB NOT NULL,
                    PRIMARY KEY (assignment_id, seq))
                """,
                """
                CREATE TABLE import_progress (
                    file_hash TEXT PRIMARY KEY, last_line BIGINT NOT NULL,
                    imported BIGINT NOT NULL, rejected BIGINT NOT NULL)
                """,
            ] + appendOnly("ledger")

        /// Import progress marks only the stored prefix of a file (see the
        /// SQLite schema's v4): marks that passed rejected lines are dropped.
        static let v4: [String] = [
            "DELETE FROM import_progress WHERE rejected > 0",
            "ALTER TABLE import_progress DROP COLUMN rejected",
        ]

        /// As SQLite's v5: sources, flags and corrections of entries, risk
        /// flags with acknowledgements, ledger lines by entry, discharges.
        static let v5: [String] =
            [
                "ALTER TABLE client ADD COLUMN discharged_at DOUBLE PRECISION",
                "ALTER TABLE client ADD COLUMN discharge_reason TEXT",
                "ALTER TABLE entry ADD COLUMN source TEXT NOT NULL DEFAULT 'therapist'",
                "ALTER TABLE entry ADD COLUMN recorded_by TEXT",
                "ALTER TABLE entry ADD COLUMN flags JSONB",
                "ALTER TABLE entry ADD COLUMN revision BIGINT NOT NULL DEFAULT 0",
                "ALTER TABLE entry ADD COLUMN voided BOOLEAN NOT NULL DEFAULT false",
                """
                UPDATE entry SET source = 'import'
                WHERE id IN (SELECT object_id FROM audit WHERE action = 'entry.import')
                """,
                """
                UPDATE entry SET recorded_by = (
                    SELECT principal FROM audit WHERE audit.object_id = entry.id
                        AND audit.action IN ('entry.record', 'entry.import') ORDER BY seq LIMIT 1)
                """,
                """
                CREATE TABLE entry_revision (
                    entry_id TEXT NOT NULL REFERENCES entry(id), number BIGINT NOT NULL,
                    action TEXT NOT NULL, at DOUBLE PRECISION NOT NULL, actor TEXT NOT NULL,
                    reason TEXT NOT NULL, fields JSONB NOT NULL, scores JSONB NOT NULL,
                    flags JSONB, PRIMARY KEY (entry_id, number))
                """,
                """
                CREATE TABLE flag (
                    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    entry_id TEXT NOT NULL REFERENCES entry(id),
                    assignment_id TEXT NOT NULL REFERENCES assignment(id),
                    client_id TEXT NOT NULL REFERENCES client(id), level TEXT NOT NULL,
                    code TEXT NOT NULL, message TEXT NOT NULL,
                    performed_at DOUBLE PRECISION NOT NULL, raised_at DOUBLE PRECISION NOT NULL,
                    UNIQUE (entry_id, code))
                """,
                "CREATE INDEX flag_by_client ON flag(client_id, performed_at)",
                """
                CREATE TABLE flag_ack (
                    flag_id BIGINT PRIMARY KEY REFERENCES flag(id),
                    at DOUBLE PRECISION NOT NULL, actor TEXT NOT NULL, note TEXT NOT NULL)
                """,
                "ALTER TABLE ledger ADD COLUMN entry_id TEXT",
                "CREATE INDEX ledger_by_entry ON ledger(entry_id)",
                "CREATE INDEX audit_by_action ON audit(action)",
                """
                CREATE FUNCTION entry_changes_by_revision() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'entries are never deleted'; END IF;
                  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.assignment_id IS DISTINCT FROM OLD.assignment_id
                     OR NEW.client_id IS DISTINCT FROM OLD.client_id
                     OR NEW.performed_at IS DISTINCT FROM OLD.performed_at
                     OR NEW.logged_at IS DISTINCT FROM OLD.logged_at
                     OR NEW.revision IS DISTINCT FROM OLD.revision + 1
                     OR NOT EXISTS (SELECT 1 FROM entry_revision
                                    WHERE entry_id = NEW.id AND number = NEW.revision) THEN
                    RAISE EXCEPTION 'an entry changes only by a correction kept in entry_revision';
                  END IF;
                  RETURN NEW;
                END $$
                """,
                """
                CREATE TRIGGER entry_changes_by_revision BEFORE UPDATE OR DELETE ON entry
                FOR EACH ROW EXECUTE FUNCTION entry_changes_by_revision()
                """,
                """
                CREATE TRIGGER entry_no_truncate BEFORE TRUNCATE ON entry
                FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()
                """,
            ] + appendOnly("entry_revision") + appendOnly("flag") + appendOnly("flag_ack")

        // The client portal. Secrets and addresses are stored as SHA-256 hashes.
        static let v6: [String] =
            [
                """
                CREATE TABLE portal_invite (
                    id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES client(id),
                    token_hash TEXT NOT NULL UNIQUE, created_at DOUBLE PRECISION NOT NULL,
                    expires_at DOUBLE PRECISION NOT NULL, used_at DOUBLE PRECISION,
                    revoked_at DOUBLE PRECISION)
                """,
                "CREATE INDEX portal_invite_by_client ON portal_invite(client_id)",
                """
                CREATE TABLE portal_session (
                    key_hash TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES client(id),
                    expires_at DOUBLE PRECISION NOT NULL, data TEXT NOT NULL)
                """,
                "CREATE INDEX portal_session_by_client ON portal_session(client_id)",
                """
                CREATE TABLE portal_attempt (
                    address_hash TEXT PRIMARY KEY, failures BIGINT NOT NULL,
                    window_start DOUBLE PRECISION NOT NULL, locked_until DOUBLE PRECISION)
                """,
                """
                CREATE TABLE portal_calendar (
                    client_id TEXT PRIMARY KEY REFERENCES client(id),
                    token_hash TEXT NOT NULL UNIQUE, created_at DOUBLE PRECISION NOT NULL)
                """,
                """
                CREATE TABLE portal_activity (
                    client_id TEXT PRIMARY KEY REFERENCES client(id),
                    last_opened_at DOUBLE PRECISION NOT NULL)
                """,
                """
                CREATE TABLE portal_submission (
                    idempotency_key TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES client(id),
                    entry_id TEXT NOT NULL UNIQUE REFERENCES entry(id))
                """,
            ] + appendOnly("portal_submission")
    }
#endif
