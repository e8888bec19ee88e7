import ArgumentParser
import CarryoverPacks
import Foundation

/// `pack keygen`: a publisher key pair in signify's format.
struct PackKeygen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make a publisher key pair (signify Ed25519; the secret key gets mode 0600).",
        discussion: """
            Example:
              carryover pack keygen --public clinic.pub --secret clinic.sec --comment "Example Clinic"
            Send clinic.pub to the clinics that install your packs; keep clinic.sec off shared drives.
            """)

    @Option(help: "Where to write the public key.") var `public`: String
    @Option(help: "Where to write the secret key (never share it).") var secret: String
    @Option(help: "A comment stored in both files.") var comment = "carryover pack"

    func run() throws {
        let key = try KeyFiles.generate(
            publicKey: fileURL(`public`), secretKey: fileURL(secret), comment: comment)
        print("Key \(key.keyID): public \(`public`), secret \(secret)")
    }
}

/// `pack create`: a new `pack.toml` listing the homework folders already there.
struct PackCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Write pack.toml for a folder of homework types.",
        discussion: """
            Lists every subfolder that has a homework.toml. Example:
              carryover pack create clinic-pack --id org.example.clinic --pack-version 1.0.0 \\
                  --publisher "Example Clinic" --key clinic.pub --license CC-BY-4.0
            """)

    @Argument(help: "The pack folder (created if missing).") var folder: String
    @Option(help: "The pack id, lowercase reverse-DNS.") var id: String
    // Not `--version`: that is every command's "show carryover's version".
    @Option(help: "The pack version (semver).") var packVersion: String
    @Option(help: "The publisher's name.") var publisher: String
    @Option(help: "The publisher's public key file; its id goes into pack.toml.") var key: String
    @Option(help: "An SPDX licence, e.g. CC-BY-4.0.") var license: String
    @Option(help: "Engine versions the pack works with.")
    var engine = "^\(CarryoverPacks.engineVersion)"

    func run() throws {
        let root = fileURL(folder)
        let manifest = PackManifest(
            id: id, version: try semanticVersion(packVersion),
            engine: try VersionRange(parsing: engine), publisherName: publisher,
            publisherKeyID: try KeyFiles.readPublicKey(at: fileURL(key)).keyID, license: license,
            homework: try Pack.homeworkFolders(in: root))
        try Pack.create(at: root, manifest: manifest)
        print("Wrote \(folder)/pack.toml with \(manifest.homework.count) homework type(s)")
        for entry in manifest.homework { print("  \(entry.id) \(entry.version)  \(entry.path)/") }
    }
}

/// `pack build`: the checksum list.
struct PackBuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the manifests and write CHECKSUMS over every file (then sign again).",
        discussion: "Example:\n  carryover pack build clinic-pack")

    @Argument(help: "The pack folder.") var folder: String

    func run() throws {
        let checksums = try Pack.build(at: fileURL(folder))
        print("Wrote \(folder)/CHECKSUMS: \(checksums.entries.count) files; now run pack sign")
    }
}

/// `pack sign`: the publisher's signature over `CHECKSUMS`.
struct PackSign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign CHECKSUMS with the publisher's secret key (writes CHECKSUMS.sig).",
        discussion: "Example:\n  carryover pack sign clinic-pack --secret clinic.sec")

    @Argument(help: "The pack folder.") var folder: String
    @Option(help: "The publisher's secret key file.") var secret: String

    func run() throws {
        let signature = try Pack.sign(
            at: fileURL(folder), with: KeyFiles.readSecretKey(at: fileURL(secret)))
        print("Signed \(folder) with key \(signature.keyID)")
    }
}

/// `pack archive`: one `.tar` file to send.
struct PackArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Write a signed pack as one ustar .tar file (stock tar reads it).",
        discussion: "Example:\n  carryover pack archive clinic-pack --out clinic-pack-1.0.0.tar")

    @Argument(help: "The signed pack folder.") var folder: String
    @Option(help: "The archive to write (must not exist).") var out: String

    func run() throws {
        try PackArchive.write(packAt: fileURL(folder), to: fileURL(out))
        print("Wrote \(out)")
    }
}
