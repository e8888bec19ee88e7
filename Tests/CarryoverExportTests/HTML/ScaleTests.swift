import CarryoverCore
import Testing

@testable import CarryoverExport

/// Chart arithmetic worked out by hand.
@Suite struct ScaleTests {
    @Test func linearScaleMapsAndFlips() {
        let y = LinearScale(domain: 0...27, range: 16...220, flipped: true)
        #expect(y(27) == 16)
        #expect(y(0) == 220)
        #expect(y(13.5) == 118)  // halfway: (16 + 220) / 2
    }

    @Test func niceTicks() {
        // 27 / 6 = 4.5 -> smallest nice step >= 4.5 is 5.
        #expect(
            LinearScale(domain: 0...27, range: 0...1).ticks(target: 6) == [0, 5, 10, 15, 20, 25])
        // 27 / 5 = 5.4 -> 10.
        #expect(LinearScale(domain: 0...27, range: 0...1).ticks(target: 5) == [0, 10, 20])
        // 1 / 6 = 0.167 -> 0.2.
        #expect(LinearScale.niceStep(span: 1, target: 6) == 0.2)
        // 55 / 6 = 9.17 -> 10; 12 / 5 = 2.4 -> 2.5.
        #expect(LinearScale.niceStep(span: 55, target: 6) == 10)
        #expect(LinearScale.niceStep(span: 12, target: 5) == 2.5)
        // Values 3...47 with zero: step 47 / 5 = 9.4 -> 10, so 0...50.
        #expect(LinearScale.niceDomain([3, 47], includeZero: true) == 0...50)
        // A single value gets room: 5 -> 4...6.
        #expect(LinearScale.niceDomain([5], includeZero: false) == 4...6)
    }

    @Test func dateTicksAndLabels() throws {
        let start = LocalDate(year: 2026, month: 3, day: 1)!
        let scale = DateScale(
            start: start, end: LocalDate(year: 2026, month: 3, day: 28)!, range: 0...270)
        // Span 27 days: 27 / 1 and 27 / 2 exceed 8 intervals, 27 / 7 = 3 does not.
        #expect(
            scale.ticks().map(\.description) == [
                "2026-03-01", "2026-03-08", "2026-03-15", "2026-03-22",
            ])
        #expect(scale(LocalDate(year: 2026, month: 3, day: 11)!) == 100)  // 10 of 27 days * 270 px
        #expect(DateScale.label(LocalDate(year: 2026, month: 11, day: 1)!) == "Nov 1")
    }

    @Test func localDateArithmetic() throws {
        let day = LocalDate(year: 2026, month: 2, day: 27)!
        #expect(day.adding(days: 2).description == "2026-03-01")  // 2026 is no leap year
        #expect(
            LocalDate(year: 2028, month: 2, day: 28)!.adding(days: 1).description == "2028-02-29")
        #expect(LocalDate(year: 2026, month: 3, day: 4)!.isoWeekday == 3)  // Wednesday
        #expect(LocalDate(year: 2026, month: 3, day: 8)!.isoWeekday == 7)  // Sunday
        #expect(day.days(to: LocalDate(year: 2026, month: 3, day: 29)!) == 30)
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDate("2026-3-1") == nil)
    }

    @Test func markupEscapesAndFormats() {
        #expect(Markup.escape("a<b>&\"'\u{1}") == "a&lt;b&gt;&amp;&quot;&#39;")
        #expect(Markup.number(12.3456) == "12.35")
        #expect(Markup.number(7.0) == "7")
        #expect(Markup.number(-0.5) == "-0.5")
    }
}

/// Series styles: a thought record scores five names, so five lines must
/// differ in shape, dash and colour, not only in one of them.
@Test func sixSeriesHaveSixDistinctStyles() {
    let indices = 0..<6
    #expect(Set(indices.map { "\(MarkerShape.forSeries($0))" }).count == 6)
    #expect(Set(indices.map { MarkerShape.dash(forSeries: $0) ?? "solid" }).count == 6)
    #expect(Set(indices.map(MarkerShape.colorClass(forSeries:))).count == 6)
    #expect(MarkerShape.colorClass(forSeries: 6) == "s0")
}

/// A reliable-change label on the last day ends at its ring (x = 610 + 9)
/// instead of running into the band names right of the plot (x > 610).
@Test func reliableChangeLabelAtThePlotsEndStaysInsideIt() throws {
    let report = try SampleReport.make()
    let series = try #require(report.assignments.compactMap(\.measure).first)
    var last = try #require(series.administrations.last)
    last.date = report.periodEnd
    last.reliableChange = ReliableChange(rci: -3, standardDeviation: 5, reliability: 0.84)
    var moved = series
    moved.administrations = [series.administrations[0], last]
    let svg = BandChart(series: moved, start: report.periodStart, end: report.periodEnd).svg()
    // Plot x runs 52 ... 760 - 150 = 610; the last day sits at its right end.
    #expect(svg.contains("x=\"619\""))
    #expect(svg.contains("text-anchor=\"end\""))
}
