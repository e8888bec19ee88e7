import CarryoverCore
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

    public func updateClient(_ client: Client) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE client SET display_name = ?, time_zone = ? WHERE id = ?",
                arguments: [client.displayName, client.timeZone, client.id])
            guard db.changesCount == 1 else { throw StoreError.notFound("client", client.id) }
            try self.audit(db, "client.update", kind: "client", id: client.id, clientID: client.id)
        }
    }

    public func client(id: String) async throws -> Client {
        try await read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM client WHERE id = ?", arguments: [id])
            else { throw StoreError.notFound("client", id) }
            return Self.client(row)
        }
    }

    public func clients() async throws -> [Client] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM client ORDER BY id").map(Self.client)
        }
    }

    static func client(_ row: Row) -> Client {
        Client(id: row["id"], displayName: row["display_name"], timeZone: row["time_zone"])
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
