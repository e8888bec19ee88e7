import CarryoverCore
import CarryoverPractice
import Foundation

/// A review and its preparation in words, for the terminal.
enum ReviewLines {
    static func print(_ draft: ReviewDraft, timeZone: String) {
        Swift.print(
            draft.since.map { "Since the last review (\(localText($0, timeZone))):" }
                ?? "First review:")
        for item in draft.items {
            Swift.print("\(item.assignment.id)  \(item.title)")
            Swift.print("  Done: \(count(item.adherence)) since \(localText(item.from, timeZone))")
            Swift.print("  Client's rating: \(rating(item.clientRating))")
            if item.confirmations > 0 {
                Swift.print("  Confirmed by supporters: \(item.confirmations)")
            }
            for flag in item.suggestions {
                Swift.print("  ! \(flag.message) Suggestion: \(flag.suggestion)")
            }
        }
        Swift.print(
            "Decide with --decision ID=continue|modify|replace|stop --reason ID=\"...\" "
                + "(see 'carryover review --help').")
    }

    static func print(_ review: SessionReview, timeZone: String) {
        Swift.print(
            "Review \(review.id), \(localText(review.heldAt, timeZone)), by \(review.reviewer)")
        for item in review.items {
            let change = item.change.map { " (\($0))" } ?? ""
            Swift.print("  \(item.assignmentID)  \(item.title): \(item.decision.rawValue)\(change)")
            Swift.print(
                "    done \(count(item.adherence)); client's rating \(rating(item.clientRating))"
                    + (item.therapistRating.map { "; your rating \($0)/5" } ?? ""))
            let barriers = item.barriers.map(\.label) + (item.barrierNote.map { [$0] } ?? [])
            if !barriers.isEmpty {
                Swift.print("    in the way: \(barriers.joined(separator: ", "))")
            }
            if !item.reason.isEmpty { Swift.print("    why: \(item.reason)") }
        }
    }

    static func count(_ adherence: AdherenceCount) -> String {
        adherence.due == 0
            ? "nothing due yet"
            : "\(adherence.done) of \(adherence.due) ("
                + "\(Int((adherence.fraction ?? 0) * 100 + 0.5))%)"
    }

    static func rating(_ summary: RatingSummary?) -> String {
        guard let summary else { return "none given" }
        return String(format: "%.1f/5 over %d entries", summary.mean, summary.count)
    }
}

/// `carryover review CLIENT --json` before deciding.
struct ReviewDraftJSON: Encodable {
    struct Item: Encodable {
        let assignmentID, title: String
        let from: Date
        let adherence: AdherenceCount
        let clientRating: RatingSummary?
        let confirmations: Int
        let suggestions: [String]
    }

    let clientID: String
    let since: Date?
    let items: [Item]

    init(_ draft: ReviewDraft) {
        clientID = draft.clientID
        since = draft.since
        items = draft.items.map {
            Item(
                assignmentID: $0.assignment.id, title: $0.title, from: $0.from,
                adherence: $0.adherence, clientRating: $0.clientRating,
                confirmations: $0.confirmations,
                suggestions: $0.suggestions.map { "\($0.message) Suggestion: \($0.suggestion)" })
        }
    }
}
