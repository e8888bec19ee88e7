import Testing

@testable import CarryoverCore

@Suite struct InstrumentScoringTests {
    /// Item answers that sum to `total`, filled from the first item (3 each),
    /// leaving the last `keepZero` items at 0.
    static func items(total: Int, count: Int, keepZero: Int = 0) -> [Int] {
        var left = total
        return (0..<count).map { index in
            guard index < count - keepZero else { return 0 }
            let item = min(3, left)
            left -= item
            return item
        }
    }

    /// Bands from Kroenke, Spitzer and Williams 2001: 0-4 minimal, 5-9 mild,
    /// 10-14 moderate, 15-19 moderately severe, 20-27 severe. Item 9 kept at
    /// 0 (24 is the most the other eight items give) except for 27.
    @Test(arguments: [
        (0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"),
        (14, "moderate"), (15, "moderately severe"), (19, "moderately severe"),
        (20, "severe"), (24, "severe"),
    ])
    func phq9Bands(total: Int, band: String) throws {
        let score = try Instrument.phq9.score(Self.items(total: total, count: 9, keepZero: 1))
        #expect(score.total == total)
        #expect(score.band.label == band)
        #expect(score.flags.isEmpty)
    }

    @Test func phq9MaximumIsSevereAndFlagged() throws {
        let score = try Instrument.phq9.score(Array(repeating: 3, count: 9))
        #expect(score.total == 27)
        #expect(score.answers.count == 9)
        #expect(score.band.label == "severe")
        #expect(score.flags.map(\.code) == [.selfHarmRisk])
    }

    /// Bands from Spitzer et al. 2006: 0-4 minimal, 5-9 mild, 10-14
    /// moderate, 15-21 severe.
    @Test(arguments: [
        (0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"),
        (14, "moderate"), (15, "severe"), (21, "severe"),
    ])
    func gad7Bands(total: Int, band: String) throws {
        let score = try Instrument.gad7.score(Self.items(total: total, count: 7))
        #expect(score.total == total)
        #expect(score.band.label == band)
        #expect(score.flags.isEmpty)  // GAD-7 has no risk item
    }

    @Test func bandsCoverEveryTotalOnce() {
        for instrument in [Instrument.phq9, .gad7] {
            for total in 0...instrument.maximumTotal {
                #expect(instrument.bands.filter { $0.range.contains(total) }.count == 1)
            }
            #expect(instrument.band(forTotal: instrument.maximumTotal + 1) == nil)
        }
        #expect(Instrument.phq9.maximumTotal == 27)
        #expect(Instrument.gad7.maximumTotal == 21)
    }

    /// PHQ-9 item 9 (self-harm) above 0 needs the clinician's attention
    /// (Kroenke, Spitzer and Williams 2001), even at a minimal total.
    @Test func phq9Item9RaisesRiskFlag() throws {
        let score = try Instrument.phq9.score([0, 0, 0, 0, 0, 0, 0, 0, 1])
        #expect(score.total == 1)
        #expect(score.band.label == "minimal")
        let flag = try #require(score.flags.first)
        #expect(score.flags.count == 1)
        #expect(flag.level == .risk)
        #expect(flag.code == .selfHarmRisk)
        #expect(
            flag.message
                == "PHQ-9 item 9 (thoughts of being better off dead or of self-harm) scored 1 of 3."
        )
        // Item 8 at 3 is not a risk item.
        #expect(try Instrument.phq9.score([0, 0, 0, 0, 0, 0, 0, 3, 0]).flags.isEmpty)
    }

    @Test func itemsAndResponses() {
        #expect(Instrument.phq9.itemCount == 9)
        #expect(Instrument.gad7.itemCount == 7)
        #expect(Instrument.phq9.itemRange == 0...3)
        // The answers as printed on both forms.
        #expect(
            Instrument.gad7.responses == [
                "Not at all", "Several days", "More than half the days", "Nearly every day",
            ])
        #expect(Instrument.phq9.questions.count == 9 && Instrument.gad7.questions.count == 7)
        #expect(Instrument.phq9.stem.hasPrefix("Over the last 2 weeks, how often"))
        #expect(Instrument.phq9.riskItems.map(\.number) == [9])
    }

    @Test func loincCodes() {
        #expect(Instrument.phq9.loincTotal == "44261-6")
        #expect(Instrument.gad7.loincTotal == "70274-6")
        #expect(Instrument.gad7.loincPanel == "69737-5")
        #expect(Instrument.catalogue["phq-9"] == .phq9)
        #expect(Instrument.catalogue["gad-7"] == .gad7)
    }

    @Test func wrongItemCountIsRejected() {
        #expect(throws: CoreError.self) { try Instrument.phq9.score([1, 1, 1, 1, 1, 1, 1, 1]) }
        do {
            _ = try Instrument.gad7.score(Array(repeating: 1, count: 8))
            Issue.record("eight GAD-7 items were accepted")
        } catch let error as CoreError {
            #expect(error.code == .invalidMeasure)
            #expect(error.message.contains("GAD-7 takes 7 item scores, got 8"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func malformedInstrumentIsRejected() {
        var gap = Instrument.gad7
        gap.bands.removeLast()  // totals 15-21 in no band
        var badRisk = Instrument.gad7
        badRisk.riskItems = [RiskItem(number: 8, suggestion: "none")]
        for instrument in [gap, badRisk] {
            #expect(throws: CoreError.self) { try instrument.score(Array(repeating: 3, count: 7)) }
        }
    }

    @Test(arguments: [-1, 4, 17])
    func outOfRangeItemIsRejectedWithoutItsValue(value: Int) {
        var items = Array(repeating: 0, count: 9)
        items[4] = value
        do {
            _ = try Instrument.phq9.score(items)
            Issue.record("item value \(value) was accepted")
        } catch let error as CoreError {
            #expect(error.code == .invalidMeasure)
            #expect(error.message.contains("PHQ-9 item 5 is outside 0-3"))
            #expect(!error.message.contains("\(value)"))  // the answer is a health record
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
