import Foundation

/// A value the store keeps as a JSON document under a kind, an id and the
/// client it belongs to (goals with their phases and tasks, for example).
///
/// The store does not look inside the document, so the engine can change
/// its types without a schema migration.
public protocol StoredDocument: Codable, Sendable {
    /// The kind stored with each document, e.g. `"goal"`; stable across versions.
    static var kind: String { get }
    var id: String { get }
    var clientID: String { get }
}

/// A document as the store holds it: its keys and its JSON text.
public struct DocumentRecord: Sendable, Hashable {
    public var kind: String
    public var id: String
    public var clientID: String
    public var json: String

    public init(kind: String, id: String, clientID: String, json: String) {
        self.kind = kind
        self.id = id
        self.clientID = clientID
        self.json = json
    }

    /// Encodes a document.
    public init<D: StoredDocument>(_ document: D) throws {
        self.init(
            kind: D.kind, id: document.id, clientID: document.clientID,
            json: try StoreCoding.encode(document))
    }

    /// Decodes the document this record holds.
    public func decode<D: StoredDocument>(_ type: D.Type) throws -> D {
        try StoreCoding.decode(type, from: json, what: kind)
    }
}
