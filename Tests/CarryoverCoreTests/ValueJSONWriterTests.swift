import Testing

@testable import CarryoverCore

/// The byte-buffer JSON writer writes exactly what the `String` writer it
/// replaced wrote: content ids, stored fields and hashes depend on every byte.
@Suite struct ValueJSONWriterTests {
    /// Every escape, every control character, quotes and backslashes next
    /// to each other and to multi-byte text, at the start, middle and end.
    static let trickyStrings: [String] = [
        "", "\"", "\\", "\\\"", "\"\\", "a\"b", "é\"😀\\", "\n\r\t", "\r\n",
        String((0..<0x20).map { Character(Unicode.Scalar($0)!) }) + "\u{7f}",
        "\u{01}é\u{1f}", "😀", "👩‍👩‍👧", "e\u{301}", "\u{2028}\u{2029}", "/", "end\\",
        "日本語\u{0}の\u{08}テキスト", "\u{10FFFF}", "tab\tand\u{0b}vertical",
    ]

    @Test(arguments: trickyStrings)
    func writesStringsLikeTheStringWriter(_ string: String) {
        #expect(Value.string(string).canonicalJSON() == StringJSONWriter.json(.string(string)))
    }

    @Test func writesControlCharactersAsHandWorkedEscapes() {
        // U+0001 is \u0001, U+001F is \u001f (lower case), U+007F is itself.
        let value = Value.string("\u{01}\u{1f}\u{7f}\u{08}\u{0c}")
        #expect(value.canonicalJSON() == "\"\\u0001\\u001f\u{7f}\\u0008\\u000c\"")
    }

    @Test(arguments: [
        0.0, -0.0, 2, 0.1, 1e-5, 1e16, 1e300, -1.5e-300, 123_456.789, .pi,
        Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude, .nan, .infinity,
    ])
    func writesDoublesLikeTheStringWriter(_ double: Double) {
        #expect(Value.double(double).canonicalJSON() == StringJSONWriter.json(.double(double)))
    }

    @Test func writesIntegersAndKeyOrderLikeTheStringWriter() {
        let value: Value = .object([
            "b": .int(.min), "a": .int(.max), "B": .int(0), "é": .int(-1), "e": .null,
            "😀": .bool(true), "a\u{0}": .bool(false), "": .array([]), "z": .object([:]),
        ])
        #expect(value.canonicalJSON() == StringJSONWriter.json(value))
        #expect(value.canonicalJSON().hasPrefix(#"{"":[],"B":0,"a":9223372036854775807,"#))
    }

    /// Nested random values with tricky strings, byte for byte.
    @Test func writesRandomValuesLikeTheStringWriter() {
        var random = SeededRandom(seed: 19)
        for _ in 0..<500 {
            let value = ValueJSONTests.randomValue(&random, depth: 0, strings: Self.trickyStrings)
            #expect(value.canonicalJSON() == StringJSONWriter.json(value))
        }
    }
}

/// The writer as it was before the byte buffer (appends to a `String`),
/// kept as the reference the new one must match byte for byte.
private struct StringJSONWriter {
    private var text = ""

    static func json(_ value: Value) -> String {
        var writer = StringJSONWriter()
        writer.write(value)
        return writer.text
    }

    private mutating func write(_ value: Value) {
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .int(let integer): text += String(integer)
        case .double(let double): text += double.isFinite ? "\(double)" : "null"
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
