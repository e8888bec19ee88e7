import CarryoverErrors
import CarryoverManifest
import Crypto
import Foundation
import Logging

/// A pack whose signature, every checksum and its file list all verified.
public struct VerifiedPack: Sendable, Hashable {
    public let manifest: PackManifest
    /// Each homework type's `homework.toml`, by its folder (``PackManifest/Homework/path``).
    public let homework: [String: HomeworkManifest]
    public let checksums: Checksums
    /// SHA-256 of the exact bytes of `CHECKSUMS`, in hex: what the lockfile pins.
    public let checksumsSHA256: String
    /// The key that signed the pack.
    public let keyID: KeyID
}

extension Pack {
    /// Verifies the pack at `root` against `publicKey`.
    ///
    /// In order: the signature over `CHECKSUMS`, then every listed file's
    /// SHA-256, then that no file is missing or added, then the manifests.
    /// Links, unsafe names and oversized files are refused on the way.
    /// - Throws: ``PackError`` with code `unsigned`, `keyMismatch`,
    ///   `badSignature`, `tampered`, `unsafePath`, `tooLarge` or `invalidManifest`.
    @discardableResult
    public static func verify(at root: URL, publicKey: PublicKey, limits: PackLimits = PackLimits())
        throws(PackError) -> VerifiedPack
    {
        let start = ContinuousClock.now
        do {
            let pack = try verifyFiles(at: root, publicKey: publicKey, limits: limits)
            PackDiagnostics.logger.debug(
                "pack verified",
                metadata: [
                    "pack": "\(pack.manifest.id) \(pack.manifest.version)",
                    "key": "\(pack.keyID)", "files": "\(pack.checksums.entries.count)",
                    "took": "\(ContinuousClock.now - start)",
                ])
            return pack
        } catch {
            PackDiagnostics.logger.debug(
                "pack refused",
                metadata: ["folder": "\(root.lastPathComponent)", "code": "\(error.codeName)"])
            throw error
        }
    }

    private static func verifyFiles(at root: URL, publicKey: PublicKey, limits: PackLimits)
        throws(PackError) -> VerifiedPack
    {
        let signature = try signature(at: root, limits: limits)
        let listedData = try readChecksumsData(at: root, limits: limits)
        guard signature.keyID == publicKey.keyID else {
            throw PackError(
                .keyMismatch,
                "the pack was signed by key \(signature.keyID), not by key \(publicKey.keyID)")
        }
        guard publicKey.verifies(signature, of: listedData) else {
            throw PackError(
                .badSignature,
                "the signature over CHECKSUMS does not verify with key \(publicKey.keyID); "
                    + "the pack was changed after signing; get a fresh copy from the publisher")
        }
        let listed = try Checksums(parsing: listedData)
        let present = try FileTree.files(
            in: root, limits: limits, excluding: [Checksums.fileName, Checksums.signatureFileName])
        try compare(listed: listed, present: Set(present.map(\.path)))
        for entry in listed.entries {
            let data = try FileIO.read(
                root.appendingPathComponent(entry.path), limit: limits.maxFileBytes,
                what: entry.path)
            guard hex(SHA256.hash(data: data)) == entry.sha256 else {
                throw PackError(
                    .tampered,
                    "\(entry.path) was changed after signing; get a fresh copy from the publisher")
            }
        }
        let (manifest, homework) = try PackContents.check(
            root: root, checksums: listed, limits: limits)
        guard manifest.publisherKeyID == signature.keyID else {
            throw PackError(
                .keyMismatch,
                "pack.toml names key \(manifest.publisherKeyID) but key \(signature.keyID) signed it"
            )
        }
        return VerifiedPack(
            manifest: manifest, homework: homework, checksums: listed,
            checksumsSHA256: hex(SHA256.hash(data: listedData)), keyID: signature.keyID)
    }

    private static func compare(listed: Checksums, present: Set<String>) throws(PackError) {
        let expected = Set(listed.entries.map(\.path))
        if let missing = expected.subtracting(present).sorted(by: PackPath.precedes).first {
            throw PackError(
                .tampered,
                "\(missing) is listed in CHECKSUMS but missing; get a fresh copy from the publisher"
            )
        }
        if let added = present.subtracting(expected).sorted(by: PackPath.precedes).first {
            throw PackError(
                .tampered,
                "\(added) is not in CHECKSUMS (added after signing); remove it or get a fresh copy")
        }
    }
}
