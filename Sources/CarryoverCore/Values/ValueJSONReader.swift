import Foundation

/// Reads JSON text straight into a ``Value``.
///
/// `JSONDecoder` reaches a `Value` by trying each case in turn, so every
/// object and string costs several thrown errors; this reader is one pass
/// (carryover-bench: half of one client's status went to that decoding).
/// Integers without a fraction or exponent that fit 64 bits read as `.int`,
/// every other number as `.double`, as with `Value`'s `Decodable` init.
struct ValueJSONReader {
    /// Nesting deeper than this is refused, so hostile input cannot exhaust the stack.
    static let maximumDepth = 512

    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The one value the text holds.
    mutating func readDocument() throws -> Value {
        let value = try read(depth: 0)
        skipWhitespace()
        guard index == bytes.count else { throw failure("text after the value") }
        return value
    }

    private mutating func read(depth: Int) throws -> Value {
        guard depth < Self.maximumDepth else { throw failure("nesting too deep") }
        skipWhitespace()
        guard index < bytes.count else { throw failure("unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try readObject(depth: depth)
        case UInt8(ascii: "["): return try readArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default: return try readNumber()
        }
    }

    private mutating func readObject(depth: Int) throws -> Value {
        index += 1
        var members: [String: Value] = [:]
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw failure("expected a key") }
            let key = try readString()
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw failure("expected ':'") }
            index += 1
            members[key] = try read(depth: depth + 1)
            skipWhitespace()
            guard let next = peek else { throw failure("unexpected end") }
            index += 1
            if next == UInt8(ascii: "}") { return .object(members) }
            guard next == UInt8(ascii: ",") else { throw failure("expected ',' or '}'") }
        }
    }

    private mutating func readArray(depth: Int) throws -> Value {
        index += 1
        var elements: [Value] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            elements.append(try read(depth: depth + 1))
            skipWhitespace()
            guard let next = peek else { throw failure("unexpected end") }
            index += 1
            if next == UInt8(ascii: "]") { return .array(elements) }
            guard next == UInt8(ascii: ",") else { throw failure("expected ',' or ']'") }
        }
    }

    private mutating func readString() throws -> String {
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""),
            bytes[index] != UInt8(ascii: "\\")
        {
            guard bytes[index] >= 0x20 else { throw failure("control character in a string") }
            index += 1
        }
        guard index < bytes.count else { throw failure("unterminated string") }
        if bytes[index] == UInt8(ascii: "\"") {
            // No escape: the String straight from the bytes, not from an
            // array copied from them first.
            let text = bytes.withUnsafeBufferPointer {
                String(validating: UnsafeBufferPointer(rebasing: $0[start..<index]), as: UTF8.self)
            }
            index += 1
            guard let text else { throw failure("invalid UTF-8") }
            return text
        }
        var utf8 = Array(bytes[start..<index])
        while bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 1
                guard index < bytes.count else { throw failure("unterminated string") }
                try appendEscape(to: &utf8)
            } else {
                guard bytes[index] >= 0x20 else { throw failure("control character in a string") }
                utf8.append(bytes[index])
                index += 1
            }
            guard index < bytes.count else { throw failure("unterminated string") }
        }
        index += 1
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw failure("invalid UTF-8")
        }
        return text
    }

    private mutating func appendEscape(to utf8: inout [UInt8]) throws {
        let escape = bytes[index]
        index += 1
        if let byte = Self.simpleEscapes[escape] {
            utf8.append(byte)
            return
        }
        guard escape == UInt8(ascii: "u") else { throw failure("unknown escape") }
        var scalar = try readHex4()
        if (0xD800..<0xDC00).contains(scalar) {
            // A high surrogate must be followed by \u and a low surrogate.
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u")
            else { throw failure("lone surrogate") }
            index += 2
            let low = try readHex4()
            guard (0xDC00..<0xE000).contains(low) else { throw failure("lone surrogate") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw failure("lone surrogate") }
        utf8.append(contentsOf: Array(String(Character(unicode)).utf8))
    }

    /// The byte each one-letter escape stands for.
    private static let simpleEscapes: [UInt8: UInt8] = [
        UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
        UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
        UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]

    private mutating func readHex4() throws -> UInt32 {
        guard index + 4 <= bytes.count,
            let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw failure("bad \\u escape") }
        index += 4
        return value
    }

    private mutating func readNumber() throws -> Value {
        let start = index
        var integral = true
        if peek == UInt8(ascii: "-") { index += 1 }
        while let byte = peek {
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                index += 1
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
                || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-")
            {
                integral = false
                index += 1
            } else {
                break
            }
        }
        guard Self.isJSONNumber(bytes[start..<index]) else { throw failure("not a JSON value") }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if integral, let integer = Int64(text) { return .int(integer) }
        guard let double = Double(text), double.isFinite else {
            throw failure("number out of range")
        }
        return .double(double)
    }

    /// RFC 8259's number grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    private static func isJSONNumber(_ text: ArraySlice<UInt8>) -> Bool {
        var rest = text[...]
        func digits() -> Int {
            let count = rest.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
            rest = rest.dropFirst(count)
            return count
        }
        if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        if rest.first == UInt8(ascii: "0") {
            rest = rest.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            guard digits() > 0 else { return false }
        }
        if rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") {
                rest = rest.dropFirst()
            }
            guard digits() > 0 else { return false }
        }
        return rest.isEmpty
    }

    private mutating func literal(_ word: String, _ value: Value) throws -> Value {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8
        else { throw failure("not a JSON value") }
        index += utf8.count
        return value
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            index += 1
        }
    }

    private func failure(_ what: String) -> CoreError {
        CoreError(.invalidJSON, "not valid JSON at byte \(index): \(what)")
    }
}
