import Foundation
import Testing

@testable import CarryoverCore

@Suite struct ScoreTrendTests {
    typealias F = ProgressFixture

    /// Hand-computed least squares: x = 0, 1, 2, 3 weeks, y = 10, 8, 7, 3.
    /// Mean x 1.5, mean y 7; sum (x - 1.5)(y - 7) = -4.5 - 0.5 + 0 - 6 = -11;
    /// sum (x - 1.5)^2 = 5; slope = -11 / 5 = -2.2 points per week.
    @Test func weeklySeries() throws {
        let entries = [10.0, 8, 7, 3].enumerated().map { week, value in
            F.entry(at: F.local(9 + 7 * week, 20), scores: ["suds": value], id: "e\(week)")
        }
        let trend = try #require(ScoreTrend.trends(in: entries.reversed()).first)
        #expect(trend.name == "suds")
        #expect(trend.points.map(\.value) == [10, 8, 7, 3])
        #expect(abs(trend.slopePerWeek! - -2.2) < 1e-12)
        #expect([trend.first, trend.last, trend.mean, trend.min, trend.max] == [10, 3, 7, 3, 10])
        // round(7 (v - 3) / 7) = v - 3 -> levels 7, 5, 4, 0.
        #expect(trend.sparkline == "█▆▅▁")
    }

    /// Irregular times: days 0, 2, 9 with values 1, 2, 4. In weeks x = 0,
    /// 2/7, 9/7; mean x = 11/21, mean y = 7/3. Sxy = (-11/21)(-4/3) +
    /// (-5/21)(-1/3) + (16/21)(5/3) = (44 + 5 + 80)/63 = 129/63; Sxx =
    /// (121 + 25 + 256)/441 = 402/441; slope = (129/63)(441/402) = 903/402.
    @Test func irregularTimes() throws {
        let entries = [(0, 1.0), (2, 2.0), (9, 4.0)].map { day, value in
            F.entry(at: F.local(9 + day, 8), scores: ["x": value], id: "d\(day)")
        }
        let trend = try #require(ScoreTrend.trends(in: entries).first)
        #expect(abs(trend.slopePerWeek! - 903.0 / 402.0) < 1e-12)
    }

    @Test func oneNamePerTrendSortedAndNonFiniteSkipped() {
        let entries = [
            F.entry(at: F.local(9, 8), scores: ["mood": 4, "anxiety": .nan], id: "a"),
            F.entry(at: F.local(10, 8), scores: ["mood": 6, "anxiety": 3], id: "b"),
        ]
        let trends = ScoreTrend.trends(in: entries)
        #expect(trends.map(\.name) == ["anxiety", "mood"])
        #expect(trends[0].points.map(\.value) == [3])
        #expect(trends[0].slopePerWeek == nil)  // one point: no line
        #expect(abs(trends[1].slopePerWeek! - 14) < 1e-9)  // +2 in one day = 2 x 7 a week
    }

    @Test func sparklineScaling() {
        // (v - 0) / 14 x 7 = v / 2, rounded: 0, 1 (0.5 rounds up), 4, 7.
        #expect(Sparkline.render([0, 1, 8, 14]) == "▁▂▅█")
        #expect(Sparkline.render([5, 5, 5]) == "▄▄▄")
        #expect(Sparkline.render([1, .infinity, 2]) == "▁ █")
        #expect(Sparkline.render([]) == "")
    }

    @Test func sameTimeTwiceHasNoSlope() {
        let at = F.local(9, 8)
        let trend = ScoreTrend(
            name: "x", points: [ScorePoint(at: at, value: 1), ScorePoint(at: at, value: 3)])
        #expect(trend?.slopePerWeek == nil)
        #expect(trend?.mean == 2)
        #expect(ScoreTrend(name: "x", points: []) == nil)
    }
}
