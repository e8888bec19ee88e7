import Foundation

extension Schedule {
    /// The first occurrence due after `instant`, however far ahead (a start
    /// months away, a schedule every 10 weeks); nil past the end or while an
    /// anchor is missing.
    ///
    /// Occurrences are due in index order, so this is a binary search over
    /// indices: about 24 steps whatever the schedule.
    public func firstOccurrence(dueAfter instant: Date) -> Occurrence? {
        var low = 0
        var high = min(indexLimit, Self.maximumIndex + 1)
        while low < high {
            let middle = low + (high - low) / 2
            if let occurrence = occurrence(index: middle), occurrence.due <= instant {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return occurrence(index: low)
    }
}
