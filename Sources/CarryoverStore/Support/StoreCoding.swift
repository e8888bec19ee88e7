import CarryoverCore
import Foundation

/// The one JSON encoding the stores use for documents, so a document written
/// by SQLite reads back the same from PostgreSQL and the other way round.
package enum StoreCoding {
    package static func encode(_ value: some Encodable) throws -> String {
        // Entry fields and engine states are Values: the direct writer is
        // several times faster than JSONEncoder (carryover-bench, import).
        if let value = value as? Value { return value.canonicalJSON() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Dates as seconds since 1970 keep the full Double precision.
        encoder.dateEncodingStrategy = .secondsSince1970
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw StoreError(
                .invalidInput,
                "A value could not be stored as JSON (numbers must be finite); fix the value.",
                cause: error)
        }
    }

    /// An entry's flags as stored (nil stays nil). Most entries raise none:
    /// "[]" without JSONEncoder, which was 1.5 % of an import's writer.
    package static func flagsJSON(_ flags: [PluginFlag]?) throws -> String? {
        guard let flags else { return nil }
        return flags.isEmpty ? "[]" : try encode(flags)
    }

    /// An entry's stored flags (nil: stored before flags were kept). Most
    /// entries raise none: "[]" without JSONDecoder keeps a year of entries
    /// cheap to read (it was a third of reading them for status).
    package static func flags(_ json: String?, what: String) throws -> [PluginFlag]? {
        guard let json else { return nil }
        return json == "[]" ? [] : try decode([PluginFlag].self, from: json, what: what)
    }

    package static func decode<T: Decodable>(_ type: T.Type, from json: String, what: String) throws
        -> T
    {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        do {
            // The direct reader for Values (fields, states): half of a client's
            // status went to JSONDecoder trying each case of Value in turn.
            if type == Value.self, let value = try Value.parse(json: json) as? T { return value }
            return try decoder.decode(type, from: Data(json.utf8))
        } catch {
            throw unreadable(what, cause: error)
        }
    }

    fileprivate static func unreadable(_ what: String, cause: any Error) -> StoreError {
        StoreError(
            .corrupt,
            "A stored \(what) could not be read (written by a newer or damaged version?); "
                + "restore from a backup or upgrade carryover.", cause: cause)
    }
}

extension Value {
    /// Converts any Codable value (an engine state, a ledger payload) to a value.
    package init(encoding value: some Encodable) throws {
        self = try StoreCoding.decode(
            Value.self, from: try StoreCoding.encode(value), what: "value")
    }

    /// Decodes this value as `type`.
    package func decode<T: Decodable>(as type: T.Type) throws -> T {
        do {
            return try ValueDecoder.decode(type, from: self)
        } catch {
            throw StoreCoding.unreadable("value", cause: error)
        }
    }
}
