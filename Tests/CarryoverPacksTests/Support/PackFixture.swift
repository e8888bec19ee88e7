import CarryoverManifest
import CarryoverTestSupport
import Foundation

@testable import CarryoverPacks

/// A publisher with a key pair and a signed example pack, plus an empty
/// practice folder that trusts the publisher.
struct PackFixture {
    let folder: TemporaryFolder
    let secretKey: SecretKey
    let pack: URL
    let practice: PackShelf

    var publicKey: PublicKey { secretKey.publicKey }

    init(version: String = "1.0.0", engine: String = ">=0.1.0, <0.2.0", trusted: Bool = true)
        throws
    {
        folder = try TemporaryFolder(prefix: "carryover-packs")
        secretKey = SecretKey.generate()
        pack = folder.path("pack")
        try Self.writeExample(
            at: pack, folder: folder, key: secretKey, version: version, engine: engine)
        try Pack.build(at: pack)
        try Pack.sign(at: pack, with: secretKey)
        try FileManager.default.createDirectory(
            at: folder.path("practice"), withIntermediateDirectories: true)
        practice = PackShelf(root: folder.path("practice"))
        if trusted { try practice.trustStore.trust(publicKey, name: "Example Clinic") }
    }

    /// Writes an unsigned example pack with one homework type at `root`.
    static func writeExample(
        at root: URL, folder: TemporaryFolder, key: SecretKey, version: String, engine: String
    ) throws {
        let manifest = PackManifest(
            id: "org.example.clinic", version: try SemanticVersion(parsing: version),
            engine: try VersionRange(parsing: engine), publisherName: "Example \"Clinic\"",
            publisherKeyID: key.keyID, license: "CC-BY-4.0",
            homework: [
                .init(
                    id: "org.example.thought-record", version: SemanticVersion(1, 0, 0),
                    path: "thought-record")
            ])
        try Pack.create(at: root, manifest: manifest)
        let base = root.lastPathComponent
        let prefix = root.deletingLastPathComponent() == folder.url ? base + "/" : ""
        precondition(!prefix.isEmpty, "example packs live directly in the test folder")
        try folder.write(
            prefix + "thought-record/homework.toml",
            """
            id = "org.example.thought-record"
            version = "1.0.0"
            title = "Thought record"
            main = "thought_record.lua"
            tests = ["tests/thought_record_spec.lua"]

            """)
        try folder.write(prefix + "thought-record/thought_record.lua", "return { id = 'x' }\n")
        try folder.write(
            prefix + "thought-record/tests/thought_record_spec.lua", "-- spec\n")
        try folder.write(prefix + "thought-record/README.md", "# Thought record\n")
    }

    /// Builds and signs a second version of the pack in its own folder.
    func makeVersion(_ version: String, engine: String = ">=0.1.0, <0.2.0") throws -> URL {
        let root = folder.path("pack-\(version)")
        try Self.writeExample(
            at: root, folder: folder, key: secretKey, version: version, engine: engine)
        try Pack.build(at: root)
        try Pack.sign(at: root, with: secretKey)
        return root
    }
}
