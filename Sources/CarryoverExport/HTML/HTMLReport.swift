/// Renders a client report as one self-contained HTML page: inline CSS and
/// SVG only, no scripts, fonts or links to fetch, so it opens offline, prints,
/// and can be attached to a record as it is.
///
/// Every piece of client text is escaped, and a Content-Security-Policy that
/// forbids scripts backs that up.
public enum HTMLReport {
    /// The HTML page of `report`.
    ///
    /// - Parameters:
    ///   - report: The report to render.
    ///   - showDisplayName: also show the client's display name in the
    ///     header (off by default: the pseudonym is enough to file the report).
    public static func render(_ report: ClientReport, showDisplayName: Bool = false) -> String {
        let period = "\(report.periodStart) to \(report.periodEnd)"
        var body = header(report, period: period, showDisplayName: showDisplayName)
        body += flagsSection(report.flags)
        body += ReportParts.goals(report.goals)
        body += ReportSections.assignments(report)
        body += ReportSections.ended(report)
        body += ReportSections.reviews(report)
        let head =
            #"<meta charset="utf-8">"#
            + #"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">"#
            + #"<meta name="viewport" content="width=device-width, initial-scale=1">"#
            + #"<meta name="color-scheme" content="light dark">"#
            + Markup.text("title", [], "Carryover report \(report.client.pseudonym), \(period)")
            + Markup.element("style", [], ReportStyle.css)
        return "<!DOCTYPE html>\n"
            + Markup.element(
                "html", [("lang", "en")],
                Markup.element("head", [], head) + Markup.element("body", [], body))
            + "\n"
    }

    private static func header(_ report: ClientReport, period: String, showDisplayName: Bool)
        -> String
    {
        var title = "Client \(report.client.pseudonym)"
        if showDisplayName, let name = report.client.displayName, !name.isEmpty {
            title += " \u{2013} \(name)"
        }
        return Markup.element(
            "header", [],
            Markup.text("h1", [], title)
                + Markup.text(
                    "p", [], "Homework report, \(period) (dates in \(report.client.timeZone))"))
    }

    /// Flags first, most urgent first; risk flags get a double border, a
    /// warning sign and the word RISK, and are announced to screen readers.
    static func flagsSection(_ flags: [ReportFlag]) -> String {
        let sorted = flags.enumerated().sorted {
            ($0.element.level, $0.offset) < ($1.element.level, $1.offset)
        }
        let items = sorted.map { _, flag in
            let label = flag.level == .risk ? "\u{26A0} RISK" : flag.level.rawValue.uppercased()
            var attributes = [("class", "flag \(flag.level.rawValue)")]
            if flag.level == .risk { attributes.append(("role", "alert")) }
            let day = flag.raisedOn.map { "\($0): " } ?? ""
            let acknowledged = flag.acknowledgement.map {
                Markup.text("span", [("class", "acknowledged")], "Acknowledged: \($0)")
            }
            return Markup.element(
                "div", attributes,
                Markup.text("span", [("class", "level")], label) + Markup.escape(day + flag.message)
                    + Markup.text("code", [], flag.code) + (acknowledged ?? ""))
        }
        let content =
            items.isEmpty
            ? Markup.text("p", [("class", "summary")], "No flags in this period.") : items.joined()
        return Markup.element(
            "section", [("class", "flags")], Markup.text("h2", [], "Flags") + content)
    }
}
