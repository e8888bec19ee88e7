import CarryoverCore

/// Writes values as Lua source, so a fuzz finding can be pasted into a spec file.
enum LuaLiteral {
    private static let keywords: Set<String> = LuaLexer.keywords

    /// `value` as a Lua expression; object keys are sorted so the text is stable.
    static func render(_ value: Value) -> String {
        switch value {
        case .null: return "nil"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number):
            if number.isNaN { return "(0/0)" }
            if number.isInfinite { return number < 0 ? "-math.huge" : "math.huge" }
            return "\(number)"
        case .string(let text): return quote(text)
        case .array(let items):
            return items.isEmpty ? "{}" : "{ " + items.map(render).joined(separator: ", ") + " }"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let parts = members.keys.sorted().map { key in
                "\(self.key(key)) = \(render(members[key]!))"
            }
            return "{ " + parts.joined(separator: ", ") + " }"
        }
    }

    private static func key(_ name: String) -> String {
        let isName =
            name.first.map { $0.isASCII && ($0.isLetter || $0 == "_") } == true
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        return isName && !keywords.contains(name) ? name : "[\(quote(name))]"
    }

    /// A double-quoted Lua string; control bytes as `\ddd`, other UTF-8 kept as written.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result +=
                    "\\"
                    + String(scalar.value)
                    .leftPadded(to: 3)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
