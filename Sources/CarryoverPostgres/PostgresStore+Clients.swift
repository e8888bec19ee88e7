#if Postgres
    import CarryoverCore
    import CarryoverStore
    import Foundation
    import PostgresNIO

    extension PostgresStore {
        public func addClient(_ client: Client) async throws {
            try StoreChecks.id(client.id, "client")
            try await transaction { db in
                guard try await !self.exists(db, "SELECT 1 FROM client WHERE id = \(client.id)")
                else { throw StoreError.duplicate("client", client.id) }
                try await db.query(
                    """
                    INSERT INTO client (id, display_name, time_zone)
                    VALUES (\(client.id), \(client.displayName), \(client.timeZone))
                    """, logger: self.logger)
                try await self.audit(
                    db, "client.add", kind: "client", id: client.id, clientID: client.id)
            }
        }

        public func updateClient(_ client: Client, assignments: [Assignment]) async throws {
            try StoreChecks.assignments(assignments, of: client)
            let encoded = try assignments.map { ($0, try StoreCoding.encode($0)) }
            try await transaction { db in
                let before = try await self.all(
                    db, "SELECT discharged_at FROM client WHERE id = \(client.id) FOR UPDATE",
                    as: Double?.self)
                guard let dischargedBefore = before.first else {
                    throw try await self.missing(
                        db, "client", client.id,
                        visible: "SELECT 1 FROM client WHERE id = \(client.id)")
                }
                try await db.query(
                    """
                    UPDATE client SET display_name = \(client.displayName),
                        time_zone = \(client.timeZone),
                        discharged_at = \(client.dischargedAt?.timeIntervalSince1970),
                        discharge_reason = \(client.dischargeReason)
                    WHERE id = \(client.id)
                    """, logger: self.logger)
                for (assignment, json) in encoded {
                    let updated = try await self.all(
                        db,
                        """
                        UPDATE assignment SET homework_type = \(assignment.homeworkType),
                            status = \(assignment.status.rawValue), json = \(json)::jsonb
                        WHERE id = \(assignment.id) AND client_id = \(client.id) RETURNING 1
                        """, as: Int.self)
                    guard updated.count == 1 else {
                        throw StoreError.notFound("assignment", assignment.id)
                    }
                    try await self.audit(
                        db, "assignment.update", kind: "assignment", id: assignment.id,
                        clientID: client.id)
                }
                let discharging = dischargedBefore == nil && client.isDischarged
                try await self.audit(
                    db, discharging ? "client.discharge" : "client.update", kind: "client",
                    id: client.id, clientID: client.id)
            }
        }

        public func client(id: String) async throws -> Client {
            guard let client = try await clients(where: id).first else {
                throw StoreError.notFound("client", id)
            }
            return client
        }

        public func clients() async throws -> [Client] {
            try await clients(where: nil)
        }

        private func clients(where id: String?) async throws -> [Client] {
            try await transaction { db in
                var clients: [Client] = []
                let rows = try await db.query(
                    """
                    SELECT id, display_name, time_zone, discharged_at, discharge_reason FROM client
                    WHERE \(id)::text IS NULL OR id = \(id) ORDER BY id
                    """, logger: self.logger)
                for try await (id, name, zone, discharged, reason) in rows.decode(
                    (String, String, String, Double?, String?).self)
                {
                    clients.append(
                        Client(
                            id: id, displayName: name, timeZone: zone,
                            dischargedAt: discharged.map { Date(timeIntervalSince1970: $0) },
                            dischargeReason: reason))
                }
                return clients
            }
        }

        func requireClient(_ db: PostgresConnection, _ id: String) async throws {
            guard try await exists(db, "SELECT 1 FROM client WHERE id = \(id)") else {
                throw StoreError.notFound("client", id)
            }
        }

        // MARK: Documents

        public func saveDocument(_ record: DocumentRecord) async throws {
            try StoreChecks.id(record.id, record.kind)
            try await transaction { db in
                try await self.requireClient(db, record.clientID)
                let owner = try await self.all(
                    db,
                    """
                    SELECT client_id FROM document WHERE kind = \(record.kind) AND id = \(record.id)
                    FOR UPDATE
                    """, as: String.self
                ).first
                if let owner, owner != record.clientID {
                    throw StoreChecks.clientChange(record.kind, record.id)
                }
                try await db.query(
                    """
                    INSERT INTO document (kind, id, client_id, json)
                    VALUES (\(record.kind), \(record.id), \(record.clientID), \(record.json)::jsonb)
                    ON CONFLICT (kind, id) DO UPDATE SET json = excluded.json
                    """, logger: self.logger)
                try await self.audit(
                    db, "\(record.kind).\(owner == nil ? "add" : "update")", kind: record.kind,
                    id: record.id, clientID: record.clientID)
            }
        }

        public func document(kind: String, id: String) async throws -> DocumentRecord {
            guard let record = try await documents(kind: kind, id: id, clientID: nil).first else {
                throw StoreError.notFound(kind, id)
            }
            return record
        }

        public func documents(kind: String, clientID: String) async throws -> [DocumentRecord] {
            try await documents(kind: kind, id: nil, clientID: clientID)
        }

        private func documents(kind: String, id: String?, clientID: String?) async throws
            -> [DocumentRecord]
        {
            try await transaction { db in
                var records: [DocumentRecord] = []
                let rows = try await db.query(
                    """
                    SELECT id, client_id, json::text FROM document
                    WHERE kind = \(kind) AND (\(id)::text IS NULL OR id = \(id))
                      AND (\(clientID)::text IS NULL OR client_id = \(clientID))
                    ORDER BY id
                    """, logger: self.logger)
                for try await (id, clientID, json) in rows.decode((String, String, String).self) {
                    records.append(
                        DocumentRecord(kind: kind, id: id, clientID: clientID, json: json))
                }
                return records
            }
        }
    }
#endif
