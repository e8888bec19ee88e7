import CarryoverManifest
import Foundation

/// Author-side operations on a pack folder: scaffold, build the checksum list, sign.
///
/// The usual sequence is ``create(at:manifest:)`` once, add homework folders
/// and list them in `pack.toml`, then ``build(at:limits:)`` and
/// ``sign(at:with:limits:)`` before every release.
public enum Pack {
    /// Writes `pack.toml` into `root` (created if needed); refuses to replace one.
    public static func create(at root: URL, manifest: PackManifest) throws(PackError) {
        try manifest.validate()
        try FileIO.createDirectory(root)
        try FileIO.create(
            Data(manifest.toml.utf8), at: root.appendingPathComponent(PackManifest.fileName),
            mode: 0o644)
    }

    /// The subfolders of `root` that hold a `homework.toml`, by name, as
    /// `pack.toml` lists them.
    /// - Throws: ``PackError`` `invalid-manifest` (naming the file and line)
    ///   when a `homework.toml` breaks the manifest rules.
    public static func homeworkFolders(in root: URL, limits: PackLimits = PackLimits())
        throws(PackError) -> [PackManifest.Homework]
    {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        var homework: [PackManifest.Homework] = []
        for name in names.sorted(by: PackPath.precedes) where !name.hasPrefix(".") {
            let file = name + "/" + HomeworkManifest.fileName
            let url = root.appendingPathComponent(file)
            guard FileIO.exists(url) else { continue }
            let manifest = try HomeworkManifest(
                packFile: FileIO.read(url, limit: limits.maxFileBytes, what: file), file: file)
            homework.append(.init(id: manifest.id, version: manifest.version, path: name))
        }
        return homework
    }

    /// Checks the manifests and writes `CHECKSUMS` over every file in the pack.
    ///
    /// Refuses links, unsafe names and files over `limits`. Removes a stale
    /// `CHECKSUMS.sig`, since it no longer matches; sign again afterwards.
    @discardableResult
    public static func build(at root: URL, limits: PackLimits = PackLimits())
        throws(PackError) -> Checksums
    {
        let checksums = try Checksums.compute(root: root, limits: limits)
        _ = try PackContents.check(root: root, checksums: checksums, limits: limits)
        FileIO.removeIfPresent(root.appendingPathComponent(Checksums.signatureFileName))
        try FileIO.writeAtomically(
            checksums.data, to: root.appendingPathComponent(Checksums.fileName))
        return checksums
    }

    /// Signs `CHECKSUMS` with the publisher's secret key, writing `CHECKSUMS.sig`.
    ///
    /// Refuses when `CHECKSUMS` is out of date with the files (run ``build(at:limits:)``)
    /// or when `pack.toml` names a different publisher key.
    @discardableResult
    public static func sign(at root: URL, with key: SecretKey, limits: PackLimits = PackLimits())
        throws(PackError) -> Signature
    {
        let listed = try readChecksums(at: root, limits: limits)
        let current = try Checksums.compute(root: root, limits: limits)
        guard listed.data == current.data else {
            throw PackError(
                .tampered, "CHECKSUMS is out of date with the files; run pack build first")
        }
        let manifest = try PackContents.check(root: root, checksums: current, limits: limits)
            .manifest
        guard manifest.publisherKeyID == key.keyID else {
            throw PackError(
                .keyMismatch,
                "pack.toml names key \(manifest.publisherKeyID) but this secret key is \(key.keyID); "
                    + "fix publisher.key-id or use the right key")
        }
        let signature = key.sign(listed.data)
        try FileIO.writeAtomically(
            signature.signifyData(comment: "verify with \(manifest.id) key \(key.keyID)"),
            to: root.appendingPathComponent(Checksums.signatureFileName))
        return signature
    }

    /// The raw `CHECKSUMS` of the pack at `root`; `unsigned` when it is missing.
    static func readChecksumsData(at root: URL, limits: PackLimits) throws(PackError) -> Data {
        let url = root.appendingPathComponent(Checksums.fileName)
        guard FileIO.exists(url) else {
            throw PackError(
                .unsigned, "the pack has no CHECKSUMS; the publisher must build and sign it")
        }
        return try FileIO.read(url, limit: limits.maxFileBytes, what: Checksums.fileName)
    }

    static func readChecksums(at root: URL, limits: PackLimits) throws(PackError) -> Checksums {
        try Checksums(parsing: readChecksumsData(at: root, limits: limits))
    }

    /// The signature of the pack at `root`; `unsigned` when it is missing.
    public static func signature(at root: URL, limits: PackLimits = PackLimits())
        throws(PackError) -> Signature
    {
        let url = root.appendingPathComponent(Checksums.signatureFileName)
        guard FileIO.exists(url) else {
            throw PackError(
                .unsigned, "the pack has no CHECKSUMS.sig; the publisher must sign it (pack sign)")
        }
        return try Signature(signifyData: FileIO.read(url, limit: 4096, what: "CHECKSUMS.sig"))
    }
}
