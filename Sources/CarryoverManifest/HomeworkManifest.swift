import Foundation

/// A homework type's `homework.toml`: identity and the files of its folder.
///
/// One parser (TOML 1.0, through TOMLKit) and one set of rules for every
/// reader: the build tool that embeds `Modalities/`, `carryover plugin
/// lint`, pack building and installing, and the catalogue. A duplicate key,
/// text after a value, an unknown key, a bad id, version or path is an error
/// everywhere.
///
/// ```toml
/// id = "org.clinic.worry-time"
/// version = "1.0.0"
/// title = "Worry time"
/// main = "worry_time.lua"
/// tests = ["tests/worry_time_spec.lua"]
/// ```
public struct HomeworkManifest: Sendable, Hashable {
    /// The manifest's file name inside a homework type's folder.
    public static let fileName = "homework.toml"
    /// The keys the format has, in the order they are written.
    public static let keys = ["id", "version", "title", "main", "tests"]

    /// Lowercase reverse-DNS id, e.g. `org.clinic.worry-time`.
    public var id: String
    public var version: SemanticVersion
    /// The name shown to therapist and client.
    public var title: String
    /// The Lua file that declares the homework type, relative to the folder.
    public var main: String
    /// The plugin's test files, relative to the folder (may be empty).
    public var tests: [String]

    /// Makes a manifest from its values (checked when read back, not here).
    public init(id: String, version: SemanticVersion, title: String, main: String, tests: [String])
    {
        self.id = id
        self.version = version
        self.title = title
        self.main = main
        self.tests = tests
    }

    /// Parses and checks the text of a `homework.toml`; `file` names it in errors.
    /// - Throws: the first ``ManifestError`` by line.
    public init(parsing text: String, file: String = fileName) throws(ManifestError) {
        let reading = ManifestReading(text, file: file)
        guard let manifest = reading.manifest else { throw reading.problems[0] }
        self = manifest
    }

    /// Parses and checks a `homework.toml` read as bytes (UTF-8).
    /// - Throws: ``ManifestError`` `not-text`, or the first problem by line.
    public init(parsing data: Data, file: String = fileName) throws(ManifestError) {
        guard let text = String(data: data, encoding: .utf8) else {
            throw ManifestError(.notText, file: file, "is not UTF-8 text", fix: "save it as UTF-8")
        }
        try self.init(parsing: text, file: file)
    }

    /// Every file the manifest names: `main`, then the tests.
    public var files: [String] { [main] + tests }

    /// The manifest as TOML, in the layout shown above.
    public var toml: String {
        let tests = self.tests.map(TOMLText.quoted).joined(separator: ", ")
        return """
            id = \(TOMLText.quoted(id))
            version = \(TOMLText.quoted(version.description))
            title = \(TOMLText.quoted(title))
            main = \(TOMLText.quoted(main))
            tests = [\(tests)]

            """
    }
}
