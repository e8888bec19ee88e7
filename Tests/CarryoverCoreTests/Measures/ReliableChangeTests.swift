import Testing

@testable import CarryoverCore

@Suite struct ReliableChangeTests {
    /// clinical.md worked example (Jacobson and Truax 1991; Christensen and
    /// Mendoza 1986): SD 5, r 0.84 -> SEM = 5 x sqrt(0.16) = 2.0, S_diff =
    /// sqrt(2) x 2 = 2.828, threshold 1.96 x 2.828 = 5.543 points.
    static let worked = ReliabilityParameters(
        standardDeviation: 5, testRetestReliability: 0.84, source: "worked example")

    @Test func workedExampleFigures() {
        #expect(abs(Self.worked.standardErrorOfMeasurement - 2.0) < 1e-12)
        #expect(abs(Self.worked.standardErrorOfDifference - 2.828_427) < 1e-6)
        #expect(abs(Self.worked.reliableChangeThreshold - 5.543_717) < 1e-6)
        #expect(
            Self.worked.description
                == "SD 5, r 0.84 (worked example): SEM 2.00, S_diff 2.83, reliable change > 5.54 points"
        )
    }

    /// RCI = (post - pre) / 2.828: 15 -> 9 is -6 / 2.828 = -2.121 (reliable
    /// improvement for a lower-is-better measure); 15 -> 10 is -1.768 (not
    /// reliable); 8 -> 14 is +2.121 (reliable deterioration).
    @Test func classification() throws {
        let improved = try ReliableChange(
            pre: 15, post: 9, parameters: Self.worked, direction: .lowerIsBetter)
        #expect(abs(improved.index - -2.121_320) < 1e-6)
        #expect(improved.change == -6)
        #expect(improved.classification == .reliablyImproved)
        #expect(improved.clinicallySignificant == nil)
        let same = try ReliableChange(
            pre: 15, post: 10, parameters: Self.worked, direction: .lowerIsBetter)
        #expect(abs(same.index - -1.767_767) < 1e-6)
        #expect(same.classification == .noReliableChange)
        let worse = try ReliableChange(
            pre: 8, post: 14, parameters: Self.worked, direction: .lowerIsBetter)
        #expect(worse.classification == .reliablyDeteriorated)
        // Where higher is better, the same rise is an improvement.
        let wellBeing = try ReliableChange(
            pre: 8, post: 14, parameters: Self.worked, direction: .higherIsBetter)
        #expect(wellBeing.classification == .reliablyImproved)
    }

    /// Clinically significant (Jacobson and Truax 1991): reliable improvement
    /// that leaves the clinical range; cutoff 10 (PHQ-9 caseness, Kroenke
    /// 2001). 15 -> 9 crosses it; 20 -> 12 is reliable (-8) but stays at or
    /// above 10; 11 -> 9 crosses it but -2 is not reliable.
    @Test func clinicallySignificantChange() throws {
        func significant(_ pre: Double, _ post: Double, _ direction: ScoreDirection) throws
            -> Bool?
        {
            try ReliableChange(
                pre: pre, post: post, parameters: Self.worked, direction: direction, cutoff: 10
            ).clinicallySignificant
        }
        #expect(try significant(15, 9, .lowerIsBetter) == true)
        #expect(try significant(20, 12, .lowerIsBetter) == false)
        #expect(try significant(11, 9, .lowerIsBetter) == false)
        #expect(try significant(4, 12, .higherIsBetter) == true)
    }

    @Test func descriptionShowsTheFiguresUsed() throws {
        let change = try Instrument.phq9.reliableChange(pre: 16, post: 10, cutoff: 10)
        #expect(
            change.description
                == "16 -> 10 (change -6): RCI -2.12, reliably improved, not clinically "
                + "significant (cutoff 10); SD 5, r 0.84 (\(Instrument.phq9.reliability.source)): "
                + "SEM 2.00, S_diff 2.83, reliable change > 5.54 points")
    }

    /// PHQ-9 default SD 5, r 0.84: threshold 5.54, so 6 points is reliable
    /// (NHS Talking Therapies) and 5 is not.
    @Test func phq9DefaultThreshold() throws {
        #expect(abs(Instrument.phq9.reliability.reliableChangeThreshold - 5.543_717) < 1e-6)
        #expect(
            try Instrument.phq9.reliableChange(pre: 16, post: 10).classification
                == .reliablyImproved)
        #expect(
            try Instrument.phq9.reliableChange(pre: 16, post: 11).classification
                == .noReliableChange)
        #expect(Instrument.phq9.reliability.description.contains("SD 5, r 0.84"))
    }

    /// GAD-7 default SD 3.4, r 0.83: SEM = 3.4 x sqrt(0.17) = 1.401856,
    /// S_diff = 1.982524, threshold 1.96 x 1.982524 = 3.885746, so 4 points
    /// is reliable (the published 4-point threshold) and 3 is not.
    @Test func gad7DefaultThreshold() throws {
        let parameters = Instrument.gad7.reliability
        #expect(abs(parameters.standardErrorOfMeasurement - 1.401_856) < 1e-6)
        #expect(abs(parameters.standardErrorOfDifference - 1.982_524) < 1e-6)
        #expect(abs(parameters.reliableChangeThreshold - 3.885_746) < 1e-6)
        #expect(
            try Instrument.gad7.reliableChange(pre: 12, post: 8).classification == .reliablyImproved
        )
        #expect(
            try Instrument.gad7.reliableChange(pre: 12, post: 9).classification == .noReliableChange
        )
        #expect(
            try Instrument.gad7.reliableChange(pre: 8, post: 12).classification
                == .reliablyDeteriorated)
        #expect(parameters.description.contains("reliable change > 3.89 points"))
    }

    @Test func invalidInputsAreRejected() {
        let noSpread = ReliabilityParameters(
            standardDeviation: 0, testRetestReliability: 0.8, source: "bad")
        let perfect = ReliabilityParameters(
            standardDeviation: 5, testRetestReliability: 1, source: "bad")
        for parameters in [noSpread, perfect] {
            #expect(throws: CoreError.self) {
                try ReliableChange(
                    pre: 1, post: 2, parameters: parameters, direction: .lowerIsBetter)
            }
        }
        #expect(throws: CoreError.self) {
            try ReliableChange(
                pre: .nan, post: 2, parameters: Self.worked, direction: .lowerIsBetter)
        }
        #expect(throws: CoreError.self) { try Instrument.phq9.reliableChange(pre: 28, post: 3) }
        #expect(throws: CoreError.self) { try Instrument.gad7.reliableChange(pre: 3, post: -1) }
    }
}
