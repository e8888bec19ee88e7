import CarryoverCore
import Foundation

@testable import CarryoverPractice

/// A fresh practice in a temporary folder with a clock the test moves.
final class PracticeFixture {
    let folder: URL
    let practice: Practice

    init(now: Date) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("carryover-practice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        practice = try Practice.create(at: folder, clock: FixedClock(now))
    }

    /// The same practice seen at another instant.
    func at(_ instant: Date) throws -> Practice {
        try Practice.open(at: folder, clock: FixedClock(instant))
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// An instant from ISO 8601 text ("2026-11-30T19:30:00Z").
func instant(_ text: String) -> Date {
    // A literal of the test's own: `try!` keeps call sites one line.
    try! StrictDate.instant(text)
}
