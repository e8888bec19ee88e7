import CarryoverManifest
import Foundation

/// A pack installed in a practice, at `<practice>/packs/<id>/<version>/`.
public struct InstalledPack: Sendable, Hashable {
    public let id: String
    public let version: SemanticVersion
    /// SHA-256 of the installed `CHECKSUMS`.
    public let checksumsSHA256: String
    public let keyID: KeyID
    /// The installed folder.
    public let folder: URL
    /// Whether `carryover.lock` pins this version (the one new assignments use).
    public let isPinned: Bool
}

/// How ``PackShelf/install(from:mode:)`` treats the lockfile.
public enum InstallMode: Sendable, Hashable {
    /// Install and pin the pack in `carryover.lock`.
    case normal
    /// Install only what `carryover.lock` already pins, byte for byte; never change the lockfile.
    case locked
}

/// A practice folder's packs: trust store, installed packs and lockfile.
///
/// Every operation that changes the practice either completes or leaves the
/// folder as it was: packs are staged in a temporary folder inside the
/// practice, verified there and renamed into place.
public struct PackShelf: Sendable {
    /// The practice folder.
    public let root: URL
    /// Caps applied to every pack read.
    public let limits: PackLimits

    /// The practice at `root`, which must exist.
    public init(root: URL, limits: PackLimits = PackLimits()) {
        self.root = root
        self.limits = limits
    }

    /// The practice's publisher keys.
    public var trustStore: TrustStore { TrustStore(practice: root) }
    /// Where installed packs live.
    public var packsFolder: URL { root.appendingPathComponent("packs", isDirectory: true) }
    /// The lockfile's location.
    public var lockfileURL: URL { root.appendingPathComponent(Lockfile.fileName) }

    /// The lockfile, or an empty one when the practice has none yet.
    public func lockfile() throws(PackError) -> Lockfile {
        guard FileIO.exists(lockfileURL) else { return Lockfile() }
        return try Lockfile(
            parsing: FileIO.read(lockfileURL, limit: 1 << 20, what: "carryover.lock"))
    }

    /// Every installed version of every pack, sorted by id then version.
    public func installed() throws(PackError) -> [InstalledPack] {
        let lock = try lockfile()
        var result: [InstalledPack] = []
        for id in try folderNames(packsFolder) {
            for versionName in try folderNames(packsFolder.appendingPathComponent(id)) {
                guard let version = SemanticVersion(versionName) else { continue }
                let folder = packsFolder.appendingPathComponent(id).appendingPathComponent(
                    versionName)
                let signature = try Pack.signature(at: folder, limits: limits)
                let digest = try Pack.readChecksums(at: folder, limits: limits).digest
                let pin = lock.pin(for: id)
                result.append(
                    InstalledPack(
                        id: id, version: version, checksumsSHA256: digest, keyID: signature.keyID,
                        folder: folder,
                        isPinned: pin?.version == version && pin?.checksumsSHA256 == digest))
            }
        }
        return result.sorted { ($0.id, $0.version) < ($1.id, $1.version) }
    }

    /// Removes a pack: one version, or with `version` nil every version and its pin.
    ///
    /// Refuses to remove only the pinned version; upgrade to another first.
    public func remove(id: String, version: SemanticVersion? = nil) throws(PackError) {
        try withStaging { staging throws(PackError) in
            let original = try lockfile()
            var lock = original
            let idFolder = packsFolder.appendingPathComponent(id)
            let target =
                version.map { idFolder.appendingPathComponent($0.description) } ?? idFolder
            guard ReverseDNS.isValid(id), FileIO.exists(target) else {
                throw PackError(
                    .notFound,
                    "\(id.prefix(80)) \(version?.description ?? "") is not installed; see pack list"
                )
            }
            if let version, lock.pin(for: id)?.version == version {
                throw PackError(
                    .alreadyExists,
                    "\(id) \(version) is the pinned version; upgrade to another version first, "
                        + "or remove the whole pack")
            }
            if version == nil { lock.remove(id) }
            let trash = staging.appendingPathComponent("removed")
            try rename(target, to: trash)
            do throws(PackError) {
                if lock != original { try saveLockfile(lock) }
            } catch {
                try? rename(trash, to: target)
                throw error
            }
            // The last version gone: drop the empty id folder too.
            if (try? FileManager.default.contentsOfDirectory(atPath: idFolder.path))?.isEmpty
                == true
            {
                FileIO.removeIfPresent(idFolder)
            }
        }
    }

    func saveLockfile(_ lock: Lockfile) throws(PackError) {
        try FileIO.writeAtomically(Data(lock.toml.utf8), to: lockfileURL)
    }

    /// Runs `body` with a fresh folder inside the practice, removed afterwards
    /// whatever happens; same file system, so renames out of it are atomic.
    ///
    /// Holds an exclusive `flock` on the practice folder itself meanwhile, so two
    /// processes never interleave changes to packs and the lockfile, and no
    /// lock file is left behind.
    func withStaging<T>(_ body: (URL) throws(PackError) -> T) throws(PackError) -> T {
        let folder = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)  // no child inherits the lock
        guard folder >= 0 else {
            throw PackError(
                .notFound, "the practice folder \(root.path) does not exist; create it first")
        }
        defer { close(folder) }
        guard Self.lock(folder) else {
            throw PackError(
                .busy, "another carryover is changing this practice's packs; try again when it ends"
            )
        }
        let staging = root.appendingPathComponent(
            ".staging-\(UUID().uuidString)", isDirectory: true)
        try FileIO.createDirectory(staging)
        defer { FileIO.removeIfPresent(staging) }
        return try body(staging)
    }

    /// Takes the exclusive lock, waiting up to two seconds. A lock held that
    /// briefly is no other change: a process this one spawns on another
    /// thread holds a copy of every descriptor between its fork and its exec
    /// (so the lock of a change that just ended), and a short change by
    /// another process ends on its own.
    private static func lock(_ folder: Int32) -> Bool {
        let deadline = ContinuousClock.now + .seconds(2)
        while flock(folder, LOCK_EX | LOCK_NB) != 0 {
            guard ContinuousClock.now < deadline else { return false }
            usleep(20_000)
        }
        return true
    }

    func rename(_ source: URL, to destination: URL) throws(PackError) {
        guard Foundation.rename(source.path, destination.path) == 0 else {
            throw PackError(
                .io, "cannot move \(source.lastPathComponent) into place; check permissions")
        }
    }

    private func folderNames(_ folder: URL) throws(PackError) -> [String] {
        guard FileIO.exists(folder) else { return [] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
                !$0.hasPrefix(".")
            }.sorted()
        } catch {
            throw PackError(.io, "cannot list \(folder.path); check its permissions", cause: error)
        }
    }
}
