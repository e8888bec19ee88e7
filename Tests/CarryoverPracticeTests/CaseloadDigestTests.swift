import CarryoverCore
import CarryoverStore
import Foundation
import Testing

@testable import CarryoverPractice

/// The caseload read from the digests kept in the engine states equals the
/// caseload computed from every entry, after random sequences of what a
/// clinic does: logs (late, backdated), portal forms, supporter
/// confirmations, voids, amendments, imports, schedule changes, ends, and a
/// clock moved forward and back.
@Suite struct CaseloadDigestTests {
    /// Two clients, each with a daily mood log; one with an evening one too.
    static func practice(_ fixture: PracticeFixture) async throws -> [String] {
        let practice = fixture.practice
        var ids: [String] = []
        for (client, zone) in [("c-001", "Europe/Berlin"), ("c-002", "America/New_York")] {
            _ = try await practice.addClient(id: client, displayName: client, timeZone: zone)
            ids.append(
                try await practice.assign(
                    AssignmentRequest(
                        clientID: client, homeworkType: "org.carryover.mood-log",
                        schedule: "daily at 08:00")
                ).id)
        }
        ids.append(
            try await practice.assign(
                AssignmentRequest(
                    clientID: "c-001", homeworkType: "org.carryover.mood-log",
                    schedule: "weekly on mon-fri at 19:30")
            ).id)
        return ids
    }

    @Test(arguments: 0..<4)
    func equalsTheFullRecomputeAfterRandomOperations(seed: Int) async throws {
        var random = SeededRandom(seed: UInt64(seed))
        var now = instant("2026-11-30T06:00:00Z")
        let fixture = try PracticeFixture(now: now)
        let ids = try await Self.practice(fixture)
        let supporter = try await fixture.practice.addSupporter(
            clientID: "c-001", name: "Sam", relation: .partner)
        _ = try await fixture.practice.allow(
            supporterID: supporter.id, assignmentID: ids[0], permissions: [.confirm],
            confirmationsCount: true)
        let fields: Value = ["mood": 6, "sleep_hours": 7]
        var step = 0
        for _ in 0..<30 {
            step += 1
            let practice = try fixture.at(now)
            let id = ids.randomElement(using: &random)!
            let hours = Double(Int.random(in: 1...72, using: &random))
            switch Int.random(in: 0...11, using: &random) {
            case 0, 1:
                _ = try? await practice.log(assignmentID: id, fields: fields)
            case 2:  // late or backdated
                _ = try? await practice.log(
                    assignmentID: id, fields: fields, performedAt: now - hours * 3_600)
            case 3:  // a portal form
                _ = try? await practice.log(
                    assignmentID: id, fields: fields, source: .client,
                    idempotencyKey: "form-\(seed)-\(step)")
            case 4:
                _ = try? await practice.confirmPractice(
                    supporterID: supporter.id, clientID: "c-001", assignmentID: ids[0],
                    fields: .object([:]), idempotencyKey: "confirm-\(seed)-\(step)")
            case 5:
                if let entry = try await practice.store.entries(.init(assignmentID: id)).last {
                    _ = try? await practice.voidEntry(entry.id, reason: "logged twice")
                }
            case 6:
                if let entry = try await practice.store.entries(.init(assignmentID: id)).first {
                    _ = try? await practice.amendEntry(
                        entry.id, changes: ["mood": 2], reason: "typo")
                }
            case 7:
                _ = try? await practice.modify(
                    id, params: nil, schedule: "daily at 18:00", completion: nil,
                    reinforcement: nil, reason: "evenings suit better")
            case 8:
                try await Self.importLines(
                    into: practice, id, at: now - hours * 3_600, name: "\(seed)-\(step)")
            case 9:
                if Int.random(in: 0...3, using: &random) == 0 {
                    _ = try? await practice.setStatus(id, to: .abandoned, reason: "stopped")
                }
            case 10:  // the clock went back
                now -= hours * 3_600
            default:
                now += Double(Int.random(in: 1...14, using: &random)) * 86_400 / 2
            }
            now += 3_600
            let later = try fixture.at(now)
            let rows = try await later.caseload()
            #expect(rows == (try await later.caseloadFromEntries()), "step \(step)")
        }
    }

    /// A digest that a write left retired (killed before its refresh) is
    /// never read: that assignment is computed from its entries.
    @Test func aRetiredDigestIsNotRead() async throws {
        let fixture = try PracticeFixture(now: instant("2026-11-30T06:00:00Z"))
        let ids = try await Self.practice(fixture)
        let practice = try fixture.at(instant("2026-12-02T09:00:00Z"))
        _ = try await practice.log(assignmentID: ids[0], fields: ["mood": 6, "sleep_hours": 7])
        // As a batch of an import killed before its refresh leaves it.
        _ = try await practice.store.writeEngine(assignmentID: ids[0], entryID: nil) { snapshot in
            var state = try Practice.assignmentState(snapshot.assignment, stored: snapshot.state)
            #expect(state.currentDigest != nil)
            state.entryRevision = (state.entryRevision ?? 0) + 1
            return (EngineWrite(engineState: try Value(encoding: state)), ())
        }
        let state = try await practice.assignmentState(try await practice.assignment(ids[0]))
        #expect(state.digest != nil && state.currentDigest == nil)
        let later = try fixture.at(instant("2026-12-09T09:00:00Z"))
        #expect(try await later.caseload() == (try await later.caseloadFromEntries()))
    }

    /// A log keeps the digest in its own write (one engine write): it equals
    /// the digest computed from the entries as stored, at the log's moment,
    /// for an entry logged days late for an old occurrence, after the
    /// schedule changed midway, and with the clock behind an entry.
    @Test func aLogKeepsTheDigestItsEntriesGive() async throws {
        let fixture = try PracticeFixture(now: instant("2026-11-30T06:00:00Z"))
        // Daily at 08:00 in Berlin: due 07:00Z, no grace.
        let id = try await Self.practice(fixture)[0]
        let fields: Value = ["mood": 6, "sleep_hours": 7]
        func logged(at now: String, performedAt: String? = nil) async throws -> ProgressDigest {
            let moment = instant(now)
            let practice = try fixture.at(moment)
            _ = try await practice.log(
                assignmentID: id, fields: fields, performedAt: performedAt.map(instant))
            let assignment = try await practice.assignment(id)
            let state = try await practice.assignmentState(assignment)
            let entries = try await practice.store.entries(
                .init(assignmentID: id, includeFields: false))
            let kept = try #require(state.currentDigest)
            #expect(
                kept
                    == Practice.digest(
                        assignment, entries: entries, now: moment,
                        revision: state.entryRevision ?? 0))
            return kept
        }
        _ = try await logged(at: "2026-12-01T06:50:00Z")
        // Logged three days late for the first occurrence (30 Nov, due 07:00Z):
        // 30 Nov and 1 Dec done, 2 and 3 Dec missed, 4 Dec not due yet.
        let late = try await logged(at: "2026-12-03T12:00:00Z", performedAt: "2026-11-30T06:45:00Z")
        #expect(late.adherence == AdherenceCount(done: 2, due: 4))
        _ = try await fixture.at(instant("2026-12-03T12:30:00Z")).modify(
            id, params: nil, schedule: "daily at 18:00", completion: nil, reinforcement: nil,
            reason: "evenings suit better")
        _ = try await logged(at: "2026-12-04T16:50:00Z")
        // The clock behind the last entry: kept, but never carried forward.
        let behind = try await logged(at: "2026-12-02T12:00:00Z")
        let assignment = try await fixture.practice.assignment(id)
        #expect(behind.extended(to: instant("2026-12-09T12:00:00Z"), assignment: assignment) == nil)
    }

    /// Two imported lines for the assignment, an hour apart.
    static func importLines(into practice: Practice, _ id: String, at: Date, name: String)
        async throws
    {
        let file = practice.folder.appendingPathComponent("import-\(name).jsonl")
        let lines = [at, at + 3_600].map {
            #"{"assignment":"\#(id)","performedAt":"\#(StrictDate.text($0))","fields":{"mood":5,"sleep_hours":6}}"#
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        _ = try? await practice.importEntries(path: file.path, strict: false)
    }
}
