import CarryoverCore
import CarryoverLua
import CarryoverStore
import Foundation

extension Practice {
    /// Imports entries from a JSON Lines file in batches, each line checked
    /// by its homework type's fields and `validate` hook. A re-run of the
    /// same file resumes after the last whole batch.
    public func importEntries(path: String, strict: Bool, batchSize: Int = 1_000) async throws
        -> ImportReport
    {
        let loader = HomeworkTypeCache(practice: self)
        let validator = EntryLineValidator(check: { assignment, fields in
            do {
                let type = try loader.type(for: assignment)
                let params = type.declaration.applyingParamDefaults(to: assignment.params)
                return try type.validate(entry: fields, params: params, scope: assignment.clientID)
                    .map(\.description)
            } catch {
                return ["the homework type could not check it: \(error)"]
            }
        })
        return try await EntryImporter(
            store: store, validator: validator, batchSize: batchSize, strict: strict, clock: clock
        ).run(path: path)
    }
}

/// One loaded homework type per assignment, so a large import loads each once.
final class HomeworkTypeCache {
    private let practice: Practice
    private var loaded: [String: HomeworkType] = [:]

    init(practice: Practice) {
        self.practice = practice
    }

    func type(for assignment: Assignment) throws -> HomeworkType {
        if let type = loaded[assignment.id] { return type }
        let type = try practice.homeworkType(
            assignment.homeworkType, version: assignment.homeworkVersion, seed: assignment.seed)
        loaded[assignment.id] = type
        return type
    }
}
