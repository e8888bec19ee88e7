#if Postgres
    import CarryoverCore
    import CarryoverStore
    import Foundation
    import PostgresNIO

    /// A practice in PostgreSQL: the shared store of a clinic's therapists.
    ///
    /// Built only with the `Postgres` package trait. Each practice lives in
    /// one schema of the database (default `carryover`), created and migrated
    /// on connect. Writes run in transactions at READ COMMITTED; rows that
    /// order a ledger or an import are locked first (`FOR UPDATE`, advisory
    /// locks), so concurrent therapists never interleave one assignment's
    /// ledger. Audit sequence numbers increase but may skip after a failed
    /// transaction (PostgreSQL sequences are not transactional).
    public final class PostgresStore: PracticeStore {
        let client: PostgresClient
        /// The schema that holds this practice.
        public let schema: String
        let runner: Task<Void, Never>
        /// Who acts: the clinic account signed in, else the principal asked for.
        public let principal: Principal
        /// The clinic account this store is signed in as (its database role),
        /// or `nil` when signed in as the schema's owner. Row-level security
        /// decides what an account sees; the journal names it, whatever
        /// `principal` was asked for (Docs/clinic.md).
        public let account: String?
        let clock: any WallClock
        let logger: Logger

        /// Connects to the database at `url`, creating and migrating `schema`
        /// when it needs it (an up-to-date schema is only read).
        ///
        /// Signed in as a clinic account (any role but the schema's owner),
        /// the store acts as that account: `principal` is replaced by it, and
        /// a schema that needs migrating is refused (only the owner migrates).
        ///
        /// Every transaction commits with `synchronous_commit = on`, so a
        /// write that returns is on the server's disk. With `access`
        /// `.readOnly` every transaction is read-only on the server
        /// (`default_transaction_read_only`), so nothing can change.
        /// Gives up with an `io` error after `deadline` (the connection pool
        /// itself would keep retrying an unreachable server).
        public static func connect(
            url: String, schema: String = "carryover", access: StoreAccess = .readWrite,
            principal: Principal = .currentUser(), clock: any WallClock = SystemClock(),
            deadline: Duration = .seconds(15)
        ) async throws -> PostgresStore {
            guard schema.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) != nil
            else {
                throw StoreError(
                    .invalidInput,
                    "A schema name is 1 to 63 lowercase letters, digits or underscores.")
            }
            let url = try PostgresURL(url)
            let account = try await withDeadline(deadline) {
                try await signedInAccount(url, schema: schema)
            }
            var configuration = url.clientConfiguration()
            configuration.options.additionalStartupParameters = [
                ("search_path", schema), ("synchronous_commit", "on"),
                ("default_transaction_read_only", access == .readOnly ? "on" : "off"),
            ]
            let store = PostgresStore(
                configuration, schema: schema,
                principal: account.map { Principal(name: $0) } ?? principal, account: account,
                clock: clock)
            do {
                try await withDeadline(deadline) { try await store.migrate(schema: schema) }
            } catch {
                store.close()
                throw error
            }
            return store
        }

        private init(
            _ configuration: PostgresClient.Configuration, schema: String, principal: Principal,
            account: String?, clock: any WallClock
        ) {
            self.schema = schema
            let logger = Self.quietLogger
            let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
            self.client = client
            self.runner = Task { await client.run() }
            self.principal = principal
            self.account = account
            self.clock = clock
            self.logger = logger
        }

        /// Closes the connections.
        public func close() {
            runner.cancel()
        }

        deinit {
            runner.cancel()
        }

        static var quietLogger: Logger {
            var logger = Logger(label: "carryover.postgres")
            logger.logLevel = .critical  // a CLI prints its own errors
            return logger
        }

        /// Runs `body`, or throws `io` when it has not finished by `deadline`.
        private static func withDeadline<T: Sendable>(
            _ deadline: Duration, _ body: @escaping @Sendable () async throws -> T
        ) async throws -> T {
            try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask { try await body() }
                group.addTask {
                    try await Task.sleep(for: deadline)
                    return nil
                }
                defer { group.cancelAll() }
                guard case let value?? = try await group.next() else {
                    throw StoreError(
                        .io,
                        "The database server did not answer within \(deadline); check the URL, "
                            + "the server and the network, then try again.")
                }
                return value
            }
        }

        /// The versions not applied yet, read without writing.
        private func pending(schema: String) async throws -> [String] {
            try await transaction { db in
                let found = try await self.all(
                    db, "SELECT to_regclass(\(schema + ".schema_version"))::text IS NOT NULL",
                    as: Bool.self)
                let names = PostgresSchema.versions(schema: schema).map(\.name)
                guard found.first == true else { return names }
                let applied = Set(
                    try await self.all(db, "SELECT version FROM schema_version", as: String.self))
                return names.filter { !applied.contains($0) }
            }
        }

        private func migrate(schema: String) async throws {
            let pending = try await pending(schema: schema)
            guard !pending.isEmpty else { return }
            if account != nil { throw ClinicErrors.needsMigration(pending) }
            try await transaction { db in
                // A read-only store still migrates once (its later reads need the tables).
                try await db.query("SET TRANSACTION READ WRITE", logger: self.logger)
                // One migrator at a time per practice (schema), across every process of
                // the clinic; practices in other schemas migrate side by side.
                try await db.query(
                    "SELECT pg_advisory_xact_lock(7160417, hashtext(\(schema)))",
                    logger: self.logger)
                try await db.query(
                    "CREATE SCHEMA IF NOT EXISTS \(unescaped: schema)", logger: self.logger)
                try await db.query(
                    "CREATE TABLE IF NOT EXISTS schema_version (version TEXT PRIMARY KEY)",
                    logger: self.logger)
                var applied: Set<String> = []
                for try await version in try await db.query(
                    "SELECT version FROM schema_version", logger: self.logger
                ).decode(String.self) {
                    applied.insert(version)
                }
                for (name, statements) in PostgresSchema.versions(schema: schema)
                where !applied.contains(name) {
                    if !statements.isEmpty {
                        try await db.query(
                            PostgresQuery(unsafeSQL: PostgresSchema.oneRoundTrip(statements)),
                            logger: self.logger)
                    }
                    try await db.query(
                        "INSERT INTO schema_version (version) VALUES (\(name))", logger: self.logger
                    )
                }
            }
        }

        // MARK: Helpers shared by the store's extensions

        /// Runs `body` in one transaction, tried again (up to
        /// `storeBusyRetries` times) when the server rolled it back
        /// as busy; StoreErrors pass, others are mapped.
        @discardableResult
        func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws
            -> T
        {
            // A serialization failure or deadlock rolled the transaction back:
            // trying it again cannot write anything twice.
            var tries = 0
            while true {
                do {
                    return try await client.withTransaction(logger: logger) { try await body($0) }
                } catch {
                    let mapped = PostgresErrors.map(error)
                    guard (mapped as? StoreError)?.code == .locked, tries < storeBusyRetries
                    else { throw mapped }
                    tries += 1
                    try? await Task.sleep(for: .milliseconds(20 * tries))
                }
            }
        }

        /// Appends an audit record inside the caller's transaction.
        /// `principal` names someone other than the store's principal (a client on the portal).
        func audit(
            _ db: PostgresConnection, _ action: String, kind: String, id: String, clientID: String?,
            principal: String? = nil
        ) async throws {
            let at = clock.now().timeIntervalSince1970
            let principal = principal ?? self.principal.name
            try await db.query(
                """
                INSERT INTO audit (at, principal, action, object_kind, object_id, client_id)
                VALUES (\(at), \(principal), \(action), \(kind), \(id), \(clientID))
                """, logger: logger)
        }

        /// The rows of a query decoded as `T`, all of them.
        func all<T: Sendable>(
            _ db: PostgresConnection, _ query: PostgresQuery, as type: T.Type = T.self
        ) async throws -> [T] where T: PostgresDecodable {
            var result: [T] = []
            for try await value in try await db.query(query, logger: logger).decode(T.self) {
                result.append(value)
            }
            return result
        }

        /// Whether a query of the form `SELECT 1 FROM ...` returns a row.
        func exists(_ db: PostgresConnection, _ query: PostgresQuery) async throws -> Bool {
            try await !all(db, query, as: Int.self).isEmpty
        }
    }
#endif
