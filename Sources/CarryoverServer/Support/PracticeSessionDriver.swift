import CarryoverPractice
import Foundation
import Hummingbird

/// hummingbird-auth's session storage on the practice's store: sessions
/// outlive a restart, the store keeps only a hash of each session id, and
/// the therapist can end a client's sessions from the CLI.
struct PracticeSessionDriver: PersistDriver {
    let practice: Practice

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?)
        async throws
    {
        try await set(key: key, value: value, expires: expires)
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?)
        async throws
    {
        guard let session = value as? PortalSessionData else {
            throw PortalError(.configuration, "only portal sessions are stored")
        }
        let data = String(decoding: try JSONEncoder().encode(session), as: UTF8.self)
        try await practice.savePortalSession(
            id: key, clientID: session.clientID, supporterID: session.supporterID,
            expiresIn: expires.map { TimeInterval($0.components.seconds) }, data: data)
    }

    func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws
        -> Object?
    {
        guard let stored = try await practice.portalSession(id: key),
            var session = try? JSONDecoder().decode(
                PortalSessionData.self, from: Data(stored.data.utf8))
        else { return nil }
        // Who is signed in is the store's word, not the data's.
        session.clientID = stored.clientID
        session.supporterID = stored.supporterID
        return session as? Object
    }

    func remove(key: String) async throws {
        try await practice.removePortalSession(id: key)
    }
}
