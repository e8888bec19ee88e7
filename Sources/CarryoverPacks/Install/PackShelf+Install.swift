import Foundation

extension PackShelf {
    /// Installs a pack from a folder or a `.tar` archive and pins it.
    ///
    /// The pack must be signed by a trusted, unrevoked key, match its
    /// checksums exactly, and accept this engine version. Reinstalling the
    /// pinned version with the same bytes is a no-op. A different version of
    /// an installed pack needs ``upgrade(from:allowDowngrade:)``.
    /// With ``InstallMode/locked`` the pack must equal its pin in `carryover.lock`.
    /// On any error the practice folder is left exactly as it was.
    @discardableResult
    public func install(from source: URL, mode: InstallMode = .normal) throws(PackError)
        -> InstalledPack
    {
        try withVerifiedPack(from: source) { staged, pack throws(PackError) in
            let lock = try lockfile()
            let pin = Lockfile.Pin(pack)
            let current = lock.pin(for: pin.id)
            switch mode {
            case .locked:
                guard let current else {
                    throw PackError(
                        .lockMismatch,
                        "carryover.lock does not pin \(pin.id); install without --locked to add it")
                }
                guard current == pin else {
                    throw PackError(
                        .lockMismatch,
                        "\(pin.id) \(pin.version) differs from carryover.lock (\(current.version), "
                            + "key \(current.keyID)); get the exact pinned pack, or install without --locked"
                    )
                }
                return try place(staged, pack: pack, lock: lock)
            case .normal:
                if let current, current.version != pin.version {
                    throw PackError(
                        .alreadyExists,
                        "\(pin.id) \(current.version) is installed; use pack upgrade to change version"
                    )
                }
                try refuseRepublished(pin, current: current)
                var updated = lock
                updated.set(pin)
                return try place(staged, pack: pack, lock: updated)
            }
        }
    }

    /// Installs a newer version of an installed pack and moves its pin there.
    ///
    /// Older versions stay installed so entries made with them still load.
    /// Refuses a lower version unless `allowDowngrade` is true.
    @discardableResult
    public func upgrade(from source: URL, allowDowngrade: Bool = false) throws(PackError)
        -> InstalledPack
    {
        try withVerifiedPack(from: source) { staged, pack throws(PackError) in
            var lock = try lockfile()
            let pin = Lockfile.Pin(pack)
            guard let current = lock.pin(for: pin.id) else {
                throw PackError(.notFound, "\(pin.id) is not installed; use pack install")
            }
            if pin.version < current.version && !allowDowngrade {
                throw PackError(
                    .downgrade,
                    "\(pin.id) \(pin.version) is older than the installed \(current.version); "
                        + "pass --allow-downgrade to go back on purpose")
            }
            try refuseRepublished(pin, current: current)
            lock.set(pin)
            return try place(staged, pack: pack, lock: lock)
        }
    }

    /// Same id and version must mean the same bytes from the same key.
    private func refuseRepublished(_ pin: Lockfile.Pin, current: Lockfile.Pin?) throws(PackError) {
        guard let current, current.version == pin.version, current != pin else { return }
        throw PackError(
            .lockMismatch,
            "\(pin.id) \(pin.version) is pinned with different contents or key; "
                + "the publisher must release a new version")
    }

    /// Stages `source` inside the practice, verifies it against the trust store
    /// and the engine version, then hands it to `body`.
    private func withVerifiedPack(
        from source: URL, _ body: (URL, VerifiedPack) throws(PackError) -> InstalledPack
    ) throws(PackError) -> InstalledPack {
        try withStaging { staging throws(PackError) in
            let staged = try stage(source, in: staging)
            let signature = try Pack.signature(at: staged, limits: limits)
            let key = try trustStore.requireTrusted(signature.keyID)
            let pack = try Pack.verify(at: staged, publicKey: key, limits: limits)
            try Pack.requireCompatible(pack.manifest)
            return try body(staged, pack)
        }
    }

    /// Copies a pack folder, or extracts an archive, into `staging`; returns the pack root.
    private func stage(_ source: URL, in staging: URL) throws(PackError) -> URL {
        // The path the user named may be a link (say, to a USB stick); what it
        // points to is then read with links refused, like any pack.
        let source = source.resolvingSymlinksInPath()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder) else {
            throw PackError(
                .notFound, "\(source.path) does not exist; give a pack folder or archive")
        }
        guard isFolder.boolValue else {
            return try PackArchive.extract(source, into: staging, limits: limits)
        }
        let copy = staging.appendingPathComponent("pack", isDirectory: true)
        for file in try FileTree.files(in: source, limits: limits) {
            let data = try FileIO.read(
                source.appendingPathComponent(file.path), limit: limits.maxFileBytes,
                what: file.path)
            let target = copy.appendingPathComponent(file.path)
            try FileIO.createDirectory(target.deletingLastPathComponent())
            try FileIO.create(data, at: target, mode: 0o644)
        }
        return copy
    }

    /// Renames the staged pack to `packs/<id>/<version>/` and writes the
    /// lockfile, undoing the rename if the lockfile cannot be written.
    ///
    /// When that exact pack is already there it is kept, unless its files were
    /// edited on disk since: then the verified staged copy replaces it.
    private func place(_ staged: URL, pack: VerifiedPack, lock: Lockfile) throws(PackError)
        -> InstalledPack
    {
        let id = pack.manifest.id
        let idFolder = packsFolder.appendingPathComponent(id, isDirectory: true)
        let destination = idFolder.appendingPathComponent(pack.manifest.version.description)
        var undo: [() -> Void] = []
        if FileIO.exists(destination) {
            let there = try Pack.readChecksumsData(at: destination, limits: limits)
            guard there == pack.checksums.data else {
                throw PackError(
                    .alreadyExists,
                    "packs/\(id)/\(pack.manifest.version) holds different contents; "
                        + "remove that version first")
            }
            let key = try trustStore.requireTrusted(pack.keyID)
            if (try? Pack.verify(at: destination, publicKey: key, limits: limits)) == nil {
                let damaged = staged.deletingLastPathComponent().appendingPathComponent(
                    "damaged-\(UUID().uuidString)")
                try rename(destination, to: damaged)
                undo.append { try? rename(damaged, to: destination) }
                try move(staged, to: destination, undo: &undo)
            }
        } else {
            for folder in [packsFolder, idFolder] where !FileIO.exists(folder) {
                try FileIO.createDirectory(folder)
                undo.append { FileIO.removeIfPresent(folder) }
            }
            try move(staged, to: destination, undo: &undo)
        }
        do throws(PackError) {
            if lock != (try lockfile()) { try saveLockfile(lock) }
        } catch {
            for step in undo.reversed() { step() }
            throw error
        }
        return InstalledPack(
            id: id, version: pack.manifest.version, checksumsSHA256: pack.checksumsSHA256,
            keyID: pack.keyID, folder: destination,
            isPinned: lock.pin(for: id) == Lockfile.Pin(pack))
    }

    /// Renames `source` to `destination`, running `undo` (newest first) if that fails
    /// and recording how to take the rename back.
    private func move(_ source: URL, to destination: URL, undo: inout [() -> Void])
        throws(PackError)
    {
        do throws(PackError) {
            try rename(source, to: destination)
        } catch {
            for step in undo.reversed() { step() }
            throw error
        }
        undo.append { FileIO.removeIfPresent(destination) }
    }
}
