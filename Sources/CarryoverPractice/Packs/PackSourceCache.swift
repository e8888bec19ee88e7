import CarryoverManifest
import CarryoverPacks
import Crypto
import Foundation
import Synchronization

/// What a practice's installed packs hold, kept for the life of the process:
/// the list of installed packs with the homework types their manifests name
/// (read again when a pack is installed or removed: the shelf's folder names,
/// inodes and modification times changed), and the homework sources of each
/// pack once it verified. A pack is verified once per process, and only
/// when a homework type it holds is asked for; a long-lived server sees
/// packs installed or removed since without restarting.
///
/// Keys are not cached: the trust store is read at every lookup, so a
/// revoked key refuses its packs at once.
final class PackSourceCache: Sendable {
    /// One installed pack and the homework types its manifest lists (not yet verified).
    struct Listed: Sendable {
        let pack: InstalledPack
        let homework: [PackManifest.Homework]
    }

    /// The cache every practice of this process shares.
    static let shared = PackSourceCache()

    private let listings = Mutex<[String: (stamp: [String], packs: [Listed])]>([:])
    private let verified = Mutex<[String: [HomeworkSource]]>([:])

    /// The installed packs of `shelf`, re-read only when the shelf changed.
    func listing(_ shelf: PackShelf) throws -> [Listed] {
        let stamp = Self.stamp(shelf.packsFolder)
        if let cached = listings.withLock({ $0[shelf.root.path] }), cached.stamp == stamp {
            return cached.packs
        }
        let packs = try shelf.installed().map { pack in
            let url = pack.folder.appendingPathComponent(PackManifest.fileName)
            let manifest = try? PackManifest(parsing: Data(contentsOf: url))
            return Listed(pack: pack, homework: manifest?.homework ?? [])
        }
        listings.withLock { $0[shelf.root.path] = (stamp, packs) }
        return packs
    }

    /// The homework sources of `pack`, verified against `key` the first time
    /// they are asked for; the Lua read is checked against the verified
    /// checksums, so what runs is what was signed.
    func sources(
        of pack: InstalledPack, key: PublicKey, limits: PackLimits, usage: PracticeUsage?
    ) throws -> [HomeworkSource] {
        let name = [
            pack.folder.path, pack.checksumsSHA256, key.keyID.description,
            Self.stamp(of: pack.folder),
        ].joined(separator: "\n")
        if let sources = verified.withLock({ $0[name] }) { return sources }
        let checked = try Pack.verify(at: pack.folder, publicKey: key, limits: limits)
        usage?.count("verify")
        let digests = Dictionary(
            checked.checksums.entries.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        var sources: [HomeworkSource] = []
        for homework in checked.manifest.homework {
            // Read and checked by the verification, with the shared manifest rules.
            guard let manifest = checked.homework[homework.path] else { continue }
            let path = homework.path + "/" + manifest.main
            let data = try Data(contentsOf: pack.folder.appendingPathComponent(path))
            guard digests[path] == hex(SHA256.hash(data: data)) else {
                throw PracticeError(
                    .pluginFailed,
                    "\(path) of pack \(pack.id) \(pack.version) changed after it was verified; "
                        + "reinstall the pack from the publisher's copy")
            }
            sources.append(
                HomeworkSource(
                    id: manifest.id, version: manifest.version.description, title: manifest.title,
                    file: manifest.main, source: String(decoding: data, as: UTF8.self),
                    origin: "pack \(pack.id) \(pack.version)"))
        }
        verified.withLock { $0[name] = sources }
        return sources
    }

    /// The names, inodes and modification times of `packs/`, its pack
    /// folders and their version folders: any install or removal changes it.
    static func stamp(_ packsFolder: URL) -> [String] {
        var stamp = [stamp(of: packsFolder)]
        for id in names(in: packsFolder) {
            let idFolder = packsFolder.appendingPathComponent(id)
            stamp.append(id + " " + self.stamp(of: idFolder))
            for version in names(in: idFolder) {
                stamp.append(
                    id + "/" + version + " "
                        + self.stamp(of: idFolder.appendingPathComponent(version)))
            }
        }
        return stamp
    }

    /// A file's inode and modification time in nanoseconds ("-" when it is missing).
    static func stamp(of url: URL) -> String {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return "-" }
        return "\(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    private static func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
    }
}
