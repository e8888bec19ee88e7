import Testing

@testable import CarryoverCore

/// Scores are shown rounded to two decimals without trailing zeros (worked by hand).
@Suite struct ScoreTextTests {
    @Test(arguments: [
        (12.0, "12"), (82.8, "82.8"), (82.80, "82.8"), (91.304, "91.3"), (2.0 / 3.0, "0.67"),
        (0.125, "0.13"), (-0.125, "-0.13"), (-0.001, "0"), (1e16, "10000000000000000"),
        (-7.5, "-7.5"), (0.005, "0.01"),
    ])
    func formats(_ value: Double, _ text: String) {
        #expect(ScoreText.format(value) == text)
    }
}
