import Foundation

/// One time a schedule asks for the homework, with a stable index.
///
/// The index of an occurrence never changes once the schedule is made: the
/// n-th occurrence is the n-th whatever is logged, paused or edited later.
public struct Occurrence: Sendable, Hashable, Codable {
    /// 0-based position in the schedule's sequence.
    public var index: Int
    /// When the occurrence opens (for an all-day occurrence, local midnight).
    public var start: Date
    /// When it is due; entries up to `due` plus the grace window count for it.
    public var due: Date
    public var allDay: Bool

    public init(index: Int, start: Date, due: Date, allDay: Bool) {
        self.index = index
        self.start = start
        self.due = due
        self.allDay = allDay
    }
}
