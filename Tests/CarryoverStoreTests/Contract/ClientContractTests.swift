import CarryoverCore
import CarryoverStore
import Foundation
import Testing

/// The contract every store passes: clients, documents and assignments.
@Suite struct ClientContractTests {
    @Test(arguments: StoreFactory.available)
    func clientsAddGetListUpdate(_ factory: StoreFactory) async throws {
        let store = try await factory.make(Fixture.clock)
        try await store.addClient(Fixture.client("c-2", name: "Blake"))
        try await store.addClient(Fixture.client("c-1", name: "Alex"))
        #expect(try await store.clients().map(\.id) == ["c-1", "c-2"])
        var alex = try await store.client(id: "c-1")
        #expect(alex == Fixture.client("c-1", name: "Alex"))
        alex.timeZone = "America/New_York"
        try await store.updateClient(alex)
        #expect(try await store.client(id: "c-1").timeZone == "America/New_York")
    }

    @Test(arguments: StoreFactory.available)
    func clientErrorsNameTheIDNotTheName(_ factory: StoreFactory) async throws {
        let store = try await factory.make(Fixture.clock)
        try await store.addClient(Fixture.client("c-1", name: "Secret Name"))
        let duplicate = await expectStoreError(.duplicate) {
            try await store.addClient(Fixture.client("c-1", name: "Secret Name"))
        }
        #expect(duplicate?.message.contains("c-1") == true)
        #expect(duplicate?.message.contains("Secret") == false)
        await expectStoreError(.notFound) { _ = try await store.client(id: "c-9") }
        await expectStoreError(.notFound) { try await store.updateClient(Fixture.client("c-9")) }
        await expectStoreError(.invalidInput) { try await store.addClient(Fixture.client("")) }
        #expect(try await store.clients().count == 1)
    }

    @Test(arguments: StoreFactory.available)
    func documentsByKindAndClient(_ factory: StoreFactory) async throws {
        let store = try await factory.make(Fixture.clock)
        try await store.addClient(Fixture.client("c-1"))
        try await store.addClient(Fixture.client("c-2"))
        let goal = TestGoal(id: "g-1", clientID: "c-1", behaviour: "walk", phases: ["p1", "p2"])
        try await store.save(goal)
        try await store.save(TestGoal(id: "g-2", clientID: "c-2", behaviour: "read", phases: []))
        #expect(try await store.document(TestGoal.self, id: "g-1") == goal)
        #expect(try await store.documents(TestGoal.self, clientID: "c-1") == [goal])
        var changed = goal
        changed.phases.append("p3")
        try await store.save(changed)
        #expect(try await store.document(TestGoal.self, id: "g-1").phases == ["p1", "p2", "p3"])
        await expectStoreError(.conflict) {
            try await store.save(TestGoal(id: "g-1", clientID: "c-2", behaviour: "x", phases: []))
        }
        await expectStoreError(.notFound) {
            try await store.save(TestGoal(id: "g-3", clientID: "c-9", behaviour: "x", phases: []))
        }
        await expectStoreError(.notFound) { _ = try await store.document(TestGoal.self, id: "g-9") }
    }

    @Test(arguments: StoreFactory.available)
    func assignmentsByClientAndStatus(_ factory: StoreFactory) async throws {
        let (store, first) = try await Fixture.seeded(factory)
        let paused = Fixture.assignment(
            "a-2", status: .paused, createdAt: Fixture.t0.addingTimeInterval(10))
        try await store.saveAssignment(paused)
        #expect(try await store.assignment(id: "a-1") == first)
        #expect(try await store.assignments(clientID: "c-1", status: nil) == [first, paused])
        #expect(try await store.assignments(clientID: "c-1", status: .paused) == [paused])
        var done = first
        done.status = .completed
        done.history.append(AssignmentChange(at: Fixture.t0, what: "status", reason: "goal met"))
        try await store.saveAssignment(done)
        #expect(try await store.assignments(clientID: "c-1", status: .completed) == [done])
        #expect(try await store.assignments(clientID: "c-1", status: .active).isEmpty)
    }

    @Test(arguments: StoreFactory.available)
    func assignmentsStayWithTheirClient(_ factory: StoreFactory) async throws {
        let (store, _) = try await Fixture.seeded(factory)
        try await store.addClient(Fixture.client("c-2"))
        await expectStoreError(.conflict) {
            try await store.saveAssignment(Fixture.assignment("a-1", client: "c-2"))
        }
        await expectStoreError(.notFound) {
            try await store.saveAssignment(Fixture.assignment("a-9", client: "c-9"))
        }
        await expectStoreError(.notFound) { _ = try await store.assignment(id: "a-9") }
        #expect(try await store.assignments(clientID: "c-2", status: nil).isEmpty)
    }
}
