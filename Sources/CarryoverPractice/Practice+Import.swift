import CarryoverCore
import CarryoverErrors
import CarryoverLua
import CarryoverStore
import Foundation

extension Practice {
    /// Imports entries from a JSON Lines file in batches, each line checked
    /// by its homework type's fields and `validate` hook, scored by its
    /// `score` hook (unless the line gives scores) and flagged by its `flags`
    /// hook (a risk flag waits for acknowledgement as for a logged entry). A re-run of the same file
    /// resumes after the last whole batch.
    ///
    /// Imported entries are history: they count for adherence, streaks,
    /// completion and trends, but earn no reinforcement (reinforcement is
    /// given when an entry is logged, or it is weak).
    public func importEntries(path: String, strict: Bool, batchSize: Int = 1_000) async throws
        -> ImportReport
    {
        let loader = HomeworkTypeCache(practice: self)
        let validator = EntryLineValidator(
            check: { assignment, fields in
                do {
                    let type = try loader.type(for: assignment)
                    let params = type.declaration.applyingParamDefaults(to: assignment.params)
                    return try type.validate(
                        entry: fields, params: params, scope: assignment.clientID
                    )
                    .map(\.description)
                } catch let error as SandboxError {
                    // The code only: a plugin's message may quote the entry.
                    return ["the homework type failed on it (\(error.code.rawValue))"]
                } catch let error as any CarryoverError where error.category.isSystemFailure {
                    // Not the line's fault: the import stops and can be run again.
                    throw error
                } catch {
                    return ["the homework type could not be loaded"]
                }
            },
            score: { assignment, fields in
                try loader.hooks(for: assignment).score(fields)
            },
            // Imported history raises its risks like logged entries do.
            flags: { assignment, fields in
                try loader.hooks(for: assignment).flags(fields)
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

    /// The type's entry hooks with the assignment's params and client.
    func hooks(for assignment: Assignment) throws -> EntryHooks {
        EntryHooks(
            try type(for: assignment), assignmentParams: assignment.params,
            clientID: assignment.clientID)
    }
}
