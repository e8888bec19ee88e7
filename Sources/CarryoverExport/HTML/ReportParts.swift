import CarryoverCore

/// The parts of an assignment's section that only some types have (a measure,
/// a ladder, speech levels, a ledger), and the goals.
enum ReportParts {
    /// Each goal with its SMART details, phases and the tasks' assignments.
    static func goals(_ goals: [ReportGoal]) -> String {
        guard !goals.isEmpty else { return "" }
        let items = goals.map { goal -> String in
            let by = goal.timeBound.map { "by \($0)" }
            let details = ([by].compactMap { $0 } + goal.details).joined(separator: " \u{00B7} ")
            let phases = goal.phases.map { phase -> String in
                let tasks = phase.tasks.map { task in
                    let carried =
                        task.assignments.isEmpty
                        ? "no assignment yet" : task.assignments.joined(separator: "; ")
                    return Markup.element(
                        "li", [],
                        Markup.escape(task.title)
                            + Markup.text("span", [("class", "state")], "\u{2192} \(carried)"))
                }
                return Markup.element(
                    "li", [],
                    Markup.text("strong", [], phase.title)
                        + Markup.text(
                            "span", [("class", "state")], "\(phase.start) to \(phase.end)")
                        + (tasks.isEmpty ? "" : Markup.element("ul", [], tasks.joined())))
            }
            return Markup.element(
                "article", [("class", "goal")],
                Markup.text("h3", [], goal.title)
                    + (details.isEmpty ? "" : Markup.text("p", [("class", "summary")], details))
                    + (phases.isEmpty
                        ? Markup.text("p", [("class", "summary")], "No phases yet.")
                        : Markup.element("ol", [("class", "phases")], phases.joined())))
        }
        return ReportSections.section("goals", "Goals", items.joined())
    }

    static func measure(_ series: MeasureSeries, _ report: ClientReport) -> String {
        let shown = series.administrations.filter { ReportSections.inPeriod($0.date, report) }
        guard !shown.isEmpty else { return "" }
        let rows = shown.map { a -> [String] in
            let change =
                a.reliableChange.map {
                    "\($0.verdict.rawValue) (RCI \(Markup.number($0.rci)); SD \(Markup.number($0.standardDeviation)), r \(Markup.number($0.reliability)))"
                } ?? "\u{2013}"
            return [a.date.description, String(a.total), a.bandName, change]
        }
        return Markup.text("h3", [], "\(series.title) totals")
            + BandChart(series: series, start: report.periodStart, end: report.periodEnd).svg()
            + ReportSections.table(
                ["Date", "Total", "Band", "Reliable change"], numeric: [1], rows)
    }

    static func ladder(_ ladder: LadderProgress) -> String {
        let mastered = ladder.steps.filter(\.mastered).count
        let steps = ladder.steps.sorted { $0.index < $1.index }.map { step -> String in
            let current = step.index == ladder.currentIndex
            let state =
                step.mastered
                ? "\u{2713} mastered" + (step.masteredOn.map { " on \($0)" } ?? "")
                : current ? "\u{25B6} current step" : "not started"
            return Markup.element(
                "li", [("class", step.mastered ? "mastered" : current ? "current" : "open")],
                Markup.escape(step.label) + Markup.text("span", [("class", "state")], state))
        }
        return Markup.text("h3", [], "Ladder")
            + Markup.text(
                "p", [("class", "summary")], "\(mastered) of \(ladder.steps.count) steps mastered")
            + Markup.element("ol", [("class", "ladder")], steps.joined())
    }

    /// Sessions charted by level, each level with the day it was mastered, so
    /// a level mastered earlier never reads as "not yet mastered".
    static func speech(_ speech: SpeechProgress, _ report: ClientReport) -> String {
        let percent = { (value: Double) in "\(Int((value * 100).rounded()))%" }
        let levels = speech.levels.map(\.name)
        let chart = LineChart(
            title: "\(speech.target): accuracy per session, by level", yTitle: "accuracy",
            start: report.periodStart, end: report.periodEnd,
            series: levels.map { level in
                .init(
                    name: level,
                    points: speech.sessions.filter {
                        $0.level == level && ReportSections.inPeriod($0.date, report)
                    }.map { ($0.date, $0.accuracy) })
            },
            yDomain: 0...1,
            reference: .init(
                value: speech.criterionAccuracy,
                label: "criterion \(percent(speech.criterionAccuracy))"),
            format: percent)
        let items = speech.levels.map { level -> String in
            let sessions = speech.sessions.filter { $0.level == level.name }.count
            let state =
                level.masteredOn.map { "\u{2713} mastered on \($0)" }
                ?? (level.name == speech.currentLevel
                    ? "\u{25B6} current level, not mastered yet" : "")
            return Markup.element(
                "li", [("class", level.masteredOn == nil ? "current" : "mastered")],
                Markup.escape(level.name)
                    + Markup.text(
                        "span", [("class", "state")],
                        "\(state) (\(sessions) session\(sessions == 1 ? "" : "s"))"))
        }
        return Markup.text("h3", [], "Speech: \(speech.target)")
            + Markup.text("p", [("class", "summary")], "Criterion: \(speech.criterion)")
            + Markup.element("ol", [("class", "ladder")], items.joined())
            + chart.legendHTML() + chart.svg()
    }

    static func milestones(_ milestones: [Milestone]) -> String {
        guard !milestones.isEmpty else { return "" }
        let items = milestones.map {
            Markup.element(
                "li", [],
                Markup.text("span", [("class", "date")], $0.date.description)
                    + Markup.escape($0.text))
        }
        return Markup.text("h3", [], "Milestones")
            + Markup.element("ul", [("class", "milestones")], items.joined())
    }

    /// Every line of the ledger, with what is still to hand over; the balance
    /// in body text, not a headline.
    static func ledger(_ ledger: LedgerSummary) -> String {
        var facts: [String] = []
        if let balance = ledger.balance { facts.append("Balance: \(balance)") }
        if ledger.pendingCount > 0 { facts.append("\(ledger.pendingCount) to deliver") }
        if !ledger.rewards.isEmpty {
            facts.append(
                "Rewards: "
                    + ledger.rewards.map {
                        "\($0.name) (\($0.price)\($0.vetoed ? ", vetoed" : ""))"
                    }
                    .joined(separator: ", "))
        }
        let rows = ledger.lines.map { line in
            [line.date.description, line.words, line.amount ?? "", line.delivery?.words ?? ""]
        }
        return Markup.text("h3", [], "Ledger: \(ledger.kind)")
            + (facts.isEmpty
                ? ""
                : Markup.text("p", [("class", "balance")], facts.joined(separator: " \u{00B7} ")))
            + (rows.isEmpty
                ? Markup.text("p", [("class", "summary")], "Nothing given yet.")
                : ReportSections.table(["Date", "What", "Amount", "Delivery"], numeric: [2], rows))
    }
}

extension LedgerSummary.Delivery {
    var words: String {
        switch self {
        case .pending: "to deliver"
        case .delivered: "delivered"
        case .refunded: "refunded"
        }
    }
}
