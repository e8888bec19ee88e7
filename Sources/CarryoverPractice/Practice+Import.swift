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
    ///
    /// Lines are checked and scored on `workers` workers at once (by default
    /// one per core), each loading its own copy of a plugin (Lua states are
    /// never shared), and are committed in file order all the same: batches,
    /// progress and resume are those of one worker. A small file runs on one.
    public func importEntries(
        path: String, strict: Bool, batchSize: Int = 1_000, workers: Int? = nil
    ) async throws -> ImportReport {
        let count = max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
        // Each batch retires its assignments' digests. They are not computed
        // again here: that reads every entry of the assignment at once (273 MiB
        // after 200,000 lines, against the import's bound of 80 MiB); the
        // caseload computes a retired one from the entries, and the next
        // entry logged keeps it again.
        return try await EntryImporter(
            store: store, validators: (0..<count).map { _ in lineValidator() },
            batchSize: batchSize, strict: strict, clock: clock
        ).run(path: path)
    }

    /// A validator for one worker, with its own loaded homework types.
    private func lineValidator() -> EntryLineValidator {
        let loader = HomeworkTypeCache(practice: self)
        return EntryLineValidator(
            check: { assignment, fields in
                do {
                    let hooks = try loader.hooks(for: assignment)
                    return try hooks.type.validate(
                        entry: fields, params: hooks.filled, scope: hooks.scope
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
            score: { assignment, fields in try loader.scores(assignment, fields) },
            // Imported history raises its risks like logged entries do.
            flags: { assignment, fields in try loader.flags(assignment, fields) })
    }
}

/// One loaded homework type per assignment, already scoped to its client
/// with its params filled, so a large import loads each once; and the scores
/// of the line in hand, so its `flags` hook does not run `score` again.
final class HomeworkTypeCache {
    private let practice: Practice
    private var loaded: [String: EntryHooks] = [:]
    /// The last line's scores, while its flags are still to come.
    private var scored: (assignmentID: String, fields: Value, scores: EntryScores)?

    init(practice: Practice) {
        self.practice = practice
    }

    /// The type's entry hooks with the assignment's params and client.
    func hooks(for assignment: Assignment) throws -> EntryHooks {
        if let hooks = loaded[assignment.id] { return hooks }
        let hooks = EntryHooks(
            try practice.loggableType(of: assignment), assignmentParams: assignment.params,
            clientID: assignment.clientID, usage: practice.usage)
        loaded[assignment.id] = hooks
        return hooks
    }

    /// A line's scores by the plugin, kept for its flags.
    func scores(_ assignment: Assignment, _ fields: Value) throws -> [String: Double] {
        let scores = try hooks(for: assignment).scores(fields)
        scored = (assignment.id, fields, scores)
        return scores.numbers
    }

    /// A line's flags, given its scores when the plugin computed them (a
    /// line that brings its own scores has the hook compute them).
    func flags(_ assignment: Assignment, _ fields: Value) throws -> [PluginFlag] {
        defer { scored = nil }
        let known = scored.flatMap {
            $0.assignmentID == assignment.id && $0.fields == fields ? $0.scores : nil
        }
        return try hooks(for: assignment).flags(fields, scores: known)
    }
}
