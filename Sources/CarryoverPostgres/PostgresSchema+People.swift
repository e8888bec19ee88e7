#if Postgres
    extension PostgresSchema {
        /// As SQLite's v8: supporters (never deleted), encouragements and
        /// session reviews (append-only); entries learn their kind, whether
        /// they count, their supporter and the client's rating, none of which
        /// ever changes; portal invites and sessions may belong to a supporter.
        static let v8: [String] =
            [
                """
                CREATE TABLE supporter (
                    id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES client(id),
                    status TEXT NOT NULL, json JSONB NOT NULL)
                """,
                "CREATE INDEX supporter_by_client ON supporter(client_id)",
                """
                CREATE FUNCTION refuse_supporter_delete() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'supporters are never deleted; remove them instead'; END $$
                """,
                """
                CREATE TRIGGER supporter_no_delete BEFORE DELETE ON supporter
                FOR EACH ROW EXECUTE FUNCTION refuse_supporter_delete()
                """,
                """
                CREATE TRIGGER supporter_no_truncate BEFORE TRUNCATE ON supporter
                FOR EACH STATEMENT EXECUTE FUNCTION refuse_supporter_delete()
                """,
                """
                CREATE TABLE encouragement (
                    id TEXT PRIMARY KEY, supporter_id TEXT NOT NULL REFERENCES supporter(id),
                    client_id TEXT NOT NULL REFERENCES client(id),
                    assignment_id TEXT NOT NULL REFERENCES assignment(id), text TEXT NOT NULL,
                    sent_at DOUBLE PRECISION NOT NULL)
                """,
                "CREATE INDEX encouragement_by_client ON encouragement(client_id, sent_at)",
                """
                CREATE TABLE session_review (
                    id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES client(id),
                    held_at DOUBLE PRECISION NOT NULL, json JSONB NOT NULL)
                """,
                "CREATE INDEX session_review_by_client ON session_review(client_id, held_at)",
                "ALTER TABLE entry ADD COLUMN kind TEXT NOT NULL DEFAULT 'homework'",
                "ALTER TABLE entry ADD COLUMN counts BOOLEAN NOT NULL DEFAULT true",
                "ALTER TABLE entry ADD COLUMN supporter_id TEXT REFERENCES supporter(id)",
                "ALTER TABLE entry ADD COLUMN quality BIGINT",
                """
                CREATE FUNCTION entry_people_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.kind IS DISTINCT FROM OLD.kind OR NEW.counts IS DISTINCT FROM OLD.counts
                     OR NEW.supporter_id IS DISTINCT FROM OLD.supporter_id
                     OR NEW.quality IS DISTINCT FROM OLD.quality THEN
                    RAISE EXCEPTION 'an entry keeps its kind, supporter and rating';
                  END IF;
                  RETURN NEW;
                END $$
                """,
                """
                CREATE TRIGGER entry_people_fixed BEFORE UPDATE ON entry
                FOR EACH ROW EXECUTE FUNCTION entry_people_fixed()
                """,
                "ALTER TABLE portal_invite ADD COLUMN supporter_id TEXT REFERENCES supporter(id)",
                "ALTER TABLE portal_session ADD COLUMN supporter_id TEXT REFERENCES supporter(id)",
            ] + appendOnly("encouragement") + appendOnly("session_review")
    }
#endif
