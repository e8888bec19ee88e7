import CarryoverCore
import CarryoverStore
import Foundation

extension Practice {
    /// The answer for an entry stored before: its feedback and flags again,
    /// nothing new earned, the progress as it stands.
    func replay(_ entryID: String, of assignment: Assignment) async throws -> LogOutcome {
        guard
            let entry = try await store.entries(.init(assignmentID: assignment.id))
                .first(where: { $0.id == entryID })
        else { throw StoreError.notFound("entry", entryID) }
        let type = try homeworkType(
            assignment.homeworkType, version: assignment.homeworkVersion, seed: assignment.seed)
        let params = type.declaration.applyingParamDefaults(to: assignment.params)
        let scope = assignment.clientID
        let progress = try await progress(of: assignment, now: clock.now())
        let state = try await assignmentState(assignment)
        // A supporter's confirmation or informant form runs no hook.
        let homework = entry.kind == .homework
        return LogOutcome(
            entry: entry,
            feedback: homework
                ? try type.feedback(entry: entry.fields, params: params, scope: scope) : nil,
            flags: homework
                ? try type.flags(entry: entry.fields, params: params, scope: scope) : [],
            reinforcement: [], balance: Self.balance(assignment, state),
            completion: progress.completion,
            occurrence: assignment.schedule.occurrence(
                for: entry.performedAt, excluding: assignment.pauses(until: entry.loggedAt)),
            next: progress.next, progress: state.progress, streak: progress.streak.current,
            replayed: true)
    }
}
