import CarryoverCore
import Foundation
import Testing

@testable import CarryoverStore

/// Assignments are decoded once per stored text (DecodedAssignments): the
/// portal reads a form's assignment twice per submission.
@Suite struct DecodedAssignmentsTests {
    @Test func theSameTextIsDecodedOnceAndAChangedOneAfresh() throws {
        let cache = DecodedAssignments()
        let stored = try StoreCoding.encode(Fixture.assignment())
        let first = try cache.assignment(from: stored)
        let again = try cache.assignment(from: stored)
        #expect(first == again && first == Fixture.assignment())
        #expect(cache.decodes == 1)

        let paused = try StoreCoding.encode(Fixture.assignment(status: .paused))
        #expect(try cache.assignment(from: paused).status == .paused)
        #expect(try cache.assignment(from: stored).status == .active)
        #expect(cache.decodes == 2)
    }

    // Past the limit the cache starts over: the first text is decoded again.
    @Test func atMostTheLimitIsKept() throws {
        let cache = DecodedAssignments()
        let texts = try (0...DecodedAssignments.limit).map {
            try StoreCoding.encode(Fixture.assignment("a-\($0)"))
        }
        for text in texts { _ = try cache.assignment(from: text) }
        _ = try cache.assignment(from: texts[0])
        #expect(cache.decodes == DecodedAssignments.limit + 2)
    }

    @Test func aTextThatIsNoAssignmentIsRefusedAndNotKept() throws {
        let cache = DecodedAssignments()
        #expect(throws: StoreError.self) { try cache.assignment(from: "{}") }
        #expect(throws: StoreError.self) { try cache.assignment(from: "{}") }
        #expect(cache.decodes == 0)
    }
}
