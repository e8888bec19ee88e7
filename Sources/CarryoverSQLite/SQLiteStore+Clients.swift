import CarryoverCore
import CarryoverStore
import GRDB

extension SQLiteStore {
    public func addClient(_ client: Client) async throws {
        try StoreChecks.id(client.id, "client")
        try await write { db in
            guard try !Self.exists(db, "client", id: client.id) else {
                throw StoreError.duplicate("client", client.id)
            }
            try db.execute(
                sql: "INSERT INTO client (id, display_name, time_zone) VALUES (?, ?, ?)",
                arguments: [client.id, client.displayName, client.timeZone])
            try self.audit(db, "client.add", kind: "client", id: client.id, clientID: client.id)
        }
    }

    public func updateClient(_ client: Client, assignments: [Assignment]) async throws {
        try StoreChecks.assignments(assignments, of: client)
        let encoded = try assignments.map { ($0, try StoreCoding.encode($0)) }
        try await write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM client WHERE id = ?", arguments: [client.id])
            else { throw StoreError.notFound("client", client.id) }
            let discharging = !Self.client(row).isDischarged && client.isDischarged
            try db.execute(
                sql: """
                    UPDATE client SET display_name = ?, time_zone = ?, discharged_at = ?,
                        discharge_reason = ? WHERE id = ?
                    """,
                arguments: [
                    client.displayName, client.timeZone,
                    client.dischargedAt?.timeIntervalSince1970, client.dischargeReason, client.id,
                ])
            for (assignment, json) in encoded {
                try Self.update(assignment, json: json, db)
                try self.audit(
                    db, "assignment.update", kind: "assignment", id: assignment.id,
                    clientID: client.id)
            }
            try self.audit(
                db, discharging ? "client.discharge" : "client.update", kind: "client",
                id: client.id, clientID: client.id)
        }
    }

    public func client(id: String) async throws -> Client {
        try await read { db in try Self.client(db, id: id) }
    }

    static func client(_ db: Database, id: String) throws -> Client {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM client WHERE id = ?"), arguments: [id])
        else { throw StoreError.notFound("client", id) }
        return client(row)
    }

    public func clients() async throws -> [Client] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM client ORDER BY id").map(Self.client)
        }
    }

    static func client(_ row: Row) -> Client {
        Client(
            id: row["id"], displayName: row["display_name"], timeZone: row["time_zone"],
            dischargedAt: (row["discharged_at"] as Double?).map(date),
            dischargeReason: row["discharge_reason"])
    }

    /// Throws `notFound` unless the client exists (clearer than a foreign-key error).
    static func requireClient(_ db: Database, _ id: String) throws {
        guard try exists(db, "client", id: id) else { throw StoreError.notFound("client", id) }
    }

    // MARK: Documents

    public func saveDocument(_ record: DocumentRecord) async throws {
        try StoreChecks.id(record.id, record.kind)
        try await write { db in
            try Self.requireClient(db, record.clientID)
            let owner = try String.fetchOne(
                db, sql: "SELECT client_id FROM document WHERE kind = ? AND id = ?",
                arguments: [record.kind, record.id])
            if let owner, owner != record.clientID {
                throw StoreChecks.clientChange(record.kind, record.id)
            }
            try db.execute(
                sql: """
                    INSERT INTO document (kind, id, client_id, json) VALUES (?, ?, ?, ?)
                    ON CONFLICT (kind, id) DO UPDATE SET json = excluded.json
                    """,
                arguments: [record.kind, record.id, record.clientID, record.json])
            let action = owner == nil ? "add" : "update"
            try self.audit(
                db, "\(record.kind).\(action)", kind: record.kind, id: record.id,
                clientID: record.clientID)
        }
    }

    public func document(kind: String, id: String) async throws -> DocumentRecord {
        try await read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM document WHERE kind = ? AND id = ?",
                    arguments: [kind, id])
            else { throw StoreError.notFound(kind, id) }
            return Self.document(row)
        }
    }

    public func documents(kind: String, clientID: String) async throws -> [DocumentRecord] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM document WHERE kind = ? AND client_id = ? ORDER BY id",
                arguments: [kind, clientID]
            ).map(Self.document)
        }
    }

    static func document(_ row: Row) -> DocumentRecord {
        DocumentRecord(
            kind: row["kind"], id: row["id"], clientID: row["client_id"], json: row["json"])
    }
}
