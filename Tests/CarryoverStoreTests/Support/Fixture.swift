import CarryoverCore
import CarryoverStore
import Foundation
import Testing

/// Sample practice data the tests share.
enum Fixture {
    /// 2026-03-01T00:00:00Z: 20,513 days after 1970-01-01 (56 years with 14
    /// leap days, then 31 + 28 days) times 86,400 s, worked out by hand.
    static let t0 = Date(timeIntervalSince1970: 1_772_323_200)
    static let clock = FixedClock(t0)

    static func client(_ id: String = "c-1", name: String = "Alex Example") -> Client {
        Client(id: id, displayName: name, timeZone: "Europe/Berlin")
    }

    // A valid schedule always constructs; `try!` keeps the fixture a one-liner.
    static let dailySchedule = try! Schedule(
        timeZone: "Europe/Berlin", start: .on(LocalDate("2026-03-01")!),
        pattern: .daily(interval: 1),
        timing: .at([LocalTime("20:00")!]))

    static func assignment(
        _ id: String = "a-1", client: String = "c-1", type: String = "org.example.mood",
        status: Assignment.Status = .active, createdAt: Date = t0
    ) -> Assignment {
        Assignment(
            id: id, clientID: client, homeworkType: type, homeworkVersion: "1.0.0",
            params: ["steps": [1, 2, 3]], schedule: dailySchedule, completion: .done,
            reinforcement: ReinforcementPlan(), status: status, seed: 42, createdAt: createdAt)
    }

    /// An entry as the fixture stores (principal "dr-test") record it.
    static func entry(
        _ id: String, assignment: Assignment, at offset: TimeInterval = 0,
        fields: Value = ["mood": 7, "note": "felt calmer"], scores: [String: Double] = ["mood": 7]
    ) -> Entry {
        Entry(
            id: id, assignmentID: assignment.id, clientID: assignment.clientID,
            homeworkType: assignment.homeworkType, homeworkVersion: assignment.homeworkVersion,
            performedAt: t0.addingTimeInterval(offset),
            loggedAt: t0.addingTimeInterval(offset + 60),
            fields: fields, scores: scores, recordedBy: "dr-test")
    }

    /// A store with client c-1 and its assignment a-1.
    static func seeded(_ factory: StoreFactory) async throws -> (any PracticeStore, Assignment) {
        let store = try await factory.make(clock)
        try await store.addClient(client())
        let assignment = assignment()
        try await store.saveAssignment(assignment)
        return (store, assignment)
    }
}

/// A goal as a test document (the engine's real goal type is written elsewhere).
struct TestGoal: StoredDocument, Equatable {
    static let kind = "goal"
    var id: String
    var clientID: String
    var behaviour: String
    var phases: [String]
}

/// Runs `body`, expecting a StoreError with `code`; returns it.
@discardableResult
func expectStoreError(
    _ code: StoreError.Code, _ body: () async throws -> Void
) async -> StoreError? {
    do {
        try await body()
    } catch let error as StoreError {
        if error.code != code {
            Issue.record("expected \(code), got \(error.code): \(error.message)")
        }
        return error
    } catch {
        Issue.record("expected StoreError \(code), got \(error)")
        return nil
    }
    Issue.record("expected StoreError \(code), nothing was thrown")
    return nil
}
