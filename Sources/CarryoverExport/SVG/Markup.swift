import CarryoverCore

/// Escaped HTML and SVG markup: the one place text becomes markup, so no
/// client text reaches the page unescaped.
enum Markup {
    /// Escapes text for element content and quoted attribute values (HTML and
    /// XML alike): `&`, `<`, `>`, `"` and `'`. Control characters that XML 1.0
    /// forbids are dropped so an SVG stays well-formed.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `<name a="v" ...>content</name>`, or `<name ... />` when `content` is
    /// nil. Attribute values are escaped here; `content` must already be markup.
    static func element(
        _ name: String, _ attributes: [(String, String)] = [], _ content: String? = nil
    )
        -> String
    {
        let attributeText = attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
        guard let content else { return "<\(name)\(attributeText)/>" }
        return "<\(name)\(attributeText)>\(content)</\(name)>"
    }

    /// An element whose content is plain text (escaped here).
    static func text(_ name: String, _ attributes: [(String, String)] = [], _ text: String)
        -> String
    {
        element(name, attributes, escape(text))
    }

    /// A coordinate with at most two decimals and no trailing zeros, so SVG
    /// output is short and the same on every machine.
    static func number(_ value: Double) -> String { ScoreText.format(value) }
}
