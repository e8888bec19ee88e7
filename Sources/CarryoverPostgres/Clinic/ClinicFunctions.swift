#if Postgres
    /// The SQL functions of the clinic's accounts: who is signed in, which
    /// clients they may read and change, and the admin's changes to accounts,
    /// supervision and caseloads (each checked, then journalled).
    ///
    /// Errors raised here use SQLSTATEs of carryover's own class `CR`
    /// (mapped in ``PostgresErrors``): `CRDEN` not permitted, `CRNFD` not
    /// found, `CRINV` invalid input, `CRDUP` duplicate, `CRCON` conflict.
    /// Times are the database server's clock: who could see which client
    /// when is the server's record, not a workstation's claim.
    enum ClinicFunctions {
        static func statements(schema: String) -> [String] {
            let header = "SECURITY DEFINER SET search_path = \(schema), pg_temp"
            let now = "extract(epoch FROM statement_timestamp())"
            let grants = ClinicSchema.staffPrivileges.flatMap { tables, privileges in
                tables.map { "('\($0)', '\(privileges)')" }
            }.joined(separator: ", ")
            return [
                // Who is signed in: an account (disabled or not), or NULL for the owner.
                """
                CREATE FUNCTION session_account() RETURNS text LANGUAGE sql STABLE \(header) AS $$
                  SELECT id FROM account WHERE id = session_user $$
                """,
                """
                CREATE FUNCTION active_account() RETURNS text LANGUAGE sql STABLE \(header) AS $$
                  SELECT id FROM account WHERE id = session_user AND disabled_at IS NULL $$
                """,
                """
                CREATE FUNCTION is_admin() RETURNS boolean LANGUAGE sql STABLE \(header) AS $$
                  SELECT EXISTS (SELECT 1 FROM account WHERE id = session_user AND role = 'admin'
                                 AND disabled_at IS NULL) $$
                """,
                """
                CREATE FUNCTION owner_session() RETURNS boolean LANGUAGE sql STABLE \(header) AS $$
                  SELECT coalesce((SELECT pg_has_role(session_user, nspowner, 'MEMBER')
                                   FROM pg_namespace WHERE nspname = '\(schema)'), false) $$
                """,
                // The clients on the signed-in account's own caseload.
                """
                CREATE FUNCTION writable_clients() RETURNS SETOF text LANGUAGE sql STABLE \(header) AS $$
                  SELECT c.client_id FROM caseload c JOIN account a ON a.id = c.therapist
                  WHERE a.id = session_user AND a.disabled_at IS NULL $$
                """,
                // Those, and a supervisor's supervisees' clients.
                """
                CREATE FUNCTION readable_clients() RETURNS SETOF text LANGUAGE sql STABLE \(header) AS $$
                  SELECT c.client_id FROM caseload c JOIN account a ON a.id = c.therapist
                  WHERE a.id = session_user AND a.disabled_at IS NULL
                  UNION
                  SELECT c.client_id FROM caseload c
                    JOIN supervision s ON s.supervisee = c.therapist
                    JOIN account a ON a.id = s.supervisor
                  WHERE a.id = session_user AND a.role = 'supervisor' AND a.disabled_at IS NULL $$
                """,
                """
                CREATE FUNCTION require_admin() RETURNS void LANGUAGE plpgsql STABLE \(header) AS $$
                BEGIN
                  IF NOT (is_admin() OR owner_session()) THEN
                    RAISE EXCEPTION 'Only an admin manages accounts, supervision and caseloads; ask your clinic''s admin.'
                      USING ERRCODE = 'CRDEN';
                  END IF;
                END $$
                """,
                // Writes the signed-in account's name into a column (TG_ARGV[0]).
                """
                CREATE FUNCTION stamp_account() RETURNS trigger LANGUAGE plpgsql \(header) AS $$
                DECLARE me text := session_account();
                BEGIN
                  IF me IS NOT NULL THEN
                    NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], me));
                  END IF;
                  RETURN NEW;
                END $$
                """,
                // A client an account adds joins that account's caseload.
                """
                CREATE FUNCTION client_joins_caseload() RETURNS trigger LANGUAGE plpgsql \(header) AS $$
                DECLARE me text := active_account();
                BEGIN
                  IF me IS NOT NULL THEN
                    INSERT INTO caseload (client_id, therapist, since) VALUES (NEW.id, me, \(now));
                    INSERT INTO caseload_change (client_id, at, actor, from_therapist, to_therapist, reason)
                    VALUES (NEW.id, \(now), me, NULL, me, 'added the client');
                    INSERT INTO audit (at, principal, action, object_kind, object_id, client_id)
                    VALUES (\(now), me, 'caseload.assign', 'caseload', NEW.id, NEW.id);
                  END IF;
                  RETURN NEW;
                END $$
                """,
                // What a staff role may do with each table; rows are the policies' business.
                """
                CREATE FUNCTION grant_staff(p_role text) RETURNS void LANGUAGE plpgsql \(header) AS $$
                DECLARE t text; p text;
                BEGIN
                  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', '\(schema)', p_role);
                  FOR t, p IN SELECT * FROM (VALUES \(grants)) AS g(t, p) LOOP
                    -- A table of a migration this database has not had (the portal's) is skipped.
                    IF to_regclass(format('%I.%I', '\(schema)', t)) IS NOT NULL THEN
                      EXECUTE format('GRANT %s ON %I.%I TO %I', p, '\(schema)', t, p_role);
                    END IF;
                  END LOOP;
                END $$
                """,
                "REVOKE ALL ON FUNCTION grant_staff(text) FROM PUBLIC",
            ] + ClinicAdminFunctions.statements(header: header, now: now)
        }
    }
#endif
