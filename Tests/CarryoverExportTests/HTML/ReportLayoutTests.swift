import CarryoverCore
import Foundation
import Testing

@testable import CarryoverExport

/// The report a clinician reads: small multiples with one unit each, gaps
/// where nothing was logged, the type's own titles, labels that do not
/// overlap, calendars that use the page, one section per assignment, goals,
/// every ledger, mastery as it happened, no duplicate rows, a plain balance.
@Suite struct ReportLayoutTests {
    let report: ClientReport
    let html: String

    init() throws {
        report = try SampleReport.make()
        html = HTMLReport.render(report)
    }

    /// The markup of the section with this id.
    func section(_ id: String) throws -> String {
        let start = try #require(html.range(of: "<section class=\"assignment\" id=\"\(id)\">"))
        let end = try #require(
            html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func everyScoreHasItsOwnChartTitledByTheType() throws {
        let thought = try section("a1")
        let figures = thought.components(separatedBy: "<figure class=\"small-multiple\">")
            .dropFirst()
        #expect(figures.count == 2)
        #expect(
            figures.map { $0.contains("<figcaption>Belief before (%)</figcaption>") } == [
                true, false,
            ])
        #expect(
            figures.map { $0.contains("<figcaption>Belief after (%)</figcaption>") } == [
                false, true,
            ])
        // One line per chart (one unit), its y axis titled with the unit from the title.
        for figure in figures {
            #expect(figure.components(separatedBy: "class=\"series-group\"").count - 1 == 1)
            #expect(figure.contains(">%</text>"))
        }
        // Titles, never identifiers.
        #expect(!html.contains("belief_before") && !html.contains("belief_after"))
    }

    /// Where something was due and nothing logged (Mar 9, Mar 16), the line stops.
    @Test func aLineBreaksAtEveryGap() throws {
        let before = try #require(
            try section("a1").components(separatedBy: "<figure class=\"small-multiple\">")
                .dropFirst().first)
        let path = try #require(
            before.components(separatedBy: "class=\"series s0\" d=\"").dropFirst().first?
                .split(separator: "\"").first)
        // Points on 4, 8 | 12 | 18, 24, 29: two runs of two or more, one lone point
        // (drawn by its marker only): "M.. L.. M.. L.. L..".
        #expect(path.components(separatedBy: "M").count - 1 == 2)
        #expect(path.components(separatedBy: "L").count - 1 == 3)
        #expect(before.components(separatedBy: "<circle class=\"marker").count - 1 == 6)
        // Without gaps the after-line is one run of six points.
        let after = try #require(
            try section("a1").components(separatedBy: "<figure class=\"small-multiple\">").last)
        let afterPath = try #require(
            after.components(separatedBy: "class=\"series s0\" d=\"").dropFirst().first?
                .split(separator: "\"").first)
        #expect(afterPath.components(separatedBy: "M").count - 1 == 1)
    }

    /// Date labels on every chart stay at least 60 units apart ("Nov 16" is under 40).
    @Test func dateLabelsNeverTouch() throws {
        for svg in HTMLReportTests.svgs(in: html) where !svg.contains("heat-map") {
            guard let axis = svg.components(separatedBy: "<g class=\"axis x\">").dropFirst().first
            else { continue }
            let xs = axis.components(separatedBy: "<text class=\"tick\" x=\"").dropFirst()
                .compactMap {
                    Double($0.prefix { $0 != "\"" })
                }
            #expect(xs.count >= 2)
            for (a, b) in zip(xs, xs.dropFirst()) { #expect(b - a >= 60, "\(xs)") }
        }
    }

    /// The calendar spans the full width of the page and of the print page.
    @Test func calendarsUseThePage() throws {
        let heatMap = try #require(HTMLReportTests.svgs(in: html).first { $0.contains("heat-map") })
        #expect(heatMap.contains("viewBox=\"0 0 760 "))
        // No fixed width on the <svg> itself (it once had one and filled 150 px).
        let tag = try #require(heatMap.split(separator: ">").first)
        #expect(!tag.contains(" width="))
        #expect(ReportStyle.css.contains("svg.heat-map { width: 100%; max-width: none; }"))
        // The last column (Sunday) ends 78 units before the right edge, where the counts are.
        #expect(abs(HeatMap.x(column: 6) + HeatMap.cell - (760 - 78)) < 0.01)
    }

    @Test func oneSectionPerAssignmentNamedByWhatSetsItApart() throws {
        for id in ["a1", "a2", "a3", "a4"] { _ = try section(id) }
        // The abandoned one is one line among the ended ones: no calendar of misses.
        #expect(!html.contains("<section class=\"assignment\" id=\"a5\""))
        let ended = try #require(html.components(separatedBy: "<section class=\"ended\">").last)
        #expect(
            ended.contains("<li id=\"a5\"><strong>Thought record: every 2 days at 07:00</strong>"))
        // Mar 4 done, Mar 6 and 8 missed: 1 of 3, 33%.
        #expect(
            ended.contains(
                "Abandoned on 2026-03-10: 1 of 3 scheduled times done before it ended (33%)."))
        #expect(!ended.contains("heat-map"))
        #expect(HTMLReportTests.svgs(in: html).filter { $0.contains("heat-map") }.count == 4)
    }

    @Test func goalsShowPhasesAndTasksWithTheirAssignments() throws {
        let goals = try #require(html.components(separatedBy: "<section class=\"goals\">").last)
        #expect(goals.contains("<h3>Fewer anxious evenings</h3>"))
        #expect(goals.contains("by 2026-03-31 \u{00B7} Measure: 5 thought records a week"))
        #expect(
            goals.contains(
                "<strong>Notice and record</strong><span class=\"state\">2026-03-04 to 2026-03-17</span>"
            ))
        #expect(
            goals.contains(
                "Thought records<span class=\"state\">\u{2192} a1 Thought record (active)</span>"))
        // Goals come after the flags, before the first assignment.
        let flags = try #require(html.range(of: "<section class=\"flags\">"))
        let goal = try #require(html.range(of: "<section class=\"goals\">"))
        let first = try #require(html.range(of: "<section class=\"assignment\""))
        #expect(flags.lowerBound < goal.lowerBound && goal.lowerBound < first.lowerBound)
    }

    /// Each ledger once, in its assignment's section; rewards listed once; the
    /// balance in body text.
    @Test func everyLedgerOnceWithAPlainBalance() throws {
        let thought = try section("a1")
        #expect(thought.contains("<h3>Ledger: tokens</h3>"))
        #expect(
            thought.contains(
                "<p class=\"balance\">Balance: 14 tokens \u{00B7} Rewards: Cinema ticket (6 tokens), Book voucher (15 tokens)</p>"
            ))
        #expect(html.components(separatedBy: "Cinema ticket (6 tokens)").count - 1 == 1)
        #expect(
            thought.contains(
                "<td>-6 tokens: Cinema ticket</td><td class=\"num\">-6 tokens</td><td>delivered</td>"
            ))
        #expect(!ReportStyle.css.contains("balance { font-size"))
        #expect(ReportStyle.css.contains(".balance { margin: .3rem 0; }"))
    }

    /// A level mastered shows the day it was mastered; "not mastered yet" belongs
    /// to the current level only, never above the sessions that mastered another.
    @Test func masteryIsShownAsItHappened() throws {
        let speech = try section("a4")
        #expect(
            speech.contains(
                "syllable<span class=\"state\">\u{2713} mastered on 2026-03-12 (3 sessions)</span>")
        )
        #expect(
            speech.contains(
                "word<span class=\"state\">\u{25B6} current level, not mastered yet (2 sessions)</span>"
            ))
        #expect(speech.components(separatedBy: "not mastered yet").count - 1 == 1)
        // One line per level in the chart.
        #expect(
            speech.contains("data-series=\"syllable\"") && speech.contains("data-series=\"word\""))
        let ladder = try section("a3")
        #expect(
            ladder.contains(
                "Look at a lift<span class=\"state\">\u{2713} mastered on 2026-03-06</span>"))
        #expect(
            ladder.contains(
                "Ride one floor with a friend<span class=\"state\">\u{25B6} current step</span>"))
        #expect(ladder.contains("<span class=\"date\">2026-03-13</span>Step 2 mastered"))
    }
}
