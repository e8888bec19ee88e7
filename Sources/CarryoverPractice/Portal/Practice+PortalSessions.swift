import CarryoverCore
import CarryoverStore
import Foundation

extension Practice {
    /// How long a session lasts when the client does not keep the device signed in: 12 hours.
    public static let sessionLifetime: TimeInterval = 12 * 3600
    /// How long "keep this device signed in" lasts: 30 days.
    public static let keptSessionLifetime: TimeInterval = 30 * 86_400

    /// Saves a portal session under the hash of its id (a supporter's with
    /// their id); `expiresIn` nil keeps its expiry.
    public func savePortalSession(
        id: String, clientID: String, supporterID: String? = nil, expiresIn: TimeInterval?,
        data: String
    ) async throws {
        try await store.saveSession(
            PortalSession(
                keyHash: PortalSecret.hash(id), clientID: clientID,
                expiresAt: expiresIn.map { clock.now().addingTimeInterval($0) }, data: data,
                supporterID: supporterID))
    }

    /// The session with this id, unless it has expired or was ended.
    public func portalSession(id: String) async throws -> PortalSession? {
        try await store.session(keyHash: PortalSecret.hash(id), at: clock.now())
    }

    /// Signs one session out.
    public func removePortalSession(id: String) async throws {
        try await store.removeSession(keyHash: PortalSecret.hash(id))
    }

    /// Ends every portal session of the client (every device is signed out); returns how many.
    public func endPortalSessions(clientID: String) async throws -> Int {
        try await store.endSessions(clientID: try await client(clientID).id, supporterID: nil)
    }

    /// Ends every portal session of a supporter; returns how many.
    public func endSupporterSessions(_ supporterID: String) async throws -> Int {
        let supporter = try await supporter(supporterID)
        return try await store.endSessions(
            clientID: supporter.clientID, supporterID: supporter.id)
    }

    /// The client a portal session signs in, or nil when the client is gone.
    /// One row by id: it runs on every request.
    public func portalClient(id: String) async throws -> Client? {
        do {
            return try await store.client(id: id)
        } catch let error as StoreError where error.code == .notFound {
            return nil
        }
    }

    /// Notes that the client opened the portal now.
    public func notePortalOpened(clientID: String) async throws {
        try await store.notePortalOpened(clientID: clientID, at: clock.now())
    }

    /// When the client last opened the portal, if ever.
    public func portalLastOpened(clientID: String) async throws -> Date? {
        try await store.portalLastOpened(clientID: clientID)
    }
}
