import CarryoverCore
import CarryoverExport
import Foundation

extension Practice {
    /// A review's decisions as the report's timeline shows them.
    static func reportDecisions(_ review: SessionReview, zone: TimeZone)
        -> [ReportReviewDecision]
    {
        review.items.map { item in
            ReportReviewDecision(
                date: LocalDate(review.heldAt, in: zone), assignmentID: item.assignmentID,
                title: item.title,
                adherence: item.adherence.due == 0
                    ? "nothing due" : "\(item.adherence.done) of \(item.adherence.due)",
                clientRating: item.clientRating.map {
                    String(format: "%.1f/5 (%d)", $0.mean, $0.count)
                },
                therapistRating: item.therapistRating.map { "\($0)/5" },
                barriers: item.barriers.map(\.label) + (item.barrierNote.map { [$0] } ?? []),
                decision: item.decision.rawValue, reason: item.reason, change: item.change)
        }
    }
}
