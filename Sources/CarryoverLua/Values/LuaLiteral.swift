import CarryoverCore

/// Writes values as Lua source: fuzz findings pasted into a spec file, the
/// scaffold's templates, and data the host gives every plugin (the
/// instrument table).
package enum LuaLiteral {
    /// Lua 5.4's reserved words, which cannot be bare table keys.
    package static let keywords: Set<String> = [
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if",
        "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
    ]

    /// `value` as a Lua expression; object keys are sorted so the text is stable.
    /// With `integerKeys`, an object key that is a whole number written plainly
    /// (`"0"`, `"27"`) becomes a numeric key (`[0]`), as Lua maps such as
    /// `field.rating`'s `anchors` need.
    package static func render(_ value: Value, integerKeys: Bool = false) -> String {
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
            let rendered = items.map { render($0, integerKeys: integerKeys) }
            return items.isEmpty ? "{}" : "{ " + rendered.joined(separator: ", ") + " }"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let parts = members.keys.sorted().map { key in
                "\(self.key(key, integerKeys)) = \(render(members[key]!, integerKeys: integerKeys))"
            }
            return "{ " + parts.joined(separator: ", ") + " }"
        }
    }

    private static func key(_ name: String, _ integerKeys: Bool) -> String {
        if integerKeys, let number = Int(name), String(number) == name { return "[\(number)]" }
        let isName =
            name.first.map { $0.isASCII && ($0.isLetter || $0 == "_") } == true
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        return isName && !keywords.contains(name) ? name : "[\(quote(name))]"
    }

    /// A double-quoted Lua string; control bytes as `\ddd`, other UTF-8 kept as written.
    package static func quote(_ text: String) -> String {
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
