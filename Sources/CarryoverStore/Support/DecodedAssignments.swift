import CarryoverCore
import Synchronization

/// Assignments decoded from their stored JSON, kept by that text.
///
/// A portal form reads its assignment twice (the client's list, then the
/// engine write) and `JSONDecoder` made each an eighth of the store thread's
/// time under load (benchmark scenario 6). Decoding is a pure function of the
/// text, so the same text always gives the same assignment; a changed
/// assignment is new text and is decoded afresh. At most ``limit`` are kept:
/// past it the cache starts over, so a store of any size stays bounded.
package final class DecodedAssignments: Sendable {
    /// The cache every store of this process shares.
    package static let shared = DecodedAssignments()
    /// How many assignments are kept at most.
    package static let limit = 1_024

    private let kept = Mutex<(byText: [String: Assignment], decodes: Int)>(([:], 0))

    package init() {}

    /// Texts decoded so far (not answered from the cache).
    package var decodes: Int { kept.withLock { $0.decodes } }

    /// The assignment stored as `json`, decoded the first time only.
    package func assignment(from json: String) throws -> Assignment {
        if let known = kept.withLock({ $0.byText[json] }) { return known }
        let assignment = try StoreCoding.decode(Assignment.self, from: json, what: "assignment")
        kept.withLock { kept in
            if kept.byText.count >= Self.limit { kept.byText.removeAll(keepingCapacity: true) }
            kept.byText[json] = assignment
            kept.decodes += 1
        }
        return assignment
    }
}
