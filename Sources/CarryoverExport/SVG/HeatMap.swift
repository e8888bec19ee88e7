import CarryoverCore

/// An adherence calendar: one column per ISO week, one row per weekday, one
/// cell per day of the period.
///
/// Each status has its own glyph as well as its colour, so the map reads in
/// greyscale print and for colour-blind readers.
struct HeatMap {
    var adherence: AssignmentAdherence
    var start: LocalDate
    var end: LocalDate

    static let cell = 26.0
    static let gap = 4.0
    static let left = 40.0
    static let top = 22.0
    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// The glyph and words of each status; days without an occurrence are blank.
    static func glyph(_ status: AssignmentAdherence.DayStatus?) -> String {
        switch status {
        case .done: return "\u{2713}"
        case .missed: return "\u{2717}"
        case .pending: return "\u{2026}"
        case .excused: return "E"
        case nil: return ""
        }
    }

    static func words(_ status: AssignmentAdherence.DayStatus?) -> String {
        status?.rawValue ?? "not scheduled"
    }

    func svg() -> String {
        let days = LocalDate.days(from: start, through: end)
        // The week column of a day: weeks start on Monday, the first column
        // holds the period's first day.
        let firstMonday = start.adding(days: 1 - start.isoWeekday)
        let weeks = days.isEmpty ? 0 : firstMonday.days(to: end) / 7 + 1
        let step = HeatMap.cell + HeatMap.gap
        var content = ""
        for (row, name) in HeatMap.weekdayNames.enumerated() {
            content += Markup.text(
                "text",
                [
                    ("class", "tick"), ("x", "0"),
                    ("y", Markup.number(HeatMap.top + Double(row) * step + HeatMap.cell / 2)),
                    ("dominant-baseline", "middle"),
                ],
                name)
        }
        var previousMonth = 0
        for week in 0..<weeks {
            // A column is labelled by its first day in the period; the month is
            // named only where it changes, so labels fit a column.
            let first = max(firstMonday.adding(days: week * 7), start)
            let label = first.month == previousMonth ? String(first.day) : DateScale.label(first)
            previousMonth = first.month
            content += Markup.text(
                "text",
                [
                    ("class", "tick"),
                    ("x", Markup.number(HeatMap.left + Double(week) * step + HeatMap.cell / 2)),
                    ("y", "12"), ("text-anchor", "middle"),
                ], label)
        }
        for day in days {
            content += cellMarkup(
                day, column: firstMonday.days(to: day) / 7, row: day.isoWeekday - 1)
        }
        let width = HeatMap.left + Double(weeks) * step + 40
        let height = HeatMap.top + 7 * step
        return Markup.element(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart heat-map"),
                ("viewBox", "0 0 \(Markup.number(width)) \(Markup.number(height))"),
                ("width", Markup.number(width)), ("role", "img"),
                ("aria-label", "Adherence calendar: \(adherence.title)"),
            ],
            Markup.text("title", [], "Adherence calendar: \(adherence.title)") + content)
    }

    private func cellMarkup(_ day: LocalDate, column: Int, row: Int) -> String {
        let status = adherence.days[day]
        let step = HeatMap.cell + HeatMap.gap
        let x = HeatMap.left + Double(column) * step
        let y = HeatMap.top + Double(row) * step
        let rect = Markup.element(
            "rect",
            [
                ("class", "hm-cell hm-\(status?.rawValue ?? "none")"),
                ("data-date", day.description),
                ("x", Markup.number(x)), ("y", Markup.number(y)),
                ("width", Markup.number(HeatMap.cell)),
                ("height", Markup.number(HeatMap.cell)), ("rx", "3"),
            ], Markup.text("title", [], "\(day): \(HeatMap.words(status))"))
        let glyph = HeatMap.glyph(status)
        guard !glyph.isEmpty else { return rect }
        return rect
            + Markup.text(
                "text",
                [
                    ("class", "hm-glyph on-\(status?.rawValue ?? "none")"),
                    ("x", Markup.number(x + HeatMap.cell / 2)),
                    ("y", Markup.number(y + HeatMap.cell / 2)), ("text-anchor", "middle"),
                    ("dominant-baseline", "central"), ("aria-hidden", "true"),
                ], glyph)
    }
}
