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
    /// A streak of 0 is not shown: it discourages and says nothing.
    let hasStreak: Bool
    /// Saved after its due time (and any grace): it counts for no occurrence.
    let late: Bool
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
        hasStreak = outcome.streak > 0
        late = outcome.occurrence == nil && !outcome.replayed
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
            let items = PlanSection.items(members[field.name] ?? .null)
            return items.isEmpty ? nil : PlanSection(heading: field.label, items: items)
        }
        hasPlan = plan.plan != nil
    }
}

struct PlanSection {
    let heading: String
    let items: [PlanItem]

    /// A stored value as items: list items one each; a contact's phone
    /// number becomes a link the phone can call.
    static func items(_ value: Value) -> [PlanItem] {
        switch value {
        case .array(let items):
            return items.flatMap(Self.items)
        case .object(let members):
            let phone = members["phone"]?.string ?? ""
            let rest = value.sortedMembers!.filter { $0.key != "phone" }
                .flatMap { items($0.value).map(\.text) }
            return [PlanItem(text: rest.joined(separator: " – "), phone: phone)]
        case .null:
            return []
        default:
            return [PlanItem(text: FieldPath.text(value), phone: "")]
        }
    }
}

/// One line of the safety plan, with a number to call when there is one.
struct PlanItem {
    let text: String
    let phone: String
    let hasPhone: Bool
    /// The number as a `tel:` link takes it: digits and a leading '+'.
    let dial: String

    init(text: String, phone: String) {
        self.text = text
        self.phone = phone
        hasPhone = !phone.isEmpty
        dial = phone.filter { $0.isNumber || $0 == "+" }
    }
}
