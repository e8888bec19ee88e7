import Foundation

/// A JSON-shaped value: what an entry's fields, a plugin's params and a
/// plugin's results are made of.
///
/// Objects keep their keys in a dictionary; every place that reads them in
/// order (encoding, Lua conversion, hashing for determinism checks) sorts the
/// keys, so the order never depends on insertion or hashing.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([Value])
    case object([String: Value])
}

extension Value {
    /// The object's members in key order, or `nil` when this is not an object.
    public var sortedMembers: [(key: String, value: Value)]? {
        guard case .object(let members) = self else { return nil }
        return members.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
    }

    /// The value as a number when it is an integer or a float.
    public var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var array: [Value]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var object: [String: Value]? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The member `key` of an object, or `nil`.
    public subscript(key: String) -> Value? {
        object?[key]
    }
}

extension Value: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
