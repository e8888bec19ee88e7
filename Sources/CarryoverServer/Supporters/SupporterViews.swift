import CarryoverCore
import CarryoverPractice
import Foundation

/// The supporter's start page.
struct SupporterStartView {
    let name: String
    let todayText: String
    let paused: Bool
    let homework: [SupporterCard]
    let hasHomework: Bool

    init(_ page: SupporterPage, todayText: String, refs: (String) -> String, now: Date) {
        name = page.name
        self.todayText = todayText
        paused = page.paused
        homework = page.homework.map { SupporterCard($0, ref: refs($0.assignmentID), now: now) }
        hasHomework = !homework.isEmpty
    }
}

/// One homework on the supporter's page: due and done (with `see`), and the
/// buttons for what the therapist allowed.
struct SupporterCard {
    let title: String
    let ref: String
    let canSee: Bool
    let due: [DueView]
    let hasDueToday: Bool
    let hasNext: Bool
    let nextText: String
    let hasConfirmed: Bool
    let confirmedText: String
    let canConfirm: Bool
    let canEncourage: Bool
    let hasInformant: Bool
    let informantTitle: String

    init(_ homework: SupporterHomework, ref: String, now: Date) {
        let zone = TimeZone(identifier: homework.timeZone) ?? .gmt
        title = homework.title
        self.ref = ref
        canSee = homework.permissions.contains(.see)
        due = DueView.list(homework.today, zone: zone, now: now)
        hasDueToday = !due.isEmpty
        hasNext = homework.nextDue != nil
        nextText = homework.nextDue.map { TimeText.moment($0, zone) } ?? ""
        hasConfirmed = !homework.confirmedToday.isEmpty
        confirmedText = homework.confirmedToday.map { TimeText.clock($0, zone) }
            .joined(separator: ", ")
        canConfirm = homework.permissions.contains(.confirm)
        canEncourage = homework.permissions.contains(.encourage)
        hasInformant = homework.informantTitle != nil
        informantTitle = homework.informantTitle ?? ""
    }
}

/// The page after a supporter's form was sent.
struct SupporterDoneView {
    let heading: String
    let message: String
    let replayed: Bool
}
