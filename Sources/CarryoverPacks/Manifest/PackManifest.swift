import CarryoverManifest
import Foundation

/// A pack's `pack.toml`: identity, engine compatibility, publisher, licence and
/// the homework types it carries.
///
/// ```toml
/// id = "org.example.clinic"
/// version = "1.0.0"
/// engine = ">=0.1.0, <0.2.0"
/// license = "CC-BY-4.0"
///
/// [publisher]
/// name = "Example Clinic"
/// key-id = "0123456789abcdef"
///
/// [[homework]]
/// id = "org.example.thought-record"
/// version = "1.0.0"
/// path = "thought-record"
/// ```
public struct PackManifest: Sendable, Hashable {
    /// One homework type in the pack: a folder with its own `homework.toml`.
    public struct Homework: Sendable, Hashable {
        public var id: String
        public var version: SemanticVersion
        /// The folder, relative to the pack root.
        public var path: String

        public init(id: String, version: SemanticVersion, path: String) {
            self.id = id
            self.version = version
            self.path = path
        }
    }

    /// The manifest's file name inside a pack.
    public static let fileName = "pack.toml"

    /// Reverse-DNS id, lowercase, e.g. `org.example.clinic`.
    public var id: String
    public var version: SemanticVersion
    /// The engine versions the pack works with.
    public var engine: VersionRange
    public var publisherName: String
    /// The key that must have signed the pack.
    public var publisherKeyID: KeyID
    /// An SPDX licence identifier or expression, e.g. `CC-BY-4.0`.
    public var license: String
    public var homework: [Homework]

    /// Makes a manifest; call ``validate()`` or ``toml`` to check and write it.
    public init(
        id: String, version: SemanticVersion, engine: VersionRange, publisherName: String,
        publisherKeyID: KeyID, license: String, homework: [Homework] = []
    ) {
        self.id = id
        self.version = version
        self.engine = engine
        self.publisherName = publisherName
        self.publisherKeyID = publisherKeyID
        self.license = license
        self.homework = homework
    }

    /// Parses and validates `pack.toml`.
    /// - Throws: ``PackError`` with code `invalidManifest`, `invalidVersion` or `invalidRange`.
    public init(parsing data: Data) throws(PackError) {
        let fields = try TOMLFields(data, file: Self.fileName)
        let publisher = try fields.table("publisher")
        guard let keyID = KeyID(hex: try publisher.string("key-id")) else {
            throw PackError(.invalidManifest, "pack.toml's publisher key-id must be 16 hex digits")
        }
        var homework: [Homework] = []
        for entry in try fields.tables("homework") {
            homework.append(
                Homework(
                    id: try entry.string("id"), version: try entry.version("version"),
                    path: try entry.string("path")))
        }
        self.init(
            id: try fields.string("id"), version: try fields.version("version"),
            engine: try VersionRange(parsing: fields.string("engine")),
            publisherName: try publisher.string("name"), publisherKeyID: keyID,
            license: try fields.string("license"), homework: homework)
        try validate()
    }

    /// Checks ids, paths and the licence; throws `invalidManifest` or `unsafePath` naming the field.
    public func validate() throws(PackError) {
        guard ReverseDNS.isValid(id) else {
            throw PackError(
                .invalidManifest,
                "pack.toml id '\(id.prefix(80))' must be lowercase reverse-DNS, e.g. org.example.clinic"
            )
        }
        guard Self.isSPDX(license) else {
            throw PackError(
                .invalidManifest, "pack.toml license must be an SPDX identifier, e.g. CC-BY-4.0")
        }
        var seen = Set<String>()
        for entry in homework {
            guard ReverseDNS.isValid(entry.id) else {
                throw PackError(
                    .invalidManifest,
                    "homework id '\(entry.id.prefix(80))' must be lowercase reverse-DNS")
            }
            guard seen.insert(entry.id).inserted else {
                throw PackError(.invalidManifest, "homework '\(entry.id)' is listed twice")
            }
            try PackPath.validate(entry.path)
        }
    }

    /// The manifest as TOML, in the layout shown above.
    public var toml: String {
        var lines = [
            "id = \(TOMLText.quoted(id))", "version = \(TOMLText.quoted(version.description))",
            "engine = \(TOMLText.quoted(engine.description))",
            "license = \(TOMLText.quoted(license))", "",
            "[publisher]", "name = \(TOMLText.quoted(publisherName))",
            "key-id = \(TOMLText.quoted(publisherKeyID.description))",
        ]
        for entry in homework {
            lines += [
                "", "[[homework]]", "id = \(TOMLText.quoted(entry.id))",
                "version = \(TOMLText.quoted(entry.version.description))",
                "path = \(TOMLText.quoted(entry.path))",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // SPDX license expressions (SPDX spec annex D): ids of letters, digits, '.', '-',
    // optional '+', joined by AND / OR / WITH, with parentheses.
    static func isSPDX(_ text: String) -> Bool {
        let tokens = text.replacingOccurrences(of: "(", with: " ").replacingOccurrences(
            of: ")", with: " "
        ).split(separator: " ")
        return !tokens.isEmpty && text.count <= 200
            && tokens.allSatisfy { token in
                ["AND", "OR", "WITH"].contains(token)
                    || token.unicodeScalars.allSatisfy {
                        $0.isASCII
                            && (CharacterSet.alphanumerics.contains($0)
                                || ".-+:".unicodeScalars.contains($0))
                    }
            }
    }
}
