import CarryoverCore
import CarryoverStore
import GRDB

extension SQLiteStore {
    /// One read transaction: the five reads of a status see the same moment.
    public func progressRead(clientID: String, includeFields: Bool) async throws
        -> ClientProgressRead
    {
        try await read { db in
            ClientProgressRead(
                client: try Self.client(db, id: clientID),
                assignments: try Self.assignments(db, clientID: clientID, status: nil),
                entries: try Self.entries(
                    db, query: EntryQuery(clientID: clientID, includeFields: includeFields)),
                states: try Self.engineStates(db, clientID: clientID),
                openFlags: try Self.flags(db, FlagQuery(clientID: clientID, openOnly: true)))
        }
    }
}
