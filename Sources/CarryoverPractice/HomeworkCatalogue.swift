import CarryoverCore
import CarryoverLua
import CarryoverManifest
import CarryoverModalities
import CarryoverPacks
import Foundation

/// A homework type's Lua source and where it came from.
public struct HomeworkSource: Sendable, Hashable {
    public let id: String
    public let version: String
    public let title: String
    /// The file name shown in errors (e.g. "thought_record.lua").
    public let file: String
    public let source: String
    /// "built-in" or "pack <id> <version>".
    public let origin: String
}

/// Every homework type a practice can assign: the built-in modalities
/// carried in the binary and the homework types of its installed, trusted
/// packs. A pack's version of a built-in id takes precedence when newer.
///
/// A lookup verifies only the pack that holds the homework type asked for,
/// once per process (`PackSourceCache`); a built-in type asked for at its
/// own version reads no pack at all.
public struct HomeworkCatalogue: Sendable {
    let shelf: PackShelf
    let usage: PracticeUsage?

    package init(shelf: PackShelf, usage: PracticeUsage? = nil) {
        self.shelf = shelf
        self.usage = usage
    }

    /// The newest version of every homework type, by id.
    public func available() throws -> [HomeworkSource] {
        var newest: [String: HomeworkSource] = [:]
        for candidate in try builtIn() + packed() {
            if let current = newest[candidate.id], !Self.isNewer(candidate, than: current) {
                continue
            }
            newest[candidate.id] = candidate
        }
        return newest.values.sorted { $0.id < $1.id }
    }

    /// Homework type `id` at `version`, or its newest version when `version` is nil.
    ///
    /// - Throws: ``PracticeError`` `.notFound` with the closest ids.
    public func source(id: String, version: String? = nil) throws -> HomeworkSource {
        let shipped = builtIn().filter { $0.id == id }
        // A built-in at the version asked for wins over any pack's (ties go to the binary).
        if let version, let exact = shipped.first(where: { $0.version == version }) {
            return exact
        }
        var best = version == nil ? shipped.max { Self.isNewer($1, than: $0) } : nil
        // Packs whose manifests list the type, newest first: the first that
        // verifies against a trusted key and beats the built-in is the answer.
        let listed = try PackSourceCache.shared.listing(shelf).flatMap { item in
            item.homework.filter {
                $0.id == id && (version == nil || $0.version.description == version)
            }
            .map { (item.pack, $0.version) }
        }.sorted { $0.1 > $1.1 }
        for (pack, packVersion) in listed {
            if let best, let current = SemanticVersion(best.version), current >= packVersion {
                break
            }
            guard
                let found = try verified(pack)?.first(where: {
                    $0.id == id && $0.version == packVersion.description
                })
            else { continue }
            best = found
            break
        }
        if let best { return best }
        let all = try builtIn() + packed()
        if let version, all.contains(where: { $0.id == id }) {
            throw PracticeError(
                .notFound,
                "homework type \(id) version \(version) is not installed; install the pack that has it"
            )
        }
        let ids = Set(all.map(\.id)).sorted()
        throw PracticeError(
            .notFound,
            "no homework type '\(id)'.\(Suggestions.hint(for: id, among: ids)) "
                + "See the list with 'carryover types'.")
    }

    private func builtIn() -> [HomeworkSource] {
        ModalityCatalogue.all.map {
            HomeworkSource(
                id: $0.id, version: $0.version, title: $0.title, file: $0.main,
                source: $0.mainSource, origin: "built-in")
        }
    }

    /// Homework types of every installed pack whose files still verify
    /// against a trusted key.
    private func packed() throws -> [HomeworkSource] {
        try PackSourceCache.shared.listing(shelf).flatMap { try verified($0.pack) ?? [] }
    }

    /// The pack's homework sources when its key is trusted (verified once
    /// per process); nil for a pack whose key is unknown or revoked.
    private func verified(_ pack: InstalledPack) throws -> [HomeworkSource]? {
        guard let key = try shelf.trustStore.key(pack.keyID), key.status == .trusted else {
            return nil
        }
        return try PackSourceCache.shared.sources(
            of: pack, key: key.publicKey, limits: shelf.limits, usage: usage)
    }

    private static func isNewer(_ a: HomeworkSource, than b: HomeworkSource) -> Bool {
        guard let va = SemanticVersion(a.version), let vb = SemanticVersion(b.version) else {
            return false
        }
        return va > vb
    }
}

extension HomeworkCatalogue {
    /// Why homework type `id` at `version`, which an assignment was made
    /// with, cannot be loaded now: its pack's key was revoked (`.revoked`),
    /// or no installed pack carries it any more (`.notFound`). History made
    /// with it stays readable; only new work with it is refused.
    func unavailable(id: String, version: String, cause: PracticeError) -> PracticeError {
        let carrying = ((try? shelf.installed()) ?? []).filter { pack in
            let url = pack.folder.appendingPathComponent(PackManifest.fileName)
            let manifest = (try? Data(contentsOf: url)).flatMap { try? PackManifest(parsing: $0) }
            return manifest?.homework.contains {
                $0.id == id && $0.version.description == version
            } == true
        }
        let keep =
            "what was logged with it stays readable; to go on, upgrade the assignment "
            + "to a trusted version ('carryover assignment upgrade') or make a new assignment"
        for pack in carrying {
            let key = try? shelf.trustStore.key(pack.keyID)
            if key?.status == .revoked {
                return PracticeError(
                    .revoked,
                    "homework type \(id) \(version) comes from pack \(pack.id) \(pack.version), "
                        + "signed by key \(pack.keyID), which was revoked; new entries are "
                        + "refused, \(keep)", cause: cause)
            }
            if key == nil {
                return PracticeError(
                    .revoked,
                    "homework type \(id) \(version) comes from pack \(pack.id) \(pack.version), "
                        + "signed by key \(pack.keyID), which this practice no longer trusts; "
                        + "new entries are refused, \(keep)", cause: cause)
            }
        }
        return PracticeError(
            .notFound,
            "homework type \(id) \(version) is no longer installed (its pack was removed); new "
                + "entries are refused, \(keep)", cause: cause)
    }
}
