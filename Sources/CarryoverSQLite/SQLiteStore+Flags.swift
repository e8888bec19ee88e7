import CarryoverCore
import CarryoverStore
import Foundation
import GRDB

extension SQLiteStore {
    public func flags(_ query: FlagQuery) async throws -> [RaisedFlag] {
        try await read { db in try Self.flags(db, query) }
    }

    static func flags(_ db: Database, _ query: FlagQuery) throws -> [RaisedFlag] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT f.*, a.at AS ack_at, a.actor AS ack_actor, a.note AS ack_note
                FROM flag f LEFT JOIN flag_ack a ON a.flag_id = f.id
                WHERE (?1 IS NULL OR f.client_id = ?1) AND (?2 IS NULL OR f.assignment_id = ?2)
                  AND (?3 = 0 OR a.flag_id IS NULL)
                  AND (?4 IS NULL OR f.performed_at >= ?4) AND (?5 IS NULL OR f.performed_at < ?5)
                ORDER BY f.performed_at, f.id
                """,
            arguments: [
                query.clientID, query.assignmentID, query.openOnly,
                query.from?.timeIntervalSince1970, query.until?.timeIntervalSince1970,
            ]
        ).map(flag)
    }

    public func acknowledgeFlags(ids: [Int], note: String) async throws -> [RaisedFlag] {
        try StoreChecks.acknowledgement(ids: ids, note: note)
        return try await write { db in
            let at = self.clock.now()
            var acknowledged: [RaisedFlag] = []
            for id in ids {
                guard
                    let row = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT f.*, a.at AS ack_at, a.actor AS ack_actor, a.note AS ack_note
                            FROM flag f LEFT JOIN flag_ack a ON a.flag_id = f.id WHERE f.id = ?
                            """, arguments: [id])
                else { throw StoreError.notFound("flag", String(id)) }
                var flag = Self.flag(row)
                guard flag.isOpen else { throw StoreChecks.alreadyAcknowledged(flag) }
                try db.execute(
                    sql: "INSERT INTO flag_ack (flag_id, at, actor, note) VALUES (?, ?, ?, ?)",
                    arguments: [id, at.timeIntervalSince1970, self.principal.name, note])
                try self.audit(
                    db, "flag.ack", kind: "flag", id: String(id), clientID: flag.clientID)
                flag.acknowledgement = .init(at: at, by: self.principal.name, note: note)
                acknowledged.append(flag)
            }
            return acknowledged
        }
    }

    static func flag(_ row: Row) -> RaisedFlag {
        let level: String = row["level"]
        let acknowledgedAt: Double? = row["ack_at"]
        return RaisedFlag(
            id: row["id"], entryID: row["entry_id"], assignmentID: row["assignment_id"],
            clientID: row["client_id"], level: PluginFlag.Level(rawValue: level) ?? .risk,
            code: row["code"], message: row["message"], performedAt: date(row["performed_at"]),
            raisedAt: date(row["raised_at"]),
            acknowledgement: acknowledgedAt.map {
                .init(at: date($0), by: row["ack_actor"], note: row["ack_note"])
            })
    }
}
