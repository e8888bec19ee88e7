import CarryoverCore
import CarryoverStore
import Foundation

/// What a session review shows about one assignment before the therapist decides.
public struct ReviewPreparation: Sendable {
    public var assignment: Assignment
    public var title: String
    /// The start of the stretch looked at: the previous review, or the assignment's start.
    public var from: Date
    /// Done over due in the stretch.
    public var adherence: AdherenceCount
    /// The client's own ratings from the portal in the stretch.
    public var clientRating: RatingSummary?
    /// The engine's non-adherence flags, each with a likely barrier and a suggested change.
    public var suggestions: [ProgressFlag]
    /// Supporters' confirmations of practice in the stretch.
    public var confirmations: Int
}

/// A review about to be held: the assignments it covers.
public struct ReviewDraft: Sendable {
    public var clientID: String
    /// When the previous review was held; nil before the first.
    public var since: Date?
    public var items: [ReviewPreparation]
}

/// The therapist's answer about one assignment at a review.
public struct ReviewChoice: Sendable {
    public var assignmentID: String
    public var decision: ReviewDecision
    /// Why (required unless the decision is to continue).
    public var reason: String
    public var therapistRating: Int?
    public var barriers: [ReviewBarrier]
    public var barrierNote: String?
    /// Modify: the new terms (nil keeps each). Replace: the new assignment's
    /// terms (a schedule is required; the rule defaults to "done", the
    /// reinforcement to "none").
    public var schedule: String?
    public var completion: String?
    public var reinforcement: String?
    public var params: Value?
    /// Replace: the homework type of the new assignment.
    public var replacementType: String?

    public init(
        assignmentID: String, decision: ReviewDecision, reason: String = "",
        therapistRating: Int? = nil, barriers: [ReviewBarrier] = [], barrierNote: String? = nil,
        schedule: String? = nil, completion: String? = nil, reinforcement: String? = nil,
        params: Value? = nil, replacementType: String? = nil
    ) {
        self.assignmentID = assignmentID
        self.decision = decision
        self.reason = reason
        self.therapistRating = therapistRating
        self.barriers = barriers
        self.barrierNote = barrierNote
        self.schedule = schedule
        self.completion = completion
        self.reinforcement = reinforcement
        self.params = params
        self.replacementType = replacementType
    }

    /// Whether any new term is given (only modify and replace take them).
    var hasTerms: Bool {
        schedule != nil || completion != nil || reinforcement != nil || params != nil
            || replacementType != nil
    }
}

extension Practice {
    /// The assignments a review covers now (active and paused ones), each
    /// with how much was done since the last review, the client's ratings,
    /// supporters' confirmations and the engine's suggestions.
    public func prepareReview(clientID: String) async throws -> ReviewDraft {
        let client = try await client(clientID)
        let since = try await store.reviews(clientID: client.id).last?.heldAt
        let zone = TimeZone(identifier: client.timeZone) ?? .gmt
        let now = clock.now()
        var items: [ReviewPreparation] = []
        for item in try await progress(clientID: client.id)
        where !item.assignment.status.isFinal {
            let assignment = item.assignment
            let from = max(since ?? assignment.createdAt, assignment.createdAt)
            let grace = TimeInterval(assignment.schedule.graceMinutes * 60)
            let stretch = item.outcomes.filter { $0.occurrence.due >= from }
            let recent = item.entries.filter { $0.performedAt >= from }
            items.append(
                ReviewPreparation(
                    assignment: assignment, title: item.title, from: from,
                    adherence: AdherenceReport(
                        outcomes: stretch, now: now, grace: grace, timeZone: zone
                    ).overall,
                    clientRating: RatingSummary(
                        recent.filter { $0.source == .client }.compactMap(\.quality)),
                    suggestions: item.barrierFlags,
                    confirmations: recent.filter { $0.kind == .confirmation }.count))
        }
        return ReviewDraft(clientID: client.id, since: since, items: items)
    }

    /// Holds a review: one choice per assignment it covers. Modify makes a
    /// new version from today (the days before keep their terms and
    /// adherence), replace ends the assignment and makes the new one, stop
    /// ends it (completed when its rule is met, else abandoned). The review
    /// and every changed assignment are stored in one transaction.
    ///
    /// - Throws: ``PracticeError`` `.invalidInput` for a missing or extra
    ///   choice, a missing reason, a rating outside 1-5, terms on a decision
    ///   that takes none, or terms the engine refuses; `.refused` when there
    ///   is nothing to review or the client was discharged. Nothing is written then.
    public func holdReview(clientID: String, choices: [ReviewChoice]) async throws
        -> SessionReview
    {
        let client = try await client(clientID)
        try Self.requireInTreatment(client)
        let draft = try await prepareReview(clientID: client.id)
        guard !draft.items.isEmpty else {
            throw PracticeError(
                .refused, "\(client.id) has no active or paused assignment to review")
        }
        let byID = Dictionary(choices.map { ($0.assignmentID, $0) }) { first, _ in first }
        let covered = draft.items.map(\.assignment.id)
        if let extra = byID.keys.sorted().first(where: { !covered.contains($0) }) {
            throw PracticeError(
                .invalidInput,
                "\(extra) is not under review; the review covers \(covered.joined(separator: ", "))"
            )
        }
        var changed: [Assignment] = []
        var made = 0
        var followersOf: [Assignment] = []
        var items: [ReviewItem] = []
        for preparation in draft.items {
            let assignment = preparation.assignment
            guard let choice = byID[assignment.id] else {
                throw PracticeError(
                    .invalidInput,
                    "no decision for \(assignment.id); give --decision "
                        + "\(assignment.id)=continue|modify|replace|stop")
            }
            try Self.check(choice)
            var item = ReviewItem(
                assignmentID: assignment.id, title: preparation.title, from: preparation.from,
                adherence: preparation.adherence, clientRating: preparation.clientRating,
                therapistRating: choice.therapistRating, barriers: choice.barriers,
                barrierNote: choice.barrierNote, decision: choice.decision,
                reason: choice.reason.trimmingCharacters(in: .whitespacesAndNewlines))
            switch choice.decision {
            case .continue:
                break
            case .modify:
                let next = try await modified(
                    assignment, params: choice.params, schedule: choice.schedule,
                    completion: choice.completion, reinforcement: choice.reinforcement,
                    reason: item.reason, from: today(in: client.timeZone))
                item.change = next.history.last?.what
                changed.append(next)
            case .stop, .replace:
                var ended = assignment
                var replacement: Assignment?
                if choice.decision == .replace {
                    let next = try await newAssignment(
                        AssignmentRequest(
                            clientID: client.id, homeworkType: choice.replacementType ?? "",
                            params: choice.params ?? .object([:]), schedule: choice.schedule ?? "",
                            completion: choice.completion ?? "done",
                            reinforcement: choice.reinforcement ?? "none",
                            taskID: assignment.taskID),
                        earlier: made)
                    made += 1
                    replacement = next
                    item.replacementID = next.id
                }
                let met = try await progress(of: assignment).completion.met
                let status: Assignment.Status = met ? .completed : .abandoned
                let why =
                    replacement.map { "replaced by \($0.id) at review: \(item.reason)" }
                    ?? "stopped at review: \(item.reason)"
                try ended.transition(to: status, at: clock.now(), reason: why)
                item.change =
                    replacement.map { "\(status.rawValue); replaced by \($0.id)" }
                    ?? status.rawValue
                changed.append(ended)
                if let replacement { changed.append(replacement) }
                if status == .completed { followersOf.append(ended) }
            }
            items.append(item)
        }
        let review = SessionReview(
            id: "\(client.id)-r\(try await store.reviews(clientID: client.id).count + 1)",
            clientID: client.id, heldAt: clock.now(), since: draft.since, reviewer: actor.name,
            items: items)
        try await store.addReview(review, assignments: changed)
        await refreshDigests(of: changed)
        for ended in followersOf { try await startFollowers(of: ended) }
        return review
    }

    /// The client's reviews, oldest first.
    public func reviews(clientID: String) async throws -> [SessionReview] {
        try await store.reviews(clientID: try await client(clientID).id)
    }

    /// Refuses a choice that is incomplete or says more than its decision takes.
    private static func check(_ choice: ReviewChoice) throws {
        let id = choice.assignmentID
        if choice.decision != .continue,
            choice.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        {
            throw PracticeError(
                .invalidInput,
                "say why you \(choice.decision.rawValue) \(id): --reason \(id)=\"...\"")
        }
        if let rating = choice.therapistRating, !QualityRating.scale.contains(rating) {
            throw PracticeError(
                .invalidInput, "a rating is a whole number from 1 to 5; \(id) has \(rating)")
        }
        if let note = choice.barrierNote, note.count > 500 {
            throw PracticeError(.invalidInput, "keep the barrier note of \(id) to 500 characters")
        }
        switch choice.decision {
        case .continue, .stop:
            if choice.hasTerms {
                throw PracticeError(
                    .invalidInput,
                    "\(choice.decision.rawValue) takes no new terms for \(id); "
                        + "decide modify or replace to change them")
            }
        case .modify:
            if choice.replacementType != nil || !choice.hasTerms {
                throw PracticeError(
                    .invalidInput,
                    "modify needs a new --schedule, --rule, --reinforce or --params for \(id) "
                        + "(and no --replace-with)")
            }
        case .replace:
            if choice.replacementType == nil || choice.schedule == nil {
                throw PracticeError(
                    .invalidInput,
                    "replace needs the new homework type and its schedule: "
                        + "--replace-with \(id)=TYPE --schedule \(id)=\"...\"")
            }
        }
    }
}
