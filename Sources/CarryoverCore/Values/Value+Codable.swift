import Foundation

extension Value: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? container.decode(Int64.self) {
            self = .int(i)
        } else if let d = try? container.decode(Double.self) {
            self = .double(d)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([Value].self) {
            self = .array(a)
        } else {
            self = .object(try container.decode([String: Value].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .int(let i): try container.encode(i)
        case .double(let d): try container.encode(d)
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }
}

extension Value {
    /// Parses JSON text into a value.
    ///
    /// - Throws: ``CoreError`` `.invalidJSON` with the byte where it went wrong.
    public static func parse(json: String) throws -> Value {
        var reader = ValueJSONReader(Array(json.utf8))
        return try reader.readDocument()
    }

    /// Parses JSON bytes into a value.
    public static func parse(data: some Sequence<UInt8>) throws -> Value {
        var reader = ValueJSONReader(Array(data))
        return try reader.readDocument()
    }

    /// Canonical JSON text: object keys sorted, no insignificant white space,
    /// doubles with their fraction (so `.double(2)` reads back as a double).
    public func canonicalJSON() -> String {
        var writer = ValueJSONWriter()
        writer.write(self)
        return writer.text
    }
}
