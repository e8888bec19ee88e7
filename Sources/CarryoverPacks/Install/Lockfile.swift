import CarryoverManifest
import Foundation

/// `carryover.lock`: the exact packs a practice runs, so another machine (or
/// a later reinstall) can insist on the same bytes from the same publisher.
///
/// ```toml
/// version = 1
///
/// [[pack]]
/// id = "org.example.clinic"
/// version = "1.0.0"
/// checksums-sha256 = "<SHA-256 of CHECKSUMS>"
/// key-id = "0123456789abcdef"
/// ```
public struct Lockfile: Sendable, Hashable {
    /// One pinned pack.
    public struct Pin: Sendable, Hashable {
        public let id: String
        public let version: SemanticVersion
        /// SHA-256 of the pack's `CHECKSUMS`, which covers every file.
        public let checksumsSHA256: String
        public let keyID: KeyID

        public init(id: String, version: SemanticVersion, checksumsSHA256: String, keyID: KeyID) {
            self.id = id
            self.version = version
            self.checksumsSHA256 = checksumsSHA256
            self.keyID = keyID
        }

        init(_ pack: VerifiedPack) {
            self.init(
                id: pack.manifest.id, version: pack.manifest.version,
                checksumsSHA256: pack.checksumsSHA256, keyID: pack.keyID)
        }
    }

    /// The file name inside a practice folder.
    public static let fileName = "carryover.lock"

    /// Pins sorted by id, at most one per id.
    public private(set) var pins: [Pin]

    public init(pins: [Pin] = []) {
        self.pins = []
        for pin in pins { set(pin) }
    }

    /// Parses a lockfile.
    /// - Throws: ``PackError`` with code `invalidManifest` or `invalidVersion`.
    public init(parsing data: Data) throws(PackError) {
        let fields = try TOMLFields(data, file: Self.fileName)
        guard fields.table["version"]?.int == 1 else {
            throw PackError(
                .invalidManifest, "carryover.lock is not version 1; update carryover to read it")
        }
        var pins: [Pin] = []
        for entry in try fields.tables("pack") {
            let digest = try entry.string("checksums-sha256")
            guard let keyID = KeyID(hex: try entry.string("key-id")), digest.utf8.count == 64,
                digest.allSatisfy({ $0.isHexDigit && !$0.isUppercase })
            else {
                throw PackError(
                    .invalidManifest,
                    "carryover.lock has a damaged pin; restore it from version control")
            }
            pins.append(
                Pin(
                    id: try entry.string("id"), version: try entry.version("version"),
                    checksumsSHA256: digest, keyID: keyID))
        }
        self.init(pins: pins)
    }

    /// The pin for `id`, if any.
    public func pin(for id: String) -> Pin? { pins.first { $0.id == id } }

    /// Adds or replaces the pin for `pin.id`.
    public mutating func set(_ pin: Pin) {
        pins.removeAll { $0.id == pin.id }
        pins.append(pin)
        pins.sort { $0.id < $1.id }
    }

    /// Removes the pin for `id`.
    public mutating func remove(_ id: String) { pins.removeAll { $0.id == id } }

    /// The lockfile's text.
    public var toml: String {
        var lines = [
            "# Packs pinned by this practice. Written by carryover; keep it in version control.",
            "version = 1",
        ]
        for pin in pins {
            lines += [
                "", "[[pack]]", "id = \(TOMLText.quoted(pin.id))",
                "version = \(TOMLText.quoted(pin.version.description))",
                "checksums-sha256 = \(TOMLText.quoted(pin.checksumsSHA256))",
                "key-id = \(TOMLText.quoted(pin.keyID.description))",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
