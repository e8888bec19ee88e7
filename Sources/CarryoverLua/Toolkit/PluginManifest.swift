/// A homework type's `homework.toml`, with the line of each key so that lint
/// findings can point at it.
///
/// The file uses a small subset of TOML: `key = "text"`, `key = ["a", "b"]`,
/// comments and blank lines.
///
/// ```toml
/// id = "org.clinic.worry-time"
/// version = "1.0.0"
/// title = "Worry time"
/// main = "worry_time.lua"
/// tests = ["tests/worry_time_spec.lua"]
/// ```
public struct PluginManifest: Sendable, Hashable {
    /// One value: a quoted string or a list of quoted strings.
    public enum Entry: Sendable, Hashable {
        case text(String)
        case list([String])
    }

    /// The manifest's file name inside a homework type's folder.
    public static let fileName = "homework.toml"
    /// The keys a manifest may hold.
    public static let knownKeys: Set<String> = ["id", "version", "title", "main", "tests"]

    /// One `key = value` line.
    public struct Line: Sendable, Hashable {
        public var key: String
        public var value: Entry
        /// Its line in the file, from 1.
        public var line: Int
    }

    /// Every key with its value and line, in file order.
    public var entries: [Line]

    /// Parses the text of a `homework.toml`.
    /// - Throws: ``SandboxError`` `invalid-plugin` naming the line that is not `key = value`.
    public init(parsing text: String) throws(SandboxError) {
        entries = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty || line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { continue }
            guard let equals = line.firstIndex(of: "="),
                let value = Self.value(line[line.index(after: equals)...])
            else {
                throw SandboxError(
                    .invalidPlugin, plugin: Self.fileName, file: Self.fileName, line: offset + 1,
                    message: "expected key = \"text\" or key = [\"a\", \"b\"]")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            entries.append(Line(key: key, value: value, line: offset + 1))
        }
    }

    /// The text value of `key`, if the manifest has one.
    public func text(_ key: String) -> String? {
        guard case .text(let value)? = entries.first(where: { $0.key == key })?.value else {
            return nil
        }
        return value
    }

    /// The list value of `key` (empty when absent).
    public func list(_ key: String) -> [String] {
        guard case .list(let values)? = entries.first(where: { $0.key == key })?.value else {
            return []
        }
        return values
    }

    /// The line of `key`, or 1 when the key is missing (the finding is about the file).
    public func line(of key: String) -> Int {
        entries.first { $0.key == key }?.line ?? 1
    }

    /// A manifest's text for the given values, as `plugin new` writes it.
    static func render(id: String, version: String, title: String, main: String, tests: [String])
        -> String
    {
        let list = tests.map(quote).joined(separator: ", ")
        return """
            id = \(quote(id))
            version = \(quote(version))
            title = \(quote(title))
            main = \(quote(main))
            tests = [\(list)]

            """
    }

    private static func quote(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    /// A quoted string or a list of them, with nothing but a comment after it.
    private static func value(_ text: Substring) -> Entry? {
        var rest = text.drop { $0 == " " || $0 == "\t" }
        let result: Entry
        if rest.first == "[" {
            rest = rest.dropFirst()
            var items: [String] = []
            while true {
                rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "," }
                guard let item = quoted(&rest) else { break }
                items.append(item)
            }
            guard rest.first == "]" else { return nil }
            rest = rest.dropFirst()
            result = .list(items)
        } else if let item = quoted(&rest) {
            result = .text(item)
        } else {
            return nil
        }
        let tail = rest.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        return tail.isEmpty || tail.hasPrefix("#") ? result : nil
    }

    /// Reads `"..."` with `\"` and `\\` escapes from the front of `text`.
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
