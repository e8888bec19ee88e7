#if Postgres
    /// Migration `v7-clinic-accounts`: therapists' accounts, caseloads and
    /// row-level security (Docs/clinic.md).
    ///
    /// Each therapist signs in to PostgreSQL as a role of their own; policies
    /// read `session_user`, which no statement of theirs can change (they are
    /// members of no role, so `SET ROLE` fails, and `SET SESSION
    /// AUTHORIZATION` needs a superuser). The schema's owner (the role that
    /// migrates) is not subject to the policies: it is the clinic's key,
    /// used for set-up, migrations and the portal, never by a therapist.
    /// Functions that read the account tables are `SECURITY DEFINER` with
    /// `search_path` pinned to the schema, then `pg_temp` (so a temporary
    /// table cannot stand in for `caseload`).
    enum ClinicSchema {
        /// Every table of the practice with the policies staff may use: a
        /// table missing here gets no grant, so staff are refused it whole.
        static let staffPrivileges: [(tables: [String], privileges: String)] = [
            (
                ["schema_version", "account", "supervision", "caseload", "caseload_change"],
                "SELECT"
            ),
            (
                [
                    "client", "assignment", "document", "assignment_state", "entry",
                    "import_progress",
                ],
                "SELECT, INSERT, UPDATE"
            ),
            (["entry_score"], "SELECT, INSERT, DELETE"),
            // An acknowledgement locks its flag (FOR UPDATE needs the privilege);
            // the append-only trigger refuses every real UPDATE.
            (["flag"], "SELECT, INSERT, UPDATE"),
            (["entry_revision", "flag_ack", "ledger", "audit"], "SELECT, INSERT"),
            // The portal's (v6-portal): a therapist invites, ends sessions, sets a
            // calendar feed and sees when the client last opened the portal;
            // the portal server itself connects as the owner.
            (["portal_invite"], "SELECT, INSERT, UPDATE"),
            (["portal_calendar"], "SELECT, INSERT, UPDATE, DELETE"),
            (["portal_session"], "SELECT, DELETE"),
            (["portal_activity", "portal_submission"], "SELECT"),
        ]

        /// Tables with row-level security and no staff grant at all: the
        /// portal's failed-attempt counters (addresses, hashed), the server's alone.
        static let ownerOnly = ["portal_attempt"]

        /// Which rows of a client-data table belong to a set of clients;
        /// `{set}` is `readable_clients` or `writable_clients`.
        static let clientScopes: [(table: String, scope: String)] = [
            ("client", "id IN (SELECT {set}())"),
            ("assignment", "client_id IN (SELECT {set}())"),
            ("document", "client_id IN (SELECT {set}())"),
            ("entry", "client_id IN (SELECT {set}())"),
            ("flag", "client_id IN (SELECT {set}())"),
            (
                "assignment_state",
                "assignment_id IN (SELECT id FROM assignment WHERE client_id IN (SELECT {set}()))"
            ),
            (
                "ledger",
                "assignment_id IN (SELECT id FROM assignment WHERE client_id IN (SELECT {set}()))"
            ),
            (
                "entry_score",
                "entry_id IN (SELECT id FROM entry WHERE client_id IN (SELECT {set}()))"
            ),
            (
                "entry_revision",
                "entry_id IN (SELECT id FROM entry WHERE client_id IN (SELECT {set}()))"
            ),
            ("flag_ack", "flag_id IN (SELECT id FROM flag WHERE client_id IN (SELECT {set}()))"),
            ("portal_invite", "client_id IN (SELECT {set}())"),
            ("portal_session", "client_id IN (SELECT {set}())"),
            ("portal_calendar", "client_id IN (SELECT {set}())"),
            ("portal_activity", "client_id IN (SELECT {set}())"),
            ("portal_submission", "client_id IN (SELECT {set}())"),
        ]

        /// The statements of `v7-clinic-accounts` for the practice in `schema`.
        static func v7(schema: String) -> [String] {
            tables + PostgresSchema.appendOnly("caseload_change") + importsByAccount
                + ClinicFunctions.statements(schema: schema) + policies + triggers
        }

        static let tables: [String] = [
            """
            CREATE TABLE account (
                id TEXT PRIMARY KEY, display_name TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('therapist', 'supervisor', 'admin')),
                created_at DOUBLE PRECISION NOT NULL, disabled_at DOUBLE PRECISION)
            """,
            """
            CREATE TABLE supervision (
                supervisor TEXT NOT NULL REFERENCES account(id),
                supervisee TEXT NOT NULL REFERENCES account(id),
                since DOUBLE PRECISION NOT NULL, PRIMARY KEY (supervisor, supervisee),
                CHECK (supervisor <> supervisee))
            """,
            """
            CREATE TABLE caseload (
                client_id TEXT PRIMARY KEY REFERENCES client(id),
                therapist TEXT NOT NULL REFERENCES account(id), since DOUBLE PRECISION NOT NULL)
            """,
            "CREATE INDEX caseload_by_therapist ON caseload(therapist)",
            """
            CREATE TABLE caseload_change (
                seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                client_id TEXT NOT NULL REFERENCES client(id), at DOUBLE PRECISION NOT NULL,
                actor TEXT NOT NULL, from_therapist TEXT, to_therapist TEXT NOT NULL,
                reason TEXT NOT NULL)
            """,
            "CREATE INDEX caseload_change_by_client ON caseload_change(client_id)",
        ]

        /// An import's progress belongs to the role that ran it: two
        /// therapists never see, or move, each other's marks.
        static let importsByAccount: [String] = [
            "ALTER TABLE import_progress ADD COLUMN account TEXT NOT NULL DEFAULT session_user",
            "ALTER TABLE import_progress DROP CONSTRAINT import_progress_pkey",
            "ALTER TABLE import_progress ADD PRIMARY KEY (file_hash, account)",
        ]

        static var policies: [String] {
            var statements = (staffPrivileges.flatMap(\.tables) + ownerOnly).map {
                "ALTER TABLE \($0) ENABLE ROW LEVEL SECURITY"
            }
            for (table, scope) in clientScopes {
                let read = scope.replacingOccurrences(of: "{set}", with: "readable_clients")
                let write = scope.replacingOccurrences(of: "{set}", with: "writable_clients")
                // Inserting a client is the one write outside a caseload: it joins the caseload.
                let insert = table == "client" ? "active_account() IS NOT NULL" : write
                statements += [
                    "CREATE POLICY \(table)_read ON \(table) FOR SELECT USING (\(read))",
                    "CREATE POLICY \(table)_insert ON \(table) FOR INSERT WITH CHECK (\(insert))",
                    "CREATE POLICY \(table)_update ON \(table) FOR UPDATE USING (\(write)) WITH CHECK (\(write))",
                    "CREATE POLICY \(table)_delete ON \(table) FOR DELETE USING (\(write))",
                ]
            }
            let administered = "('account', 'caseload', 'supervision')"
            return statements + [
                "CREATE POLICY schema_version_read ON schema_version FOR SELECT USING (true)",
                "CREATE POLICY account_read ON account FOR SELECT USING (true)",
                """
                CREATE POLICY supervision_read ON supervision FOR SELECT
                USING (supervisor = session_user OR supervisee = session_user OR is_admin())
                """,
                """
                CREATE POLICY caseload_read ON caseload FOR SELECT
                USING (client_id IN (SELECT readable_clients()) OR is_admin())
                """,
                """
                CREATE POLICY caseload_change_read ON caseload_change FOR SELECT
                USING (client_id IN (SELECT readable_clients()) OR is_admin())
                """,
                """
                CREATE POLICY audit_read ON audit FOR SELECT
                USING (client_id IN (SELECT readable_clients())
                       OR (object_kind IN \(administered) AND is_admin())
                       OR (object_kind = 'account' AND object_id = session_user))
                """,
                """
                CREATE POLICY audit_insert ON audit FOR INSERT
                WITH CHECK (client_id IN (SELECT writable_clients()))
                """,
                """
                CREATE POLICY import_progress_own ON import_progress
                USING (account = session_user) WITH CHECK (account = session_user)
                """,
            ]
        }

        /// The journal, entries, corrections and acknowledgements name the
        /// signed-in account, whatever name the program sent.
        static let triggers: [String] =
            [
                ("audit", "principal"), ("entry", "recorded_by"), ("entry_revision", "actor"),
                ("flag_ack", "actor"),
            ].map { table, column in
                """
                CREATE TRIGGER \(table)_signed_in BEFORE INSERT ON \(table)
                FOR EACH ROW EXECUTE FUNCTION stamp_account('\(column)')
                """
            } + [
                """
                CREATE TRIGGER client_joins_caseload AFTER INSERT ON client
                FOR EACH ROW EXECUTE FUNCTION client_joins_caseload()
                """,
                // v5's rule, now also keeping who recorded an entry and its source.
                """
                CREATE OR REPLACE FUNCTION entry_changes_by_revision() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'entries are never deleted'; END IF;
                  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.assignment_id IS DISTINCT FROM OLD.assignment_id
                     OR NEW.client_id IS DISTINCT FROM OLD.client_id
                     OR NEW.performed_at IS DISTINCT FROM OLD.performed_at
                     OR NEW.logged_at IS DISTINCT FROM OLD.logged_at
                     OR NEW.recorded_by IS DISTINCT FROM OLD.recorded_by
                     OR NEW.source IS DISTINCT FROM OLD.source
                     OR NEW.revision IS DISTINCT FROM OLD.revision + 1
                     OR NOT EXISTS (SELECT 1 FROM entry_revision
                                    WHERE entry_id = NEW.id AND number = NEW.revision) THEN
                    RAISE EXCEPTION 'an entry changes only by a correction kept in entry_revision';
                  END IF;
                  RETURN NEW;
                END $$
                """,
            ]
    }
#endif
