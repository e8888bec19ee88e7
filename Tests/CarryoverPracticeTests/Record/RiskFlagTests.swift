import CarryoverCore
import CarryoverExport
import Foundation
import Testing

@testable import CarryoverPractice

/// A PHQ-9 with item 9 answered 2, then one with item 9 answered 0: the risk
/// stays in status and in every report whose period holds the risky entry
/// until a therapist acknowledges it.
@Suite struct RiskFlagTests {
    static func phq9(item9: Int) -> Value {
        var fields: [String: Value] = [:]
        for item in 1...8 { fields["item\(item)"] = 1 }
        fields["item9"] = .int(Int64(item9))
        return .object(fields)
    }

    /// c-017 (Berlin) with a PHQ-9 every Monday at 19:00, assigned Mon 2026-11-30 08:00Z.
    static func weeklyPHQ9(in existing: PracticeFixture? = nil) async throws -> (
        PracticeFixture, Assignment
    ) {
        let fixture = try existing ?? PracticeFixture(now: instant("2026-11-30T08:00:00Z"))
        _ = try await fixture.practice.addClient(
            id: "c-017", displayName: "Client 17", timeZone: "Europe/Berlin")
        let assignment = try await fixture.practice.assign(
            AssignmentRequest(
                clientID: "c-017", homeworkType: "org.carryover.phq9",
                schedule: "weekly on mon at 19:00"))
        return (fixture, assignment)
    }

    /// The weekly PHQ-9; the risky one Mon 2026-11-30, a calm one Mon 2026-12-07.
    func setUp() async throws -> (PracticeFixture, Assignment) {
        let (fixture, assignment) = try await Self.weeklyPHQ9()
        let risky = try await fixture.at(instant("2026-11-30T17:00:00Z"))
            .log(assignmentID: assignment.id, fields: Self.phq9(item9: 2))
        #expect(risky.flags.map(\.code) == ["phq9-item9"])
        _ = try await fixture.at(instant("2026-12-07T17:00:00Z"))
            .log(assignmentID: assignment.id, fields: Self.phq9(item9: 0))
        return (fixture, assignment)
    }

    @Test func aLaterCalmAnswerDoesNotHideTheRisk() async throws {
        let (fixture, assignment) = try await setUp()
        let practice = try fixture.at(instant("2026-12-08T08:00:00Z"))
        let progress = try await practice.progress(of: assignment)
        #expect(progress.openFlags.map(\.code) == ["phq9-item9"])
        #expect(progress.riskFlags.count == 1)
        #expect(progress.openFlags.first?.performedAt == instant("2026-11-30T17:00:00Z"))
        // A report of the week after still shows the open risk, dated.
        let later = try await practice.clientReport(
            clientID: "c-017", from: LocalDate("2026-12-07"), to: LocalDate("2026-12-08"))
        #expect(
            later.flags.filter { $0.level == .risk }.map(\.raisedOn) == [LocalDate("2026-11-30")])
    }

    @Test func anAcknowledgedRiskLeavesStatusButStaysInItsPeriod() async throws {
        let (fixture, assignment) = try await setUp()
        let practice = try fixture.at(instant("2026-12-08T08:00:00Z"))
        let open = try await practice.flags(clientID: "c-017")
        #expect(open.count == 1)
        await #expect(throws: PracticeError.self) {
            _ = try await practice.acknowledgeFlags(ids: [open[0].id], note: "")
        }
        let acknowledged = try await practice.acknowledgeFlags(
            ids: [open[0].id], note: "called the client; safety plan reviewed")
        #expect(acknowledged.first?.acknowledgement?.at == instant("2026-12-08T08:00:00Z"))
        #expect(try await practice.progress(of: assignment).openFlags.isEmpty)
        #expect(try await practice.flags(clientID: "c-017").isEmpty)
        #expect(try await practice.flags(clientID: "c-017", includeAcknowledged: true).count == 1)
        // Gone from a later period; shown, with who acknowledged it, in the period of the entry.
        let later = try await practice.clientReport(
            clientID: "c-017", from: LocalDate("2026-12-07"), to: LocalDate("2026-12-08"))
        #expect(later.flags.filter { $0.level == .risk }.isEmpty)
        let then = try await practice.clientReport(
            clientID: "c-017", from: LocalDate("2026-11-30"), to: LocalDate("2026-12-06"))
        let risk = try #require(then.flags.first { $0.level == .risk })
        #expect(risk.acknowledgement?.contains("called the client") == true)
        #expect(risk.acknowledgement?.contains(practice.actor.name) == true)
        let journal = try await practice.store.auditJournal(.init(action: "flag.ack"))
        #expect(journal.map(\.principal) == [practice.actor.name])
        await #expect(throws: PracticeError.self) {
            _ = try await practice.acknowledgeFlags(ids: [open[0].id], note: "again")
        }
    }
}
