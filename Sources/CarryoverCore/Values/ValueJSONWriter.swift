/// Writes a ``Value`` as canonical JSON: object keys in sorted order, no
/// white space, non-ASCII text as UTF-8, and doubles that keep their
/// fraction (`2.0`), so a stored value reads back as the same case.
///
/// UTF-8 bytes go into one buffer, turned into text once at the end: an
/// import encodes every line's fields, and appending to a `String` piece by
/// piece was a fifth of its time (carryover-bench, scenario 2).
struct ValueJSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func write(_ value: Value) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .int(let integer): bytes.append(contentsOf: integer.description.utf8)
        case .double(let double): writeNumber(double)
        case .string(let string): write(string)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (position, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                write(member.key)
                bytes.append(UInt8(ascii: ":"))
                write(member.value)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// A finite double in JSON; `Value`s never hold NaN or infinity (the
    /// sandbox and the reader refuse them), and `null` stands in if one did.
    private mutating func writeNumber(_ double: Double) {
        guard double.isFinite else { return append("null") }
        // Shortest round-trip form: "2.0", "0.1", "1e-05", "1e+16".
        bytes.append(contentsOf: double.description.utf8)
    }

    /// A string in quotes; runs without anything to escape are copied whole.
    private mutating func write(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var run = 0
            for index in utf8.indices {
                let byte = utf8[index]
                // Only ASCII is escaped: bytes of a multi-byte scalar are >= 0x80.
                guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20
                else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
                escape(byte)
                run = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case UInt8(ascii: "\n"): append("\\n")
        case UInt8(ascii: "\r"): append("\\r")
        case UInt8(ascii: "\t"): append("\\t")
        default:
            // Other control characters as \u00XX, hex in lower case.
            append("\\u00")
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0xf)])
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
