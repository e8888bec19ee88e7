import CarryoverCore

/// The report's sections after the flags, each a `<section>` of escaped
/// markup, empty when there is nothing to show.
enum ReportSections {
    static func section(_ className: String, _ title: String, _ content: String) -> String {
        Markup.element("section", [("class", className)], Markup.text("h2", [], title) + content)
    }

    static func adherence(_ report: ClientReport) -> String {
        guard !report.adherence.isEmpty else { return "" }
        let legend = ([nil] + AssignmentAdherence.DayStatus.allCases).map { status in
            Markup.element(
                "li", [],
                Markup.text(
                    "span", [("class", "key hm-\(status?.rawValue ?? "none")")],
                    HeatMap.glyph(status).isEmpty ? "\u{00A0}" : HeatMap.glyph(status))
                    + Markup.escape(HeatMap.words(status)))
        }.joined()
        let parts = report.adherence.map { item in
            Markup.text("h3", [], item.title)
                + Markup.text("p", [("class", "summary")], summary(item))
                + HeatMap(adherence: item, start: report.periodStart, end: report.periodEnd).svg()
                + versions(item.versions)
        }
        return section(
            "adherence", "Adherence",
            parts.joined() + Markup.element("ul", [("class", "legend")], legend))
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

    static func scores(_ report: ClientReport) -> String {
        guard !report.scores.isEmpty else { return "" }
        let parts = report.scores.map { series -> String in
            let names = series.points.map(\.name).reduce(into: [String]()) {
                if !$0.contains($1) { $0.append($1) }
            }
            let chart = LineChart(
                title: "\(series.title): scores over time", yTitle: "score",
                start: report.periodStart,
                end: report.periodEnd,
                series: names.map { name in
                    .init(
                        name: name,
                        points: series.points.filter {
                            $0.name == name && inPeriod($0.date, report)
                        }.map { ($0.date, $0.value) })
                })
            return Markup.text("h3", [], series.title) + chart.legendHTML() + chart.svg()
        }
        return section("scores", "Score trends", parts.joined())
    }

    static func measures(_ report: ClientReport) -> String {
        guard !report.measures.isEmpty else { return "" }
        let parts = report.measures.map { series -> String in
            let rows = series.administrations.map { a -> [String] in
                let change =
                    a.reliableChange.map {
                        "\($0.verdict.rawValue) (RCI \(Markup.number($0.rci)); SD \(Markup.number($0.standardDeviation)), r \(Markup.number($0.reliability)))"
                    } ?? "\u{2013}"
                return [a.date.description, String(a.total), a.bandName, change]
            }
            let table = self.table(
                ["Date", "Total", "Band", "Reliable change"], numeric: [1], rows)
            return Markup.text("h3", [], series.title)
                + BandChart(series: series, start: report.periodStart, end: report.periodEnd).svg()
                + table
        }
        return section("measures", "Measures", parts.joined())
    }

    static func ladders(_ ladders: [LadderProgress]) -> String {
        guard !ladders.isEmpty else { return "" }
        let parts = ladders.map { ladder -> String in
            let mastered = ladder.steps.filter(\.mastered).count
            let steps = ladder.steps.sorted { $0.index < $1.index }.map { step -> String in
                let current = step.index == ladder.currentIndex
                let state =
                    step.mastered
                    ? "\u{2713} mastered" : current ? "\u{25B6} current step" : "not yet"
                return Markup.element(
                    "li", [("class", step.mastered ? "mastered" : current ? "current" : "open")],
                    Markup.escape(step.label) + Markup.text("span", [("class", "state")], state))
            }
            return Markup.text("h3", [], ladder.title)
                + Markup.text(
                    "p", [("class", "summary")],
                    "\(mastered) of \(ladder.steps.count) steps mastered")
                + Markup.element("ol", [("class", "ladder")], steps.joined())
        }
        return section("ladders", "Exposure ladders", parts.joined())
    }

    static func speech(_ report: ClientReport) -> String {
        guard !report.speech.isEmpty else { return "" }
        let parts = report.speech.map { target -> String in
            let percent = { (value: Double) in "\(Int((value * 100).rounded()))%" }
            let chart = LineChart(
                title: "\(target.target) accuracy per session", yTitle: "accuracy",
                start: report.periodStart, end: report.periodEnd,
                series: [
                    .init(
                        name: "accuracy",
                        points: target.sessions.filter { inPeriod($0.date, report) }.map {
                            ($0.date, $0.accuracy)
                        })
                ],
                yDomain: 0...1,
                reference: .init(
                    value: target.criterionAccuracy,
                    label: "criterion \(percent(target.criterionAccuracy))"),
                format: percent)
            let status = target.mastered ? "mastered" : "not yet mastered"
            return Markup.text("h3", [], "\(target.target) (\(target.level))")
                + Markup.text(
                    "p", [("class", "summary")], "Criterion: \(target.criterion); \(status)")
                + chart.svg()
        }
        return section("speech", "Speech mastery", parts.joined())
    }

    static func tokens(_ tokens: TokenSummary?) -> String {
        guard let tokens else { return "" }
        let ledger = tokens.ledger.map { line in
            [
                line.date.description, line.amount > 0 ? "+\(line.amount)" : String(line.amount),
                line.reason,
            ]
        }
        let rewards = tokens.rewards.map { reward in
            [
                reward.name, String(reward.cost),
                reward.redeemedOn.map { "redeemed \($0)" } ?? "available",
            ]
        }
        return section(
            "tokens", "Tokens and rewards",
            Markup.text("p", [("class", "balance")], "Balance: \(tokens.balance) tokens")
                + table(["Date", "Tokens", "Why"], numeric: [1], ledger)
                + table(["Reward", "Cost", "Status"], numeric: [1], rewards))
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
