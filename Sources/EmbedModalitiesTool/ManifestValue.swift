import Foundation

/// The subset of TOML a `homework.toml` uses: `key = "text"`,
/// `key = ["a", "b"]`, comments and blank lines.
enum ManifestValue: Equatable {
    case text(String)
    case list([String])

    struct ParseError: Error {
        let line: Int
        let message: String
    }

    var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    var list: [String]? {
        if case .list(let values) = self { return values }
        return nil
    }

    static func parse(_ source: String) throws(ParseError) -> [String: ManifestValue] {
        var values: [String: ManifestValue] = [:]
        for (index, raw) in source.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw ParseError(line: index + 1, message: "expected key = value")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var rest = Substring(line[line.index(after: equals)...]).drop { $0 == " " }
            if rest.first == "[" {
                rest = rest.dropFirst()
                var items: [String] = []
                while let item = quoted(&rest) {
                    items.append(item)
                    rest = rest.drop { $0 == " " || $0 == "," }
                }
                guard rest.first == "]" else {
                    throw ParseError(line: index + 1, message: "expected a list of quoted strings")
                }
                values[key] = .list(items)
            } else if let text = quoted(&rest) {
                values[key] = .text(text)
            } else {
                throw ParseError(line: index + 1, message: "expected a quoted string or a list")
            }
        }
        return values
    }

    /// Reads one `"..."` (with `\"` and `\\` escapes) from the front of `text`.
    private static func quoted(_ text: inout Substring) -> String? {
        guard text.first == "\"" else { return nil }
        var result = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" {
                text = text[text.index(after: index)...]
                return result
            }
            if character == "\\", text.index(after: index) < text.endIndex {
                index = text.index(after: index)
            }
            result.append(text[index])
            index = text.index(after: index)
        }
        return nil
    }
}
