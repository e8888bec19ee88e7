import CarryoverCore
import CarryoverTestSupport
import Foundation

@testable import CarryoverPractice

/// A fresh practice in a temporary folder with a clock the test moves.
final class PracticeFixture {
    let scratch: TemporaryFolder
    let practice: Practice
    var folder: URL { scratch.url }

    init(now: Date) throws {
        scratch = try TemporaryFolder(prefix: "carryover-practice")
        practice = try Practice.create(at: scratch.url, clock: FixedClock(now))
    }

    /// The same practice seen at another instant.
    func at(_ instant: Date) throws -> Practice {
        try Practice.open(at: folder, clock: FixedClock(instant))
    }
}

/// An instant from ISO 8601 text ("2026-11-30T19:30:00Z").
func instant(_ text: String) -> Date {
    // A literal of the test's own: `try!` keeps call sites one line.
    try! StrictDate.instant(text)
}
