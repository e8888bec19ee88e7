import CarryoverCore
import CarryoverPacks
import CarryoverStore
import Foundation

extension Practice {
    /// The assignments that use a homework type of installed pack `packID`
    /// (at `version`, or at any installed version when nil): made with it,
    /// or holding entries logged with it.
    ///
    /// Removing such a pack version would leave those entries without the
    /// code that validates and scores them, so the CLI asks before it does.
    public func assignmentsUsing(packID: String, version: String? = nil) async throws -> [String] {
        let shelf = PackShelf(root: folder)
        var used = Set<String>()
        for pack in try shelf.installed()
        where pack.id == packID && (version == nil || pack.version.description == version) {
            let url = pack.folder.appendingPathComponent(PackManifest.fileName)
            let manifest = try PackManifest(parsing: Data(contentsOf: url))
            for homework in manifest.homework { used.insert("\(homework.id) \(homework.version)") }
        }
        guard !used.isEmpty else { return [] }
        var ids: [String] = []
        for client in try await store.clients() {
            for assignment in try await store.assignments(clientID: client.id, status: nil) {
                if used.contains("\(assignment.homeworkType) \(assignment.homeworkVersion)") {
                    ids.append(assignment.id)
                    continue
                }
                let entries = try await store.entries(.init(assignmentID: assignment.id))
                if entries.contains(where: {
                    used.contains("\($0.homeworkType) \($0.homeworkVersion)")
                }) {
                    ids.append(assignment.id)
                }
            }
        }
        return ids.sorted()
    }

    /// Open assignments of pack `packID`'s homework types that are on another
    /// version than the pinned pack carries, by id: after a pack upgrade the
    /// therapist moves each with ``upgrade(_:)``.
    public func assignmentsBehind(packID: String) async throws -> [(
        assignment: Assignment, newest: String
    )] {
        let manifest = try PackShelf(root: folder).pinnedPack(packID).pack.manifest
        let newest = Dictionary(
            manifest.homework.map { ($0.id, $0.version.description) },
            uniquingKeysWith: { first, _ in first })
        var behind: [(assignment: Assignment, newest: String)] = []
        for client in try await store.clients() {
            for assignment in try await store.assignments(clientID: client.id, status: nil)
            where !assignment.status.isFinal {
                guard let version = newest[assignment.homeworkType],
                    version != assignment.homeworkVersion
                else { continue }
                behind.append((assignment, version))
            }
        }
        return behind.sorted { $0.assignment.id < $1.assignment.id }
    }
}
