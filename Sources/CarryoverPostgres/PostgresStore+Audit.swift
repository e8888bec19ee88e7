#if Postgres
    import CarryoverStore
    import Foundation
    import PostgresNIO

    extension PostgresStore {
        public func auditJournal(_ query: AuditQuery) async throws -> [AuditRecord] {
            let since = query.since?.timeIntervalSince1970
            let until = query.until?.timeIntervalSince1970
            let prefix = query.action.map { $0 + "." }
            return try await transaction { db in
                let rows = try await db.query(
                    """
                    SELECT * FROM (
                        SELECT seq, at, principal, action, object_kind, object_id, client_id FROM audit
                        WHERE (\(query.clientID)::text IS NULL OR client_id = \(query.clientID))
                          AND (\(query.objectID)::text IS NULL OR object_id = \(query.objectID))
                          AND (\(query.action)::text IS NULL OR action = \(query.action)
                               OR left(action, length(\(prefix))) = \(prefix))
                          AND (\(query.principal)::text IS NULL OR principal = \(query.principal))
                          AND (\(since)::float8 IS NULL OR at >= \(since))
                          AND (\(until)::float8 IS NULL OR at < \(until))
                        ORDER BY seq DESC LIMIT \(query.limit)
                    ) AS recent ORDER BY seq
                    """, logger: self.logger)
                var records: [AuditRecord] = []
                for try await row in rows.decode(
                    (Int, Double, String, String, String, String, String?).self)
                {
                    records.append(
                        AuditRecord(
                            seq: row.0, at: Date(timeIntervalSince1970: row.1), principal: row.2,
                            action: row.3, objectKind: row.4, objectID: row.5, clientID: row.6))
                }
                return records
            }
        }

        /// Not done by carryover: a clinic database is backed up by its server's tools.
        public func backup(to path: String) async throws {
            throw StoreError(
                .unsupported,
                "Back up a PostgreSQL practice with pg_dump (e.g. pg_dump --schema=carryover); "
                    + "carryover backs up SQLite practices only.")
        }
    }
#endif
