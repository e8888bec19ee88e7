import CarryoverCore
import Foundation
import Testing

@testable import CarryoverExport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The HTML report: self-contained, escaped, well-formed SVG, a heat-map cell
/// per day.
@Suite struct HTMLReportTests {
    /// Every `<svg>...</svg>` in the page (the report never nests them).
    static func svgs(in html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<svg "),
            let close = rest.range(of: "</svg>", range: open.upperBound..<rest.endIndex)
        {
            result.append(String(rest[open.lowerBound..<close.upperBound]))
            rest = rest[close.upperBound...]
        }
        return result
    }

    final class ParseCounter: NSObject, XMLParserDelegate {
        var elements: [String: Int] = [:]
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            elements[name, default: 0] += 1
        }
    }

    @Test func pageIsSelfContained() throws {
        let html = HTMLReport.render(try SampleReport.make())
        if let directory = ProcessInfo.processInfo.environment["CARRYOVER_EXPORT_SAMPLE_DIR"] {
            try html.write(toFile: directory + "/report.html", atomically: true, encoding: .utf8)
        }
        let withoutNamespace = html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
        #expect(!withoutNamespace.contains("http://"))
        #expect(!withoutNamespace.contains("https://"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(!html.contains("url("))
        #expect(html.contains("<style>") && html.contains("prefers-color-scheme: dark"))
        #expect(html.contains("@media print"))
    }

    @Test func hostileClientTextIsEscapedEverywhere() throws {
        var report = try SampleReport.make(displayName: SampleReport.hostile)
        report.client.pseudonym = SampleReport.hostile
        report.flags.append(
            ReportFlag(level: .risk, code: SampleReport.hostile, message: SampleReport.hostile))
        report.assignments[0].title = SampleReport.hostile
        report.assignments[0].adherence.title = SampleReport.hostile
        report.assignments[0].scores[0].title = SampleReport.hostile
        report.assignments[0].ledger?.rewards[0].name = SampleReport.hostile
        report.assignments[0].ledger?.lines[0].words = SampleReport.hostile
        report.assignments[2].ladder?.steps[0].label = SampleReport.hostile
        report.assignments[2].milestones[0].text = SampleReport.hostile
        report.assignments[3].speech?.levels[0].name = SampleReport.hostile
        report.assignments[4].title = SampleReport.hostile
        report.goals[0].title = SampleReport.hostile
        report.goals[0].phases[0].tasks[0].title = SampleReport.hostile
        let html = HTMLReport.render(report, showDisplayName: true)
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img"))
        #expect(!html.contains(SampleReport.hostile))
        #expect(
            html.contains(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
            ))
        // Also inside SVG titles and attributes: every SVG still parses.
        for svg in Self.svgs(in: html) {
            #expect(XMLParser(data: Data(svg.utf8)).parse(), "\(svg.prefix(120))")
        }
    }

    @Test func displayNameIsShownOnlyWhenAsked() throws {
        let report = try SampleReport.make(displayName: "Alex Example")
        #expect(!HTMLReport.render(report).contains("Alex Example"))
        #expect(HTMLReport.render(report, showDisplayName: true).contains("Alex Example"))
    }

    @Test func everySVGIsWellFormedXML() throws {
        let svgs = Self.svgs(in: HTMLReport.render(try SampleReport.make()))
        // 4 heat maps (the abandoned assignment has none), 2 score charts, 1 measure
        // chart, 1 speech chart + 2 legend swatches (its two levels).
        #expect(svgs.count == 10)
        for svg in svgs {
            let parser = XMLParser(data: Data(svg.utf8))
            let counter = ParseCounter()
            parser.delegate = counter
            #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
            #expect(counter.elements["svg"] == 1)
        }
    }

    @Test func heatMapHasOneCellPerDayOfThePeriod() throws {
        let report = try SampleReport.make()
        let heatMap = try #require(
            Self.svgs(in: HTMLReport.render(report)).first { $0.contains("heat-map") })
        let cells = heatMap.components(separatedBy: "class=\"hm-cell ").count - 1
        // 2026-03-04 through 2026-03-31 inclusive: 28 days.
        #expect(cells == 28)
        let dates = heatMap.components(separatedBy: "data-date=\"").dropFirst().map {
            String($0.prefix(10))
        }
        #expect(
            dates
                == LocalDate.days(from: report.periodStart, through: report.periodEnd).map(
                    \.description))
        // Four Sundays (Mar 8, 15, 22, 29) have nothing scheduled.
        #expect(heatMap.components(separatedBy: "hm-cell hm-none").count - 1 == 4)
        // A wall calendar across the 760-unit width: after a 62-unit label column and
        // before a 78-unit count column, 7 cells with 4-unit gaps: (760 - 62 - 78 - 24) / 7
        // = 85.14 wide, 89.14 apart; rows 30 apart under a 22-unit header. Wednesday
        // Mar 4 is in row 0 (the week of Mon Mar 2), column 2: x = 62 + 2 * 89.14.
        #expect(heatMap.contains("data-date=\"2026-03-04\" x=\"240.29\" y=\"22\" width=\"85.14\""))
        // Tuesday Mar 31 is in row 4 (the week of Mon Mar 30), column 1: y = 22 + 4 * 30.
        #expect(heatMap.contains("data-date=\"2026-03-31\" x=\"151.14\" y=\"142\""))
        // One label per row (its Monday), so no two labels share a line.
        for label in ["Mar 2", "Mar 9", "Mar 16", "Mar 23", "Mar 30"] {
            #expect(heatMap.contains(">\(label)</text>"), "\(label)")
        }
        // Done of due per week, by hand: Mar 4-7 done (4 of 4); Mar 9 missed, 10-12 and
        // 14 done, 13 excused (4 of 5); Mar 16 missed, 17-21 done (5 of 6); 23-28 done
        // (6 of 6); Mar 30-31 pending (nothing due yet).
        let counts = heatMap.components(separatedBy: "week-count\"").dropFirst().compactMap {
            $0.split(separator: ">").dropFirst().first?.split(separator: "<").first.map(String.init)
        }
        #expect(counts == ["4 of 4", "4 of 5", "5 of 6", "6 of 6", "\u{2013}"])
    }

    @Test func flagsComeFirstAndRiskLeads() throws {
        let html = HTMLReport.render(try SampleReport.make())
        let flags = try #require(html.range(of: "class=\"flags\""))
        let first = try #require(html.range(of: "class=\"assignment\""))
        #expect(flags.lowerBound < first.lowerBound)
        let risk = try #require(html.range(of: "flag risk"))
        let attention = try #require(html.range(of: "flag attention"))
        let info = try #require(html.range(of: "flag info"))
        #expect(risk.lowerBound < attention.lowerBound && attention.lowerBound < info.lowerBound)
        #expect(html.contains("role=\"alert\""))
        #expect(html.contains("\u{26A0} RISK"))
    }

    @Test func emptyReportStillRenders() throws {
        let report = ClientReport(
            client: ReportClient(pseudonym: "c-1", timeZone: "UTC"),
            periodStart: LocalDate(year: 2026, month: 1, day: 1)!,
            periodEnd: LocalDate(year: 2026, month: 1, day: 7)!)
        let html = HTMLReport.render(report)
        #expect(html.contains("No flags in this period."))
        #expect(Self.svgs(in: html).isEmpty)
    }

    @Test func summariesCountByHand() throws {
        let report = try SampleReport.make()
        // 28 days: 4 Sundays unscheduled, 2 pending, 2 missed, 1 excused -> 19 done.
        // Rate = done / (done + missed) = 19 / 21 = 0.9048 -> 90%.
        #expect(
            ReportSections.summary(report.assignments[0].adherence)
                == "19 done, 2 missed, 2 pending, 1 excused; 90% of due days done")
        let html = HTMLReport.render(report)
        #expect(html.contains("2 of 4 steps mastered"))
        #expect(html.contains("reliably improved (RCI -2.47; SD 5, r 0.84)"))
        #expect(html.contains("RC \u{2193} better"))
    }
}
