import CarryoverCore

/// An adherence calendar laid out like a wall calendar: one row per week
/// (Monday first), one column per weekday, the week's count at the row's end.
///
/// The grid spans the chart's full width, so it uses the page (and the print
/// page) whatever the period. Each status has its own glyph as well as its
/// colour, so the map reads in greyscale print and for colour-blind readers.
struct HeatMap {
    var adherence: AssignmentAdherence
    var start: LocalDate
    var end: LocalDate

    static let width = 760.0
    static let left = 62.0
    static let right = 78.0
    static let top = 22.0
    static let rowHeight = 30.0
    static let gap = 4.0
    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// Width of one day's cell.
    static var cell: Double { (width - left - right - 6 * gap) / 7 }

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

    /// The Monday of the week holding `date`.
    static func monday(of date: LocalDate) -> LocalDate { date.adding(days: 1 - date.isoWeekday) }

    func svg() -> String {
        let days = LocalDate.days(from: start, through: end)
        let firstMonday = Self.monday(of: start)
        let weeks = days.isEmpty ? 0 : firstMonday.days(to: end) / 7 + 1
        var content = ""
        for (column, name) in Self.weekdayNames.enumerated() {
            content += Markup.text(
                "text",
                [
                    ("class", "tick"),
                    ("x", Markup.number(Self.x(column: column) + Self.cell / 2)), ("y", "12"),
                    ("text-anchor", "middle"),
                ], name)
        }
        for week in 0..<weeks {
            let monday = firstMonday.adding(days: week * 7)
            let y = Self.top + Double(week) * Self.rowHeight
            // Each row is labelled by its Monday, so labels never share a line.
            content += Markup.text(
                "text",
                [
                    ("class", "tick"), ("x", "0"),
                    ("y", Markup.number(y + (Self.rowHeight - Self.gap) / 2)),
                    ("dominant-baseline", "middle"),
                ], "\(DateScale.label(monday))")
            let inWeek = days.filter { monday.days(to: $0) >= 0 && monday.days(to: $0) < 7 }
            let statuses = inWeek.compactMap { adherence.days[$0] }
            let done = statuses.filter { $0 == .done }.count
            let due = done + statuses.filter { $0 == .missed }.count
            content += Markup.text(
                "text",
                [
                    ("class", "tick week-count"), ("x", Markup.number(Self.width)),
                    ("y", Markup.number(y + (Self.rowHeight - Self.gap) / 2)),
                    ("text-anchor", "end"), ("dominant-baseline", "middle"),
                ], due == 0 ? "\u{2013}" : "\(done) of \(due)")
            for day in inWeek {
                content += cellMarkup(day, column: day.isoWeekday - 1, row: week)
            }
        }
        let height = Self.top + Double(weeks) * Self.rowHeight
        let label = "Adherence calendar: \(adherence.title)"
        return Markup.element(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart heat-map"),
                ("viewBox", "0 0 \(Markup.number(Self.width)) \(Markup.number(height))"),
                ("role", "img"), ("aria-label", label),
            ],
            Markup.text("title", [], label) + content)
    }

    static func x(column: Int) -> Double { left + Double(column) * (cell + gap) }

    private func cellMarkup(_ day: LocalDate, column: Int, row: Int) -> String {
        let status = adherence.days[day]
        let x = Self.x(column: column)
        let y = Self.top + Double(row) * Self.rowHeight
        let height = Self.rowHeight - Self.gap
        let rect = Markup.element(
            "rect",
            [
                ("class", "hm-cell hm-\(status?.rawValue ?? "none")"),
                ("data-date", day.description),
                ("x", Markup.number(x)), ("y", Markup.number(y)),
                ("width", Markup.number(Self.cell)), ("height", Markup.number(height)), ("rx", "3"),
            ], Markup.text("title", [], "\(day): \(Self.words(status))"))
        let glyph = Self.glyph(status)
        // The day of the month in the corner, the status glyph in the middle.
        var marks = Markup.text(
            "text",
            [
                ("class", "hm-day on-\(status?.rawValue ?? "none")"), ("x", Markup.number(x + 5)),
                ("y", Markup.number(y + height / 2)), ("dominant-baseline", "central"),
                ("aria-hidden", "true"),
            ], String(day.day))
        if !glyph.isEmpty {
            marks += Markup.text(
                "text",
                [
                    ("class", "hm-glyph on-\(status?.rawValue ?? "none")"),
                    ("x", Markup.number(x + Self.cell / 2)),
                    ("y", Markup.number(y + height / 2)), ("text-anchor", "middle"),
                    ("dominant-baseline", "central"), ("aria-hidden", "true"),
                ], glyph)
        }
        return rect + marks
    }
}
