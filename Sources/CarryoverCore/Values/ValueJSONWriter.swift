/// Writes a ``Value`` as canonical JSON: object keys in sorted order, no
/// white space, non-ASCII text as UTF-8, and doubles that keep their
/// fraction (`2.0`), so a stored value reads back as the same case.
struct ValueJSONWriter {
    private(set) var text = ""

    mutating func write(_ value: Value) {
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .int(let integer): text += String(integer)
        case .double(let double): text += Self.number(double)
        case .string(let string): write(string)
        case .array(let elements):
            text += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { text += "," }
                write(element)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (position, key) in members.keys.sorted().enumerated() {
                if position > 0 { text += "," }
                write(key)
                text += ":"
                write(members[key]!)
            }
            text += "}"
        }
    }

    /// A finite double in JSON; `Value`s never hold NaN or infinity (the
    /// sandbox and the reader refuse them), and `null` stands in if one did.
    private static func number(_ double: Double) -> String {
        guard double.isFinite else { return "null" }
        return "\(double)"  // shortest round-trip form: "2.0", "0.1", "1e-05", "1e+16"
    }

    private mutating func write(_ string: String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
