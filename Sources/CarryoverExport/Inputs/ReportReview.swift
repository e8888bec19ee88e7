import CarryoverCore

/// One decision taken at a session review, for the report's timeline.
public struct ReportReviewDecision: Sendable, Hashable, Codable {
    /// The local day of the review.
    public var date: LocalDate
    public var assignmentID: String
    public var title: String
    /// Done over due since the previous review, as counted at the review ("3 of 4").
    public var adherence: String
    /// The client's mean rating and the therapist's, in words ("3.5/5 (2)", "4/5").
    public var clientRating: String?
    public var therapistRating: String?
    /// What got in the way, in words.
    public var barriers: [String]
    /// continue, modify, replace or stop.
    public var decision: String
    public var reason: String
    /// What the decision changed ("version 2 from 2026-12-04: ...").
    public var change: String?

    public init(
        date: LocalDate, assignmentID: String, title: String, adherence: String,
        clientRating: String? = nil, therapistRating: String? = nil, barriers: [String] = [],
        decision: String, reason: String, change: String? = nil
    ) {
        self.date = date
        self.assignmentID = assignmentID
        self.title = title
        self.adherence = adherence
        self.clientRating = clientRating
        self.therapistRating = therapistRating
        self.barriers = barriers
        self.decision = decision
        self.reason = reason
        self.change = change
    }
}

extension ReportSections {
    /// The session reviews' decisions, oldest first; nothing when none was held.
    static func reviews(_ report: ClientReport) -> String {
        guard !report.reviews.isEmpty else { return "" }
        let rows = report.reviews.map { item in
            [
                item.date.description, "\(item.assignmentID) \(item.title)", item.adherence,
                [
                    item.clientRating.map { "client \($0)" },
                    item.therapistRating.map { "therapist \($0)" },
                ]
                .compactMap { $0 }.joined(separator: ", "),
                item.barriers.joined(separator: ", "),
                item.decision + (item.change.map { ": \($0)" } ?? ""), item.reason,
            ]
        }
        return section(
            "reviews", "Session reviews",
            table(
                ["Date", "Assignment", "Done", "Quality", "In the way", "Decision", "Why"],
                numeric: [], rows))
    }
}
