/// Builds RFC 5545 content lines: CRLF endings, folding at 75 octets, text
/// escaping.
struct ContentLines {
    private(set) var text = ""

    /// Appends `NAME[;PARAMS]:VALUE` where `value` is already in its value
    /// type's syntax (use ``escapeText(_:)`` for TEXT values).
    mutating func add(_ name: String, _ value: String, params: [(String, String)] = []) {
        var line = name
        for (key, paramValue) in params {
            line += ";\(key)=\(ContentLines.paramValue(paramValue))"
        }
        line += ":" + value
        text += ContentLines.fold(line)
    }

    /// Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and
    /// line breaks.
    static func escapeText(_ raw: String) -> String {
        var out = ""
        // Iterate unicode scalars: a CRLF pair is one Character in Swift, and
        // must still become one `\n`.
        var previousWasCR = false
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            default:
                // Other control characters are not allowed in TEXT (3.3.11).
                if scalar.value < 0x20 || scalar.value == 0x7F { break }
                out.unicodeScalars.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        return out
    }

    /// A parameter value, quoted when it holds `:`, `;` or `,` (3.2); double
    /// quotes and control characters cannot appear in one and are dropped.
    static func paramValue(_ raw: String) -> String {
        let cleaned = String(
            raw.unicodeScalars.filter { $0 != "\"" && $0.value >= 0x20 && $0.value != 0x7F })
        return cleaned.contains(where: { ":;,".contains($0) }) ? "\"\(cleaned)\"" : cleaned
    }

    /// Folds a line so that no physical line exceeds 75 octets before its CRLF
    /// (3.1); continuation lines start with one space. Never splits a UTF-8
    /// sequence.
    static func fold(_ line: String) -> String {
        var out = ""
        var octetsOnLine = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octetsOnLine + size > 75 {
                out += "\r\n "
                octetsOnLine = 1
            }
            out.unicodeScalars.append(scalar)
            octetsOnLine += size
        }
        return out + "\r\n"
    }
}
