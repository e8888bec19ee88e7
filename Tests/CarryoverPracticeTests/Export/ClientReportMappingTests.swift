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
        let byID = Dictionary(
            uniqueKeysWithValues: report.assignments.map { ($0.assignmentID, $0.adherence) })
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
        let series = try #require(
            report.assignments.first { $0.assignmentID == ExportScenario.phq9 }?.measure)
        #expect(series.instrumentID == "phq-9")
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
        // Two sessions meeting the criterion at step 1 (sessions = 2) master it,
        // on the second, Tuesday the 20th.
        let byID = Dictionary(
            uniqueKeysWithValues: report.assignments.map { ($0.assignmentID, $0) })
        let ladder = try #require(byID[ExportScenario.ladder]?.ladder)
        #expect(ladder.steps.map(\.mastered) == [true, false, false])
        #expect(ladder.steps.map(\.masteredOn) == [LocalDate("2026-10-20"), nil, nil])
        #expect(ladder.currentIndex == 2)
        #expect(ladder.steps[1].label == "Stand across the street from a dog")
        #expect(
            byID[ExportScenario.ladder]?.milestones
                == [
                    Milestone(
                        date: LocalDate("2026-10-20")!,
                        text:
                            "Step 1 mastered: next is step 2 of 3 (Stand across the street from a dog)."
                    )
                ])
        // One token per thought record (5, all in the week of Monday the 19th, so one
        // line), minus the movie night (3), not delivered yet.
        let tokens = try #require(byID[ExportScenario.thoughtRecord]?.ledger)
        #expect(tokens.kind == "tokens")
        #expect(tokens.balance == "2 tokens")
        #expect(tokens.lines.map(\.amount) == ["+5 tokens", "-3 tokens"])
        #expect(
            tokens.lines.first?.words
                == "+5 tokens earned for 5 scheduled times in the week of 2026-10-19")
        #expect(tokens.lines.last?.words == "-3 tokens: Movie night")
        #expect(tokens.lines.last?.delivery == .pending)
        #expect(tokens.rewards == [.init(name: "Movie night", price: "3 tokens")])
        // The latest PHQ-9 has item 9 at 1: the risk flag comes first.
        #expect(report.flags.first?.level == .risk)
        #expect(report.flags.first?.code == "phq9-item9")
        #expect(report.flags.map(\.level) == report.flags.map(\.level).sorted())
        // The ladder missed Wed-Sun: its barrier flag names it.
        #expect(
            report.flags.contains {
                $0.code == "consecutive-misses" && $0.message.hasPrefix("Exposure ladder: ")
            })
        // One series per score, titled by the type, in its order; measures as totals.
        let ladderScores = try #require(byID[ExportScenario.ladder]?.scores)
        #expect(
            ladderScores.map(\.title) == [
                "Peak distress (SUDS 0-100)", "Drop in distress within the session (%)",
                "Minutes in the situation", "Safety behaviours used",
            ])
        #expect(ladderScores[0].points.map(\.value) == [60, 60])
        // The line breaks at the days the ladder was missed (Wed 21 to Sun 25).
        #expect(ladderScores[0].gaps == (21...25).map { LocalDate("2026-10-\($0)")! })
        #expect(byID[ExportScenario.phq9]?.scores.isEmpty == true)
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
