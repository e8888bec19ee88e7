#if Postgres
    /// The admin's SQL functions: accounts (each a login role of its own),
    /// roles, supervision, passwords and caseload moves. Each checks who
    /// calls it (an active admin, or the schema's owner), changes one thing
    /// and journals it. `p_actor` names the acting person only for the
    /// owner; for an account the journal's trigger writes the account.
    enum ClinicAdminFunctions {
        static func statements(header: String, now: String) -> [String] {
            let journal = """
                INSERT INTO audit (at, principal, action, object_kind, object_id, client_id)
                """
            let role = "p_role NOT IN ('therapist', 'supervisor', 'admin')"
            let badRole =
                "RAISE EXCEPTION 'A role is therapist, supervisor or admin.' USING ERRCODE = 'CRINV'"
            let noAccount = """
                RAISE EXCEPTION 'No account ''%'' in this practice; see ''carryover account list''.', p_id
                      USING ERRCODE = 'CRNFD'
                """
            return [
                """
                CREATE FUNCTION account_add(p_id text, p_name text, p_role text, p_verifier text,
                                            p_actor text) RETURNS void LANGUAGE plpgsql \(header) AS $$
                BEGIN
                  PERFORM require_admin();
                  IF p_id !~ '^[a-z][a-z0-9_-]{1,62}$' OR p_id LIKE 'pg\\_%' THEN
                    RAISE EXCEPTION 'An account id is 2 to 63 lowercase letters, digits, ''-'' or ''_'', starting with a letter (not pg_), e.g. dr-ana.'
                      USING ERRCODE = 'CRINV';
                  END IF;
                  IF \(role) THEN \(badRole); END IF;
                  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_id) THEN
                    RAISE EXCEPTION 'The database already has a role ''%''; choose another account id.', p_id
                      USING ERRCODE = 'CRDUP';
                  END IF;
                  -- Two GRANTs on one table at once fail ("tuple concurrently updated"):
                  -- account adds take turns, until the transaction ends.
                  PERFORM pg_advisory_xact_lock(hashtext('carryover.account_add'));
                  EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_id, p_verifier);
                  PERFORM grant_staff(p_id);
                  INSERT INTO account (id, display_name, role, created_at) VALUES (p_id, p_name, p_role, \(now));
                  \(journal) VALUES (\(now), p_actor, 'account.add', 'account', p_id, NULL);
                END $$
                """,
                """
                CREATE FUNCTION account_set_role(p_id text, p_role text, p_actor text) RETURNS void
                LANGUAGE plpgsql \(header) AS $$
                BEGIN
                  PERFORM require_admin();
                  IF \(role) THEN \(badRole); END IF;
                  IF p_id = session_user THEN
                    RAISE EXCEPTION 'An admin does not change their own role; ask another admin.'
                      USING ERRCODE = 'CRCON';
                  END IF;
                  UPDATE account SET role = p_role WHERE id = p_id;
                  IF NOT FOUND THEN \(noAccount); END IF;
                  \(journal) VALUES (\(now), p_actor, 'account.role', 'account', p_id, NULL);
                END $$
                """,
                """
                CREATE FUNCTION account_set_disabled(p_id text, p_disabled boolean, p_actor text)
                RETURNS void LANGUAGE plpgsql \(header) AS $$
                BEGIN
                  PERFORM require_admin();
                  IF p_id = session_user THEN
                    RAISE EXCEPTION 'An admin does not disable their own account; ask another admin.'
                      USING ERRCODE = 'CRCON';
                  END IF;
                  UPDATE account SET disabled_at = CASE WHEN p_disabled THEN \(now) END WHERE id = p_id;
                  IF NOT FOUND THEN \(noAccount); END IF;
                  EXECUTE format('ALTER ROLE %I %s', p_id, CASE WHEN p_disabled THEN 'NOLOGIN' ELSE 'LOGIN' END);
                  \(journal) VALUES (\(now), p_actor,
                    CASE WHEN p_disabled THEN 'account.disable' ELSE 'account.enable' END,
                    'account', p_id, NULL);
                END $$
                """,
                // Anyone changes their own password; an admin resets another's (journalled, so
                // the account's holder sees it in their own journal).
                """
                CREATE FUNCTION account_set_password(p_id text, p_verifier text, p_actor text)
                RETURNS void LANGUAGE plpgsql \(header) AS $$
                BEGIN
                  IF p_id IS DISTINCT FROM active_account() THEN PERFORM require_admin(); END IF;
                  IF NOT EXISTS (SELECT 1 FROM account WHERE id = p_id) THEN \(noAccount); END IF;
                  EXECUTE format('ALTER ROLE %I PASSWORD %L', p_id, p_verifier);
                  \(journal) VALUES (\(now), p_actor, 'account.password', 'account', p_id, NULL);
                END $$
                """,
                """
                CREATE FUNCTION supervision_set(p_supervisor text, p_supervisee text, p_on boolean,
                                                p_actor text) RETURNS void LANGUAGE plpgsql \(header) AS $$
                BEGIN
                  PERFORM require_admin();
                  IF p_on THEN
                    IF NOT EXISTS (SELECT 1 FROM account WHERE id = p_supervisor AND role = 'supervisor') THEN
                      RAISE EXCEPTION 'Account ''%'' is not a supervisor; give it the role first (carryover account role).', p_supervisor
                        USING ERRCODE = 'CRINV';
                    END IF;
                    IF NOT EXISTS (SELECT 1 FROM account WHERE id = p_supervisee) THEN
                      RAISE EXCEPTION 'No account ''%'' in this practice; see ''carryover account list''.', p_supervisee
                        USING ERRCODE = 'CRNFD';
                    END IF;
                    IF p_supervisor = p_supervisee THEN
                      RAISE EXCEPTION 'Nobody supervises themselves.' USING ERRCODE = 'CRINV';
                    END IF;
                    INSERT INTO supervision (supervisor, supervisee, since)
                    VALUES (p_supervisor, p_supervisee, \(now)) ON CONFLICT DO NOTHING;
                  ELSE
                    DELETE FROM supervision WHERE supervisor = p_supervisor AND supervisee = p_supervisee;
                  END IF;
                  \(journal) VALUES (\(now), p_actor,
                    CASE WHEN p_on THEN 'supervision.add' ELSE 'supervision.remove' END,
                    'supervision', p_supervisor || '>' || p_supervisee, NULL);
                END $$
                """,
                // Gives a client to a therapist: a first assignment, or a move from another.
                """
                CREATE FUNCTION caseload_assign(p_client text, p_to text, p_reason text, p_actor text)
                RETURNS text LANGUAGE plpgsql \(header) AS $$
                DECLARE previous text; who text := coalesce(session_account(), p_actor);
                BEGIN
                  PERFORM require_admin();
                  IF NOT EXISTS (SELECT 1 FROM client WHERE id = p_client) THEN
                    RAISE EXCEPTION 'No client ''%'' in this practice; see ''carryover caseload list''.', p_client
                      USING ERRCODE = 'CRNFD';
                  END IF;
                  IF NOT EXISTS (SELECT 1 FROM account WHERE id = p_to AND disabled_at IS NULL) THEN
                    RAISE EXCEPTION 'No active account ''%'' to hold the client; see ''carryover account list''.', p_to
                      USING ERRCODE = 'CRNFD';
                  END IF;
                  SELECT therapist INTO previous FROM caseload WHERE client_id = p_client FOR UPDATE;
                  IF previous = p_to THEN
                    RAISE EXCEPTION 'Client ''%'' is already on the caseload of ''%''.', p_client, p_to
                      USING ERRCODE = 'CRCON';
                  END IF;
                  INSERT INTO caseload (client_id, therapist, since) VALUES (p_client, p_to, \(now))
                  ON CONFLICT (client_id) DO UPDATE SET therapist = excluded.therapist, since = excluded.since;
                  INSERT INTO caseload_change (client_id, at, actor, from_therapist, to_therapist, reason)
                  VALUES (p_client, \(now), who, previous, p_to, p_reason);
                  \(journal) VALUES (\(now), p_actor,
                    CASE WHEN previous IS NULL THEN 'caseload.assign' ELSE 'caseload.move' END,
                    'caseload', p_client, p_client);
                  RETURN previous;
                END $$
                """,
            ]
        }
    }
#endif
