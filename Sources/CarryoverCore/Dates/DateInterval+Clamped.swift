import Foundation

extension DateInterval {
    /// The interval from `start` to `end`, empty at `start` when `end` comes
    /// first. `DateInterval(start:end:)` traps on that order, and it is
    /// reachable from input: a clock that is off, a time given by hand, two
    /// processes whose clocks disagree.
    public static func clamped(_ start: Date, _ end: Date) -> DateInterval {
        DateInterval(start: start, end: max(start, end))
    }
}
