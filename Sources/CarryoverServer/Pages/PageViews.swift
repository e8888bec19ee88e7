import CarryoverCore
import CarryoverPractice
import Foundation

/// Today's page: one card per active homework.
struct TodayView {
    let todayText: String
    let homework: [HomeworkCard]
    // Stored, not computed: Mustache reads stored properties only (Mirror).
    let hasHomework: Bool

    init(todayText: String, homework: [HomeworkCard]) {
        self.todayText = todayText
        self.homework = homework
        hasHomework = !homework.isEmpty
    }
}

/// One homework on today's page: what is due by when, and the client's progress.
struct HomeworkCard {
    let title: String
    let due: [DueView]
    let hasDueToday: Bool
    let hasNext: Bool
    let nextText: String
    let progressText: String
    let ref: String
    /// Supporters' messages about this homework, newest first.
    let encouragements: [EncouragementView]
    let hasEncouragements: Bool

    init(_ homework: PortalHomework, ref: String, now: Date) {
        let zone = TimeZone(identifier: homework.timeZone) ?? .gmt
        title = homework.title
        due = DueView.list(homework.today, zone: zone, now: now)
        hasDueToday = !due.isEmpty
        hasNext = homework.nextDue != nil
        nextText = homework.nextDue.map { TimeText.moment($0, zone) } ?? ""
        progressText = ProgressText.line(
            streak: homework.streak, completion: homework.completion, balance: homework.balance)
        self.ref = ref
        encouragements = homework.encouragements.map {
            EncouragementView(
                from: $0.from, text: $0.text, when: TimeText.day($0.sentAt, zone))
        }
        hasEncouragements = !encouragements.isEmpty
    }
}

/// A supporter's message on the client's card.
struct EncouragementView {
    let from: String
    let text: String
    let when: String
}

struct DueView {
    let text: String
    let done: Bool
    /// Its time has passed without it.
    let missed: Bool

    /// Today's occurrences in words ("Due today by 18:00"), for the client's and a supporter's page.
    static func list(_ today: [PortalDue], zone: TimeZone, now: Date) -> [DueView] {
        today.map { item in
            let time = TimeText.clock(item.due, zone)
            let text =
                item.allDay
                ? "Due today" : item.due < now ? "Was due today by \(time)" : "Due today by \(time)"
            return DueView(text: text, done: item.done, missed: !item.done && item.due < now)
        }
    }
}

/// The progress a client may see, in one line.
enum ProgressText {
    static func line(streak: Int, completion: CompletionStatus, balance: String?) -> String {
        var parts = ["Progress: \(completion.progress)\(completion.met ? " – goal reached" : "")"]
        if streak > 0 { parts.append("streak \(streak) in a row") }
        if let balance { parts.append("balance \(balance)") }
        return parts.joined(separator: " · ")
    }
}

/// A homework form with its problems, if any.
struct FormView {
    let title: String
    /// Paragraphs: blank lines split them, single line breaks (as a Lua
    /// long string has them) join words.
    let instructions: [String]
    /// Where the form is sent.
    let action: String
    let submitLabel: String
    let csrf: String
    let key: String
    let fields: [FieldView]
    let problems: [ProblemView]
    let hasProblems: Bool
    let problemCount: Int

    init(
        declaration: HomeworkDeclaration, ref: String, csrf: String, key: String,
        fields: [FieldView], problems: [ProblemView]
    ) {
        self.init(
            title: declaration.title, instructions: declaration.instructions,
            action: "/homework/\(ref)", submitLabel: "Save my answers", csrf: csrf, key: key,
            fields: fields, problems: problems)
    }

    init(
        title: String, instructions: String, action: String, submitLabel: String, csrf: String,
        key: String, fields: [FieldView], problems: [ProblemView]
    ) {
        self.title = title
        self.instructions =
            instructions
            .components(separatedBy: "\n\n")
            .map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        self.action = action
        self.submitLabel = submitLabel
        self.csrf = csrf
        self.key = key
        self.fields = fields
        self.problems = problems
        hasProblems = !problems.isEmpty
        problemCount = problems.count
    }
}

/// One line of the error summary, linked to its field.
struct ProblemView {
    let text: String
    let target: String
    let hasTarget: Bool

    /// Every shown error in form order, then those about the entry as a whole.
    static func list(_ fields: [FieldView], formErrors: [String]) -> [ProblemView] {
        var result: [ProblemView] = []
        func walk(_ view: FieldView) {
            if view.hasError {
                let target = view.options.first?.id ?? view.id
                result.append(
                    ProblemView(
                        text: "\(view.label): \(view.error)", target: target, hasTarget: true))
            }
            view.children.forEach(walk)
            view.rows.forEach(walk)
        }
        fields.forEach(walk)
        return result + formErrors.map { ProblemView(text: $0, target: "", hasTarget: false) }
    }
}
