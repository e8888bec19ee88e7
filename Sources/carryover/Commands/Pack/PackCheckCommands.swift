import ArgumentParser
import CarryoverPacks
import Foundation

/// `pack verify`: signature, checksums and file list against one public key.
struct PackVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a pack folder or archive against a publisher's public key.",
        discussion: """
            Checks the signature over CHECKSUMS, every file's SHA-256, that no file was added
            or removed, and the manifests; does not need a practice. Example:
              carryover pack verify clinic-pack-1.0.0.tar --key clinic.pub
            """)

    @Argument(help: "A pack folder or .tar archive.") var source: String
    @Option(help: "The publisher's public key file.") var key: String

    func run() throws {
        let publicKey = try KeyFiles.readPublicKey(at: fileURL(key))
        let pack = try withPackFolder(fileURL(source)) { root in
            try Pack.verify(at: root, publicKey: publicKey)
        }
        print(
            "OK: \(pack.manifest.id) \(pack.manifest.version), \(pack.checksums.entries.count) files, "
                + "signed by key \(pack.keyID)")
    }
}

/// Runs `body` on the pack folder `source`, or on an archive extracted to a
/// scratch folder that is removed afterwards.
func withPackFolder<T>(_ source: URL, _ body: (URL) throws -> T) throws -> T {
    // The path the user named may be a link (say, to a USB stick); what it
    // points to is then read with links refused, as install does.
    let source = source.resolvingSymlinksInPath()
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder) else {
        throw PackError(.notFound, "\(source.path) does not exist; give a pack folder or archive")
    }
    if isFolder.boolValue { return try body(source) }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
        "carryover-verify-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    return try body(PackArchive.extract(source, into: scratch, limits: PackLimits()))
}

/// `pack inspect`: what a pack is and whether this practice would install it.
struct PackInspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a pack's manifest, signer and whether this practice would install it.",
        discussion: """
            Changes nothing. Examples:
              carryover pack inspect clinic-pack-1.0.0.tar
              carryover pack inspect clinic-pack --json
            """)

    @Argument(help: "A pack folder or .tar archive.") var source: String
    @OptionGroup var options: PracticeOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let shelf = try options.shelf()
        let inspection = try Pack.inspect(fileURL(source), trustStore: shelf.trustStore)
        let shape = InspectionJSON(inspection)
        if output.json { return try printJSON(shape) }
        print("\(shape.id) \(shape.version)  (\(shape.license), engine \(shape.engine))")
        print("  publisher: \(shape.publisher) (key \(shape.publisherKeyID))")
        print("  signed by: \(shape.signedBy ?? "nobody") [\(shape.trust)]")
        for homework in shape.homework {
            print("  homework:  \(homework.id) \(homework.version)  \(homework.path)/")
        }
        print("  files:     \(shape.files)")
        if let problem = shape.problem {
            print("Would not install: \(problem.message)")
        } else {
            print("Would install.")
        }
    }
}

/// The `--json` shape of `pack inspect` (Docs/packs.md).
struct InspectionJSON: Encodable {
    struct Homework: Encodable {
        let id, version, path: String
    }
    struct Problem: Encodable {
        let code, message: String
    }

    let id, version, engine, license, publisher, publisherKeyID: String
    let homework: [Homework]
    let files: Int
    let signedBy: String?
    /// trusted, revoked, unknown or unsigned.
    let trust: String
    let trustedName: String?
    let installable: Bool
    let problem: Problem?

    init(_ inspection: PackInspection) {
        let manifest = inspection.manifest
        id = manifest.id
        version = manifest.version.description
        engine = manifest.engine.description
        license = manifest.license
        publisher = manifest.publisherName
        publisherKeyID = manifest.publisherKeyID.description
        homework = manifest.homework.map {
            Homework(id: $0.id, version: $0.version.description, path: $0.path)
        }
        files = inspection.files.count
        signedBy = inspection.keyID?.description
        switch inspection.trust {
        case .trusted(let name):
            trust = "trusted"
            trustedName = name
        case .revoked(let name):
            trust = "revoked"
            trustedName = name
        case .unknown:
            trust = "unknown"
            trustedName = nil
        case .unsigned:
            trust = "unsigned"
            trustedName = nil
        }
        installable = inspection.problem == nil
        problem = inspection.problem.map { Problem(code: $0.code.rawValue, message: $0.message) }
    }
}
