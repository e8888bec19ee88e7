import Foundation

/// The review that opens a session: for each assignment since the last
/// review, how much was done, how well, what got in the way, and what the
/// therapist decided. Stored once and never changed; the report shows the
/// decisions as a timeline and the exports carry them.
public struct SessionReview: Sendable, Hashable, Codable, Identifiable {
    /// Stable id, made from the client's (e.g. "c-017-r1").
    public var id: String
    public var clientID: String
    /// When the review was held.
    public var heldAt: Date
    /// When the previous review was held; nil for the first one.
    public var since: Date?
    /// Who held it (the acting therapist).
    public var reviewer: String
    /// One item per assignment reviewed, in assignment order.
    public var items: [ReviewItem]

    public init(
        id: String, clientID: String, heldAt: Date, since: Date?, reviewer: String,
        items: [ReviewItem]
    ) {
        self.id = id
        self.clientID = clientID
        self.heldAt = heldAt
        self.since = since
        self.reviewer = reviewer
        self.items = items
    }
}

/// One assignment in a review: what was seen and what was decided.
public struct ReviewItem: Sendable, Hashable, Codable {
    public var assignmentID: String
    /// The homework type's title, as assigned.
    public var title: String
    /// The stretch the review looks at: from the previous review (or the
    /// assignment's start) to the review.
    public var from: Date
    /// Done over due in that stretch, as the engine counted it at the review.
    public var adherence: AdherenceCount
    /// The client's own ratings from the portal in that stretch.
    public var clientRating: RatingSummary?
    /// The therapist's rating of how well it was done, 1-5.
    public var therapistRating: Int?
    public var barriers: [ReviewBarrier]
    /// What else got in the way, in the therapist's words.
    public var barrierNote: String?
    public var decision: ReviewDecision
    public var reason: String
    /// What the decision changed, in words ("version 2 from 2026-10-26:
    /// schedule ...", "replaced by c-017-4"); nil for continue.
    public var change: String?
    /// The new assignment, for a replace decision.
    public var replacementID: String?

    public init(
        assignmentID: String, title: String, from: Date, adherence: AdherenceCount,
        clientRating: RatingSummary? = nil, therapistRating: Int? = nil,
        barriers: [ReviewBarrier] = [], barrierNote: String? = nil, decision: ReviewDecision,
        reason: String, change: String? = nil, replacementID: String? = nil
    ) {
        self.assignmentID = assignmentID
        self.title = title
        self.from = from
        self.adherence = adherence
        self.clientRating = clientRating
        self.therapistRating = therapistRating
        self.barriers = barriers
        self.barrierNote = barrierNote
        self.decision = decision
        self.reason = reason
        self.change = change
        self.replacementID = replacementID
    }
}

/// The mean of the client's own quality ratings over a stretch.
public struct RatingSummary: Sendable, Hashable, Codable {
    public var mean: Double
    public var count: Int

    public init(mean: Double, count: Int) {
        self.mean = mean
        self.count = count
    }

    /// The summary of `ratings`, or nil when there are none.
    public init?(_ ratings: [Int]) {
        guard !ratings.isEmpty else { return nil }
        self.init(
            mean: Double(ratings.reduce(0, +)) / Double(ratings.count), count: ratings.count)
    }
}

/// What the therapist decides about an assignment at a review.
public enum ReviewDecision: String, Sendable, Hashable, Codable, CaseIterable {
    /// Keep it as it is.
    case `continue`
    /// New schedule, rule or reinforcement, as a new version from today.
    case modify
    /// End it and give another assignment in its place.
    case replace
    /// End it.
    case stop
}

/// What got in the way of the homework: the categories the therapist asks about.
public enum ReviewBarrier: String, Sendable, Hashable, Codable, CaseIterable {
    case motivation
    case unclearInstructions = "unclear-instructions"
    case time
    case forgot
    case tooHard = "too-hard"

    /// In words, for the report and prompts.
    public var label: String {
        switch self {
        case .motivation: "motivation"
        case .unclearInstructions: "unclear instructions"
        case .time: "time"
        case .forgot: "forgot"
        case .tooHard: "too hard"
        }
    }
}

/// How a quality rating reads: 1 to 5, for the client's portal question and
/// the therapist's rating at a review.
public enum QualityRating {
    /// The scale's points.
    public static let scale = 1...5

    /// The client's optional last question on every portal form.
    public static let field = FieldSpec(
        name: "quality",
        kind: .rating(
            min: 1, max: 5,
            anchors: [
                Choice(value: .int(1), label: "not well"),
                Choice(value: .int(5), label: "very well"),
            ]),
        label: "How well did this practice go?", optional: true)
}
