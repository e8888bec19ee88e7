import Foundation

extension PackShelf {
    /// The pinned version of pack `id`, verified again before use.
    ///
    /// Call this before loading a pack's homework types: it checks the
    /// installed files against their signature, the trust store (a key revoked
    /// since install is refused) and the lockfile pin, so a pack edited on
    /// disk after install is never run.
    /// - Throws: `notFound` when `id` is not pinned, else the verification errors
    ///   of ``install(from:mode:)``.
    public func pinnedPack(_ id: String) throws(PackError) -> (folder: URL, pack: VerifiedPack) {
        guard let pin = try lockfile().pin(for: id) else {
            throw PackError(.notFound, "\(id.prefix(80)) is not installed; see pack list")
        }
        let folder = packsFolder.appendingPathComponent(id, isDirectory: true)
            .appendingPathComponent(pin.version.description, isDirectory: true)
        guard FileIO.exists(folder) else {
            throw PackError(
                .notFound,
                "\(id) \(pin.version) is pinned but not installed; run pack install --locked")
        }
        let key = try trustStore.requireTrusted(Pack.signature(at: folder, limits: limits).keyID)
        let pack = try Pack.verify(at: folder, publicKey: key, limits: limits)
        guard Lockfile.Pin(pack) == pin else {
            throw PackError(
                .lockMismatch,
                "packs/\(id)/\(pin.version) differs from carryover.lock; reinstall it with --locked"
            )
        }
        return (folder, pack)
    }
}
