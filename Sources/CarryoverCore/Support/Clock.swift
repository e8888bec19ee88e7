import Foundation

/// Where the engine reads "now". Injected so tests and plugin runs are
/// reproducible; the CLI passes ``SystemClock``.
public protocol WallClock: Sendable {
    func now() -> Date
}

/// The machine's clock.
public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that always answers the same instant.
public struct FixedClock: WallClock {
    public let instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public func now() -> Date { instant }
}

/// The instant hooks see as `clock.now()` while one entry is being handled:
/// when the client did the homework (`log --at`), not when it was typed in,
/// so a back-dated entry is judged on its own day.
package enum EntryMoment {
    /// The entry's moment, while one is set (see `Practice.log`).
    @TaskLocal package static var current: Date?
}

/// A clock that answers `EntryMoment.current` while one is set, and
/// `base`'s time otherwise: the clock a practice gives its plugins.
package struct EntryClock: WallClock {
    package let base: any WallClock
    package init(base: any WallClock) { self.base = base }
    package func now() -> Date { EntryMoment.current ?? base.now() }
}
