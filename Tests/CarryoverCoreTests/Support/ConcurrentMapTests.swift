import Foundation
import Testing

@testable import CarryoverCore

@Suite struct ConcurrentMapTests {
    struct Refused: Error, Equatable { let element: Int }

    /// Sizes on each side of where the work is split into shares.
    static let sizes = [0, 1, 63, 64, 65, 127, 128, 129, 1_000, 1_001]

    @Test(arguments: sizes)
    func givesWhatMapGivesInOrder(count: Int) throws {
        let numbers = Array(0..<count)
        #expect(try numbers.concurrentMap { $0 * $0 + 1 } == numbers.map { $0 * $0 + 1 })
        #expect(try numbers.concurrentMap(minimumShare: 1) { String($0) } == numbers.map(String.init))
    }

    @Test func rethrowsTheFirstErrorInElementOrder() {
        // Elements 300 and 900 fail; with two shares they fail on different
        // threads, and the earlier element's error is the one reported.
        let numbers = Array(0..<1_000)
        #expect(throws: Refused(element: 300)) {
            try numbers.concurrentMap { n -> Int in
                if n == 300 || n == 900 { throw Refused(element: n) }
                return n
            }
        }
    }
}
