import Foundation

/// What a therapist changes in a running assignment; nil parts stay as they are.
public struct AssignmentModification: Sendable, Hashable {
    public var params: Value?
    public var schedule: Schedule?
    public var completion: CompletionRule?
    public var reinforcement: ReinforcementPlan?

    /// A modification; leave out what stays the same.
    public init(
        params: Value? = nil, schedule: Schedule? = nil, completion: CompletionRule? = nil,
        reinforcement: ReinforcementPlan? = nil
    ) {
        self.params = params
        self.schedule = schedule
        self.completion = completion
        self.reinforcement = reinforcement
    }
}

extension Assignment.Status {
    /// Where an assignment in this status may go: active and paused swap,
    /// both may end as completed or abandoned, and an ended one stays ended.
    public var allowedNext: [Assignment.Status] {
        switch self {
        case .active: [.paused, .completed, .abandoned]
        case .paused: [.active, .completed, .abandoned]
        case .completed, .abandoned: []
        }
    }

    /// Completed and abandoned assignments never change again.
    public var isFinal: Bool { allowedNext.isEmpty }
}

extension Assignment {
    /// Moves the assignment to `next` and records the move with its reason.
    ///
    /// - Throws: ``CoreError`` `.invalidTransition` naming the moves allowed
    ///   from the current status, or when the reason is empty or the time is
    ///   earlier than the last recorded change.
    public mutating func transition(to next: Status, at time: Date, reason: String)
        throws(CoreError)
    {
        guard status.allowedNext.contains(next) else {
            let allowed = status.allowedNext.map(\.rawValue)
            let options =
                allowed.isEmpty
                ? "\(status.rawValue) is final; make a new assignment instead"
                : "from \(status.rawValue) it can become \(allowed.joined(separator: ", "))"
            throw CoreError(
                .invalidTransition,
                "cannot change assignment \(id) from \(status.rawValue) to \(next.rawValue): "
                    + options
            )
        }
        try checkChange(at: time, reason: reason)
        history.append(
            AssignmentChange(
                at: time, what: "status \(status.rawValue) -> \(next.rawValue)", reason: reason,
                status: .init(from: status, to: next)))
        status = next
    }

    /// Applies a therapist's change of params, schedule, completion rule or
    /// reinforcement as a new version from the local day of `time` on (see
    /// ``modify(_:from:at:reason:)``).
    public mutating func modify(
        _ modification: AssignmentModification, at time: Date, reason: String
    ) throws(CoreError) {
        try modify(modification, from: LocalDate(time, in: schedule.zone), at: time, reason: reason)
    }

    /// The intervals the assignment was paused, from its history; a pause
    /// still running ends at `now`. Pass them to the schedule's queries.
    public func pauses(until now: Date) -> [DateInterval] {
        var result: [DateInterval] = []
        var pausedSince: Date?
        for change in history {
            guard let move = change.status else { continue }
            if move.to == .paused {
                pausedSince = change.at
            } else if move.from == .paused, let since = pausedSince {
                result.append(.clamped(since, change.at))
                pausedSince = nil
            }
        }
        if let since = pausedSince {
            result.append(.clamped(since, now))
        }
        return result
    }

    func checkChange(at time: Date, reason: String) throws(CoreError) {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CoreError(
                .invalidTransition,
                "give a reason for the change; it is kept in the assignment's history")
        }
        let latest = history.last?.at ?? createdAt
        guard time >= latest else {
            throw CoreError(
                .invalidTransition,
                "a change to assignment \(id) cannot be dated before its last recorded change; "
                    + "check the clock")
        }
    }
}
