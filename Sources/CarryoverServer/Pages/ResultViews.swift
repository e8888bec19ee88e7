import CarryoverCore
import CarryoverPractice
import Foundation

/// The answer after a form was saved: feedback, what was earned, progress.
/// Flags are never shown; a risk flag shows the clinic's crisis message.
struct ResultView {
    let risk: Bool
    let crisisMessage: String
    let hasSafetyPlan: Bool
    let heading: String
    let replayed: Bool
    let feedback: String
    let hasFeedback: Bool
    let earned: [String]
    let hasEarned: Bool
    let balance: String
    let hasBalance: Bool
    let streak: Int
    let progressText: String
    let nextText: String
    let hasNext: Bool

    init(
        _ outcome: LogOutcome, crisisMessage: String, hasSafetyPlan: Bool, zone: TimeZone,
        now: Date
    ) {
        risk = outcome.flags.contains { $0.level == .risk }
        self.crisisMessage = crisisMessage
        self.hasSafetyPlan = hasSafetyPlan
        heading = outcome.replayed ? "Already saved" : "Saved – thank you"
        replayed = outcome.replayed
        feedback = outcome.feedback ?? ""
        hasFeedback = !(outcome.feedback ?? "").isEmpty
        earned = outcome.reinforcement.map(\.message)
        hasEarned = !earned.isEmpty
        balance = outcome.balance ?? ""
        hasBalance = outcome.balance != nil
        streak = outcome.streak
        progressText =
            "Progress: \(outcome.completion.progress)"
            + (outcome.completion.met ? " – goal reached" : "")
        nextText = outcome.next.map { TimeText.moment($0.due, zone) } ?? ""
        hasNext = outcome.next != nil
    }
}

/// The safety plan, section by section.
struct SafetyPlanView {
    let crisisMessage: String
    let hasPlan: Bool
    let sections: [PlanSection]

    init(_ plan: PortalSafetyPlan, crisisMessage: String) {
        self.crisisMessage = crisisMessage
        let members = plan.plan?.object ?? [:]
        sections = plan.fields.compactMap { field in
            let items = PlanSection.lines(members[field.name] ?? .null)
            return items.isEmpty ? nil : PlanSection(heading: field.label, items: items)
        }
        hasPlan = plan.plan != nil
    }
}

struct PlanSection {
    let heading: String
    let items: [String]

    /// A stored value as lines: list items one each, a record's parts joined.
    static func lines(_ value: Value) -> [String] {
        switch value {
        case .array(let items): items.flatMap(lines)
        case .object: [value.sortedMembers!.flatMap { lines($0.value) }.joined(separator: " – ")]
        case .null: []
        default: [FieldPath.text(value)]
        }
    }
}
