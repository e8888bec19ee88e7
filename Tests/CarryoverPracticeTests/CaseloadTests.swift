import CarryoverCore
import CarryoverStore
import Foundation
import Testing

@testable import CarryoverPractice

/// The caseload (`status` with no client) from one read per client, and
/// the same figures as each client's full progress.
@Suite struct CaseloadTests {
    /// c-001: a daily mood log at 20:00 UTC from Mon 2026-11-30, done Mon and
    /// Wed, Tue missed; c-017: a weekly PHQ-9 with a risk answer, then
    /// abandoned; c-030: discharged, nothing assigned.
    static func threeClients() async throws -> PracticeFixture {
        let fixture = try PracticeFixture(now: instant("2026-11-30T08:00:00Z"))
        let practice = fixture.practice
        _ = try await practice.addClient(id: "c-001", displayName: "One", timeZone: "UTC")
        let mood = try await practice.assign(
            AssignmentRequest(
                clientID: "c-001", homeworkType: "org.carryover.mood-log",
                schedule: "daily at 20:00"))
        for day in ["2026-11-30", "2026-12-02"] {
            _ = try await fixture.at(instant("\(day)T19:45:00Z"))
                .log(assignmentID: mood.id, fields: ["mood": 6, "sleep_hours": 7])
        }
        let (_, phq9) = try await RiskFlagTests.weeklyPHQ9(in: fixture)
        _ = try await fixture.at(instant("2026-11-30T17:00:00Z"))
            .log(assignmentID: phq9.id, fields: RiskFlagTests.phq9(item9: 2))
        _ = try await practice.setStatus(phq9.id, to: .abandoned, reason: "moved away")
        _ = try await practice.addClient(id: "c-030", displayName: "Thirty", timeZone: "UTC")
        _ = try await practice.dischargeClient("c-030", reason: "done")
        return fixture
    }

    /// Worked by hand at Thu 2026-12-03 12:00 UTC: the mood log's Mon, Tue
    /// and Wed 20:00 occurrences are due (no grace), Thu's is still open:
    /// 2 done of 3. The PHQ-9 is abandoned, so it adds no adherence, but its
    /// unacknowledged risk flag still counts.
    @Test func rowsWorkedByHand() async throws {
        let fixture = try await Self.threeClients()
        let rows = try await fixture.at(instant("2026-12-03T12:00:00Z")).caseload()
        #expect(rows.map(\.client.id) == ["c-001", "c-017", "c-030"])
        #expect(rows[0].activeAssignments == 1)
        #expect(rows[0].adherence == AdherenceCount(done: 2, due: 3))
        #expect(rows[0].riskFlags == 0)
        #expect(rows[1].activeAssignments == 0)
        #expect(rows[1].adherence == AdherenceCount(done: 0, due: 0))
        #expect(rows[1].riskFlags == 1)
        #expect(rows[1].flags == 1)
        #expect(rows[2].activeAssignments == 0 && rows[2].flags == 0)
    }

    /// The same figures as adding up every client's ``Practice/progress(clientID:)``
    /// (what `status` with no client did before), a week later too.
    @Test func sameAsEachClientsProgress() async throws {
        let fixture = try await Self.threeClients()
        for now in ["2026-12-03T12:00:00Z", "2026-12-10T21:00:00Z"] {
            let practice = try fixture.at(instant(now))
            var expected: [CaseloadRow] = []
            for client in try await practice.store.clients() {
                expected.append(Self.row(client, try await practice.progress(clientID: client.id)))
            }
            #expect(try await practice.caseload() == expected)
        }
    }

    /// One read of the open flags, of the clients and of every assignment
    /// with its state; no entry read, no plugin loaded.
    @Test func readsNoEntries() async throws {
        let fixture = try await Self.threeClients()
        let (practice, store) = try OnePassTests.counted(
            fixture, at: instant("2026-12-03T12:00:00Z"))
        _ = try await practice.caseload()
        #expect(store.calls == ["flags": 1, "clients": 1, "assignmentsWithState": 1])
        #expect(practice.usage.snapshot.isEmpty)
    }

    /// A client's row folded from its assignments' progress.
    static func row(_ client: Client, _ progress: [AssignmentProgress]) -> CaseloadRow {
        let active = progress.filter { $0.assignment.status == .active }
        let risks = progress.flatMap(\.riskFlags).count
        return CaseloadRow(
            client: client, activeAssignments: active.count,
            adherence: AdherenceCount(
                done: active.map(\.adherence.overall.done).reduce(0, +),
                due: active.map(\.adherence.overall.due).reduce(0, +)),
            riskFlags: risks,
            flags: risks
                + active.map {
                    $0.pluginFlags.filter { !$0.needsAcknowledgement }.count
                        + $0.barrierFlags.count
                }.reduce(0, +))
    }
}
