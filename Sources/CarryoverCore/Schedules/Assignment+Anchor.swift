import Foundation

extension Assignment {
    /// Whether the schedule waits for an anchor that is not set yet.
    public var waitsForAnchor: Bool {
        if case .afterAnchor(_, nil) = schedule.start { return true }
        return false
    }

    /// Starts an assignment whose schedule waits for an anchor: the previous
    /// step was done at `anchor`, so the first day is the schedule's delay
    /// after it. The change is kept in the history with `reason`.
    ///
    /// - Parameters:
    ///   - anchor: When the previous step was done (may be before `time`).
    ///   - time: When the change is recorded.
    ///   - reason: Why, kept in the assignment's history.
    /// - Throws: ``CoreError`` `.invalidTransition` when the assignment has
    ///   ended or its schedule has a fixed start or an anchor already.
    public mutating func start(anchor: Date, at time: Date, reason: String) throws(CoreError) {
        guard !status.isFinal else {
            throw CoreError(
                .invalidTransition,
                "assignment \(id) is \(status.rawValue); it cannot be started any more")
        }
        guard waitsForAnchor else {
            let first = schedule.startDate.map { " on \($0)" } ?? ""
            throw CoreError(
                .invalidTransition,
                "assignment \(id) does not wait for a previous step: it starts\(first); "
                    + "change its schedule with 'carryover assignment modify' instead")
        }
        try checkChange(at: time, reason: reason)
        schedule = try schedule.anchored(at: anchor)
        let first = schedule.startDate.map { "first day \($0)" } ?? "anchored"
        history.append(AssignmentChange(at: time, what: "started: \(first)", reason: reason))
    }
}
