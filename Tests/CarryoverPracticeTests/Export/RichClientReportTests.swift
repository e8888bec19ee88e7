import CarryoverCore
import CarryoverExport
import Foundation
import Testing

@testable import CarryoverPractice

/// The report of ``RichClientScenario``'s four weeks, against values worked
/// out by hand from its timeline.
@Suite struct RichClientReportTests {
    @Test func oneSectionPerAssignmentWithEveryLedgerGoalAndMilestone() async throws {
        let scenario = try await RichClientScenario.make()
        let report = try await scenario.practice.clientReport(clientID: RichClientScenario.client)
        #expect(report.periodStart == RichClientScenario.start)
        #expect(report.periodEnd == RichClientScenario.end)
        let byID = Dictionary(
            uniqueKeysWithValues: report.assignments.map { ($0.assignmentID, $0) })
        #expect(byID.count == 9)
        // Three mood logs, told apart by their schedules; the other titles are unique.
        #expect(byID["c-017-1"]?.heading == "Mood log: daily at 21:00, from 2026-11-02")
        #expect(byID["c-017-2"]?.heading == "Mood log: daily at 08:00, from 2026-11-02")
        #expect(
            byID["c-017-9"]?.heading
                == "Mood log: daily at 21:00, starting 2 days after the previous step")
        #expect(byID["c-017-4"]?.heading == "Exposure ladder")
        // The waiting one says what it waits for.
        #expect(byID["c-017-9"]?.waitsFor == "it starts when c-017-4 is completed")
        // The morning log: assigned Mon 2 Nov at 09:00, after that day's 08:00 (not
        // missed); done Nov 3 and 4; missed Nov 5 to 8 and Nov 9 at 08:00, an hour
        // before it was abandoned: 2 of 7. Nothing after counts.
        let morning = try #require(byID["c-017-2"])
        #expect(morning.status == "abandoned")
        #expect(morning.endedOn == LocalDate("2026-11-09"))
        #expect(morning.endReason == "one mood log a day is enough")
        #expect(morning.adherence.counts == [.done: 2, .missed: 5])
        #expect(morning.adherence.days.keys.max() == LocalDate("2026-11-09"))
        // The ladder: step 1 mastered on Nov 3, step 2 on Nov 6, step 3 current.
        let ladder = try #require(byID["c-017-4"]?.ladder)
        #expect(
            ladder.steps.map(\.masteredOn) == [
                LocalDate("2026-11-03"), LocalDate("2026-11-06"), nil,
            ])
        #expect(ladder.currentIndex == 3)
        #expect(
            byID["c-017-4"]?.milestones.map(\.date) == [
                LocalDate("2026-11-03")!, LocalDate("2026-11-06")!,
            ])
        // Speech: isolation mastered on Nov 9 (85, 90, 80% in a row), syllable current.
        let speech = try #require(byID["c-017-5"]?.speech)
        #expect(speech.levels.map(\.name) == ["isolation", "syllable"])
        #expect(speech.levels.map(\.masteredOn) == [LocalDate("2026-11-09"), nil])
        #expect(speech.currentLevel == "syllable")
        #expect(
            speech.sessions.filter { $0.level == "isolation" }.map(\.accuracy) == [
                0.7, 0.85, 0.9, 0.8,
            ])
        #expect(speech.sessions.filter { $0.level == "syllable" }.count == 7)
        // Every ledger. Mood log: 22 evenings logged, one token each, the movie
        // night (5) bought on Nov 20 and delivered: 17 left.
        let tokens = try #require(byID["c-017-1"]?.ledger)
        #expect(tokens.kind == "tokens" && tokens.balance == "17 tokens")
        #expect(tokens.lines.first { $0.words.hasSuffix("Movie night") }?.delivery == .delivered)
        // Vouchers (Higgins 1994): $2.50, $3.75, $5.00 + $10 bonus (3 in a row) in the
        // week of Nov 2; Nov 8 missed resets; $2.50, $3.75 in the week of Nov 9: $27.50.
        let vouchers = try #require(byID["c-017-6"]?.ledger)
        #expect(vouchers.kind == "vouchers" && vouchers.balance == "$27.50")
        #expect(vouchers.lines.map(\.amount) == ["+$21.25", "+$6.25"])
        // Prize bowl: 1 + 2 + 3 draws for Nov 2-4 in a row, 1 after the miss on Nov 5.
        let prizes = try #require(byID["c-017-7"]?.ledger)
        #expect(prizes.kind == "prizes" && prizes.balance == nil)
        #expect(prizes.lines.count == 7)
        #expect(prizes.lines.allSatisfy { $0.words.hasPrefix("prize") })
        // VR 2 with a sticker: each sticker is a line waiting to be delivered.
        let stickers = try #require(byID["c-017-8"]?.ledger)
        #expect(stickers.kind == "reinforcers")
        #expect(!stickers.lines.isEmpty)
        #expect(
            stickers.lines.allSatisfy {
                $0.words.hasPrefix("a sticker (entry ") && $0.delivery == .pending
            })
        #expect(byID["c-017-3"]?.ledger == nil)
        // PHQ-9 totals in its own section: 18, 14, 11, 8, 6.
        #expect(byID["c-017-3"]?.measure?.administrations.map(\.total) == [18, 14, 11, 8, 6])
        #expect(byID["c-017-3"]?.scores.isEmpty == true)
        // Scores of the evening mood log: titled, with a gap on each day missed.
        let mood = try #require(byID["c-017-1"]?.scores.first)
        #expect(mood.title == "Mood (0-10)")
        #expect(
            mood.gaps
                == [
                    "2026-11-05", "2026-11-11", "2026-11-12", "2026-11-18", "2026-11-24",
                    "2026-11-29",
                ]
                .map { LocalDate($0)! })
        // Goals with their phases and the assignments carrying out each task.
        #expect(report.goals.map(\.title) == ["Fewer anxious evenings", "Clearer speech"])
        #expect(
            report.goals[0].phases.map { $0.tasks.map(\.assignments) }
                == [
                    [["c-017-1 Mood log (active)"], ["c-017-6 Thought record (active)"]],
                    [["c-017-4 Exposure ladder (active)"]],
                ])
        #expect(
            byID["c-017-5"]?.task
                == "Clearer speech: The /r/ sound: Practise /r/ three times a week")
    }

    /// The JSON export carries every ledger too: prizes and stickers included.
    @Test func theJSONExportCarriesEveryLedger() async throws {
        let scenario = try await RichClientScenario.make()
        let json = try await scenario.practice.archiveJSON(clientID: RichClientScenario.client)
        let report = try #require(try Value.parse(json: json)["report"])
        let kinds = (report["assignments"]?.array ?? []).compactMap {
            $0["ledger"]?["kind"]?.string
        }
        #expect(kinds.sorted() == ["prizes", "reinforcers", "tokens", "vouchers"])
        #expect(json.contains("\"words\":\"a sticker (entry "))
        #expect(json.contains("\"formatVersion\":2"))
    }
}
