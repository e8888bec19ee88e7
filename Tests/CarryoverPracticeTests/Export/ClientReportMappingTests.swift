import CarryoverCore
import CarryoverExport
import Foundation
import Testing

@testable import CarryoverPractice

/// The report's inputs, mapped from the engine, against values worked out by
/// hand from ``ExportScenario``'s timeline.
@Suite struct ClientReportMappingTests {
    static let period = (LocalDate("2026-10-19")!, LocalDate("2026-10-26")!)

    @Test func adherenceDaysComeFromOccurrencesAndEntries() async throws {
        let scenario = try await ExportScenario.make()
        let report = try await scenario.practice.clientReport(
            clientID: ExportScenario.clientID, from: Self.period.0, to: Self.period.1)
        let byID = Dictionary(uniqueKeysWithValues: report.adherence.map { ($0.assignmentID, $0) })
        // Thought record 19-26: done 19, 20, 22, 23, 24; missed 21 and 25
        // (Sunday 20:00 CET passed); 26 at 20:00 is still ahead at 13:00.
        let thought = try #require(byID[ExportScenario.thoughtRecord])
        #expect(thought.counts == [.done: 5, .missed: 2, .pending: 1])
        #expect(thought.days[LocalDate("2026-10-21")!] == .missed)
        #expect(thought.days[LocalDate("2026-10-25")!] == .missed)
        #expect(thought.rate == 5.0 / 7.0)
        // Ladder: done 19, 20; missed 21-25; pending 26 (18:00 still ahead).
        #expect(byID[ExportScenario.ladder]?.counts == [.done: 2, .missed: 5, .pending: 1])
        // PHQ-9 on Mondays 19 and 26, both done.
        #expect(byID[ExportScenario.phq9]?.days == [Self.period.0: .done, Self.period.1: .done])
    }

    @Test func phq9SeriesIsScoredByTheInstrumentWithReliableChange() async throws {
        let scenario = try await ExportScenario.make()
        let report = try await scenario.practice.clientReport(
            clientID: ExportScenario.clientID, from: Self.period.0, to: Self.period.1)
        let series = try #require(report.measures.first { $0.instrumentID == "phq-9" })
        #expect(series.maxTotal == 27)
        // Kroenke, Spitzer and Williams 2001: 0-4 minimal ... 20-27 severe.
        #expect(series.bands.map(\.lower) == [0, 5, 10, 15, 20])
        #expect(series.administrations.map(\.total) == [18, 9])
        #expect(series.administrations.map(\.bandName) == ["moderately severe", "mild"])
        #expect(series.administrations[0].reliableChange == nil)
        // Jacobson and Truax 1991 with SD 5, r 0.84: S_diff = sqrt(2) * 5 *
        // sqrt(1 - 0.84) = 2.8284; RCI = (9 - 18) / 2.8284 = -3.1820.
        let change = try #require(series.administrations[1].reliableChange)
        #expect(abs(change.rci - -3.1820) < 0.0001)
        #expect(change.verdict == .reliablyImproved)
        #expect(change.standardDeviation == 5 && change.reliability == 0.84)
    }

    @Test func ladderTokensAndFlagsComeFromEngineState() async throws {
        let scenario = try await ExportScenario.make()
        let report = try await scenario.practice.clientReport(
            clientID: ExportScenario.clientID, from: Self.period.0, to: Self.period.1)
        // Two sessions meeting the criterion at step 1 (sessions = 2) master it.
        let ladder = try #require(report.ladders.first)
        #expect(ladder.steps.map(\.mastered) == [true, false, false])
        #expect(ladder.currentIndex == 2)
        #expect(ladder.steps[1].label == "Stand across the street from a dog")
        // One token per thought record (5), minus the movie night (3).
        let tokens = try #require(report.tokens)
        #expect(tokens.balance == 2)
        #expect(tokens.ledger.map(\.amount) == [1, 1, 1, 1, 1, -3])
        #expect(tokens.rewards.first?.redeemedOn == LocalDate("2026-10-26"))
        #expect(tokens.ledger.map(\.reason).suffix(2) == ["Thought record done", "Movie night"])
        // The latest PHQ-9 has item 9 at 1: the risk flag comes first.
        #expect(report.flags.first?.level == .risk)
        #expect(report.flags.first?.code == "phq9-item9")
        #expect(report.flags.map(\.level) == report.flags.map(\.level).sorted())
        // The ladder missed Wed-Sun: its barrier flag names it.
        #expect(
            report.flags.contains {
                $0.code == "consecutive-misses" && $0.message.hasPrefix("Exposure ladder: ")
            })
        // Score series per homework type, measures left out.
        #expect(
            Set(report.scores.map(\.homeworkType)) == [
                "org.carryover.thought-record", "org.carryover.exposure-ladder",
            ])
        let peaks = report.scores.first { $0.homeworkType == "org.carryover.exposure-ladder" }?
            .points.filter { $0.name == "suds_peak" }.map(\.value)
        #expect(peaks == [60, 60])
    }

    @Test func anUnknownClientOrAnInvertedPeriodIsRefused() async throws {
        let scenario = try await ExportScenario.make()
        await #expect(throws: PracticeError.self) {
            try await scenario.practice.clientReport(clientID: "c-999")
        }
        let error = await #expect(throws: PracticeError.self) {
            try await scenario.practice.clientReport(
                clientID: ExportScenario.clientID, from: Self.period.1, to: Self.period.0)
        }
        #expect(error?.code == .invalidInput)
    }
}
