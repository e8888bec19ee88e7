import Foundation

extension Schedule {
    /// The occurrence each instant counts for, among `occurrences` (sorted by
    /// index, as ``occurrences(in:excluding:)`` returns them, pauses already
    /// left out): the same answer as ``occurrence(for:excluding:)`` for every
    /// instant those occurrences cover, by binary search instead of a fresh
    /// computation per entry (a year of entries is a year of lookups).
    public func matching(_ instants: [Date], among occurrences: [Occurrence]) -> [Occurrence?] {
        instants.map { instant in
            // Late limits grow with the index: find the first one not yet past.
            var low = 0
            var high = occurrences.count
            while low < high {
                let middle = (low + high) / 2
                if lateLimit(of: occurrences[middle]) < instant {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
            // The oldest occurrence still taking entries; later ones open later.
            guard low < occurrences.count, occurrences[low].start <= instant else { return nil }
            return occurrences[low]
        }
    }
}
