import CarryoverCore

/// The report's sections after the flags: the goals, then one section per
/// running assignment, then the ended ones summed up. Each is escaped markup,
/// empty when there is nothing to show.
enum ReportSections {
    static func section(_ className: String, _ title: String, _ content: String) -> String {
        Markup.element("section", [("class", className)], Markup.text("h2", [], title) + content)
    }

    /// One section per assignment that runs (or is paused), in the report's order.
    static func assignments(_ report: ClientReport) -> String {
        report.assignments.filter { !$0.hasEnded }.map { assignment($0, report) }.joined()
    }

    static func assignment(_ item: AssignmentReport, _ report: ClientReport) -> String {
        var body = Markup.element(
            "h2", [],
            Markup.escape(item.heading)
                + Markup.text(
                    "span", [("class", "badge")], "\(item.assignmentID) \u{00B7} \(item.status)"))
        body += Markup.element(
            "dl", [("class", "plan")],
            term("Schedule", item.schedule) + term("Counts as done when", item.rule)
                + term("So far", item.ruleProgress + (item.ruleMet ? " \u{2013} met" : ""))
                + (item.reinforcement.isEmpty ? "" : term("Reinforcement", item.reinforcement))
                + (item.task.map { term("Goal task", $0) } ?? "")
                + (item.progressSummary.map { term("Progress", $0) } ?? ""))
        if let waitsFor = item.waitsFor {
            return Markup.element(
                "section", [("class", "assignment waiting"), ("id", item.assignmentID)],
                body + Markup.text("p", [("class", "summary")], "Not started: \(waitsFor)."))
        }
        body += Markup.text("p", [("class", "summary")], "Adherence: " + summary(item.adherence))
        body +=
            HeatMap(adherence: item.adherence, start: report.periodStart, end: report.periodEnd)
            .svg() + legend() + versions(item.adherence.versions)
        if let measure = item.measure { body += ReportParts.measure(measure, report) }
        if let ladder = item.ladder { body += ReportParts.ladder(ladder) }
        if let speech = item.speech { body += ReportParts.speech(speech, report) }
        body += scores(item.scores, report)
        body += ReportParts.milestones(item.milestones)
        if let ledger = item.ledger { body += ReportParts.ledger(ledger) }
        return Markup.element(
            "section", [("class", "assignment"), ("id", item.assignmentID)], body)
    }

    /// Completed and abandoned assignments in one line each, not a page of misses.
    static func ended(_ report: ClientReport) -> String {
        let items = report.assignments.filter(\.hasEnded).map { item in
            let when = item.endedOn.map { " on \($0)" } ?? ""
            let counts = item.adherence.counts
            let done = counts[.done, default: 0]
            let due = done + counts[.missed, default: 0]
            let rate = item.adherence.rate.map { " (\(Int(($0 * 100).rounded()))%)" } ?? ""
            var line =
                "\(item.status.prefix(1).uppercased() + item.status.dropFirst())\(when)"
                + (item.endReason.map { " (\($0))" } ?? "")
                + ": \(done) of \(due) scheduled times done before it ended\(rate). "
                + "Schedule: \(item.schedule)."
            if let progress = item.progressSummary { line += " Progress: \(progress)." }
            if let ledger = item.ledger, !ledger.lines.isEmpty {
                line +=
                    " \(ledger.lines.count) ledger line(s)"
                    + (ledger.pendingCount > 0 ? ", \(ledger.pendingCount) still to deliver." : ".")
            }
            return Markup.element(
                "li", [("id", item.assignmentID)],
                Markup.text("strong", [], item.heading)
                    + Markup.text("span", [("class", "badge")], item.assignmentID) + " "
                    + Markup.escape(line))
        }
        guard !items.isEmpty else { return "" }
        return section(
            "ended", "Ended assignments",
            Markup.element("ul", [("class", "ended-list")], items.joined()))
    }

    static func term(_ name: String, _ value: String) -> String {
        Markup.text("dt", [], name) + Markup.text("dd", [], value)
    }

    /// An assignment's versions, when it was changed: "Version 2 from 2026-12-14: ...".
    static func versions(_ versions: [ReportVersion]) -> String {
        guard versions.count > 1 else { return "" }
        let items = versions.map { version in
            let span =
                switch (version.from, version.through) {
                case (let from?, let through?): " (\(from) to \(through))"
                case (let from?, nil): " (from \(from))"
                case (nil, let through?): " (to \(through))"
                case (nil, nil): ""
                }
            return Markup.text("li", [], "Version \(version.number)\(span): \(version.terms)")
        }
        return Markup.element("ul", [("class", "versions")], items.joined())
    }

    /// "12 done, 3 missed, 1 excused, 2 pending; 80% of due days done".
    static func summary(_ item: AssignmentAdherence) -> String {
        let counts = item.counts
        let listed = AssignmentAdherence.DayStatus.allCases.map {
            "\(counts[$0, default: 0]) \($0.rawValue)"
        }
        let rate =
            item.rate.map { "\(Int(($0 * 100).rounded()))% of due days done" } ?? "no days due yet"
        return listed.joined(separator: ", ") + "; " + rate
    }

    /// The calendar's key: glyph and colour for each status.
    static func legend() -> String {
        let items = ([nil] + AssignmentAdherence.DayStatus.allCases).map { status in
            Markup.element(
                "li", [],
                Markup.text(
                    "span", [("class", "key hm-\(status?.rawValue ?? "none")")],
                    HeatMap.glyph(status).isEmpty ? "\u{00A0}" : HeatMap.glyph(status))
                    + Markup.escape(HeatMap.words(status)))
        }
        return Markup.element("ul", [("class", "legend")], items.joined())
    }

    /// Small multiples: one chart per score, each with its own unit and title.
    static func scores(_ series: [ScoreSeries], _ report: ClientReport) -> String {
        let figures = series.compactMap { score -> String? in
            let points = score.points.filter { inPeriod($0.date, report) }
            guard !points.isEmpty else { return nil }
            let chart = LineChart(
                title: score.title, yTitle: unit(of: score.title), start: report.periodStart,
                end: report.periodEnd,
                series: [
                    .init(
                        name: score.title, points: points.map { ($0.date, $0.value) },
                        gaps: score.gaps)
                ], frame: ChartFrame(width: 420, height: 210, left: 46, right: 26))
            return Markup.element(
                "figure", [("class", "small-multiple")],
                Markup.text("figcaption", [], score.title) + chart.svg())
        }
        guard !figures.isEmpty else { return "" }
        return Markup.text("h3", [], "Scores")
            + Markup.text(
                "p", [("class", "note")],
                "One chart per score; a line breaks where something was due and nothing was logged."
            )
            + Markup.element("div", [("class", "charts")], figures.joined())
    }

    /// The unit in a title's parentheses ("Peak distress (SUDS 0-100)" -> "SUDS 0-100"),
    /// else the title itself, for the y axis.
    static func unit(of title: String) -> String {
        guard let open = title.lastIndex(of: "("), title.hasSuffix(")") else { return title }
        return String(title[title.index(after: open)..<title.index(before: title.endIndex)])
    }

    /// A table of plain-text cells; columns in `numeric` align right.
    static func table(_ headers: [String], numeric: Set<Int>, _ rows: [[String]]) -> String {
        func row(_ cells: [String], tag: String) -> String {
            let content = cells.enumerated().map { column, cell in
                Markup.text(tag, numeric.contains(column) ? [("class", "num")] : [], cell)
            }
            return Markup.element("tr", [], content.joined())
        }
        return Markup.element(
            "table", [], row(headers, tag: "th") + rows.map { row($0, tag: "td") }.joined())
    }

    static func inPeriod(_ date: LocalDate, _ report: ClientReport) -> Bool {
        date >= report.periodStart && date <= report.periodEnd
    }
}
