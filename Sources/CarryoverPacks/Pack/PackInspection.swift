import Foundation

/// What a pack is and whether this practice would install it.
public struct PackInspection: Sendable {
    /// The signer's standing in the trust store.
    public enum Trust: Sendable, Hashable {
        /// Signed by a trusted key with this name.
        case trusted(name: String)
        /// Signed by a key the practice revoked.
        case revoked(name: String)
        /// Signed by a key the practice does not know.
        case unknown
        /// Not signed at all.
        case unsigned
    }

    public let manifest: PackManifest
    /// The files listed in `CHECKSUMS` (empty when the pack is not built).
    public let files: [Checksums.Entry]
    /// The key that signed `CHECKSUMS`, if any.
    public let keyID: KeyID?
    public let trust: Trust
    /// Why the pack would not install, or nil when it verifies and fits this engine.
    public let problem: PackError?
}

extension Pack {
    /// Describes the pack folder or archive at `source` without changing anything.
    ///
    /// Throws only when the manifest cannot be read; every other problem
    /// (unsigned, untrusted, tampered, incompatible) is reported in ``PackInspection/problem``.
    public static func inspect(
        _ source: URL, trustStore: TrustStore, limits: PackLimits = PackLimits()
    ) throws(PackError) -> PackInspection {
        // The path the user named may be a link (say, to a USB stick); what it
        // points to is then read with links refused, like any pack.
        let source = source.resolvingSymlinksInPath()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder) else {
            throw PackError(
                .notFound, "\(source.path) does not exist; give a pack folder or archive")
        }
        if isFolder.boolValue {
            return try inspectFolder(source, trustStore: trustStore, limits: limits)
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "carryover-inspect-\(UUID().uuidString)", isDirectory: true)
        try FileIO.createDirectory(scratch)
        defer { FileIO.removeIfPresent(scratch) }
        let root = try PackArchive.extract(source, into: scratch, limits: limits)
        return try inspectFolder(root, trustStore: trustStore, limits: limits)
    }

    private static func inspectFolder(_ root: URL, trustStore: TrustStore, limits: PackLimits)
        throws(PackError) -> PackInspection
    {
        let manifest = try PackManifest(
            parsing: FileIO.read(
                root.appendingPathComponent(PackManifest.fileName), limit: limits.maxFileBytes,
                what: PackManifest.fileName))
        let files = (try? readChecksums(at: root, limits: limits))?.entries ?? []
        let keyID = try? signature(at: root, limits: limits).keyID
        let trust: PackInspection.Trust
        switch try keyID.flatMap({ (id: KeyID) throws(PackError) in try trustStore.key(id) }) {
        case .some(let known) where known.status == .trusted: trust = .trusted(name: known.name)
        case .some(let known): trust = .revoked(name: known.name)
        case .none: trust = keyID == nil ? .unsigned : .unknown
        }
        var problem: PackError?
        do throws(PackError) {
            let signer = try signature(at: root, limits: limits).keyID
            let key = try trustStore.requireTrusted(signer)
            let verified = try verify(at: root, publicKey: key, limits: limits)
            try requireCompatible(verified.manifest)
        } catch {
            problem = error
        }
        return PackInspection(
            manifest: manifest, files: files, keyID: keyID, trust: trust, problem: problem)
    }

    /// Throws `incompatibleEngine` unless the pack accepts ``engineVersion``.
    static func requireCompatible(_ manifest: PackManifest) throws(PackError) {
        guard manifest.engine.contains(engineVersion) else {
            throw PackError(
                .incompatibleEngine,
                "\(manifest.id) \(manifest.version) needs engine \(manifest.engine), "
                    + "this is \(engineVersion); get a version of the pack made for it")
        }
    }
}
