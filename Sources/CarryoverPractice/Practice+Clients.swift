import CarryoverCore
import CarryoverStore
import Foundation

extension Goal: StoredDocument {
    public static let kind = "goal"
}

extension Practice {
    /// Adds a client after checking the time zone.
    public func addClient(id: String, displayName: String, timeZone: String) async throws -> Client
    {
        guard !id.isEmpty, id.count <= 64,
            id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) })
        else {
            throw PracticeError(
                .invalidInput,
                "client id '\(id.prefix(64))' must be 1-64 letters, digits, '-', '_' or '.'; "
                    + "use a pseudonym such as c-017, never a real name")
        }
        try Self.checkTimeZone(timeZone)
        let client = Client(id: id, displayName: displayName, timeZone: timeZone)
        try await store.addClient(client)
        return client
    }

    /// The client with `id`, or a not-found error that suggests the closest ids.
    public func client(_ id: String) async throws -> Client {
        do {
            return try await store.client(id: id)
        } catch let error as StoreError where error.code == .notFound {}
        // Only a client that is not there reads every client, for the hint.
        let clients = try await store.clients()
        throw PracticeError(
            .notFound,
            "no client '\(id)'.\(Suggestions.hint(for: id, among: clients.map(\.id))) "
                + "See 'carryover client list'.")
    }

    /// Saves a goal for an existing client and returns its SMART findings.
    public func saveGoal(_ goal: Goal) async throws -> [SMARTFinding] {
        let client = try await client(goal.clientID)
        try Self.requireInTreatment(client)
        try goal.validate()
        try await store.save(goal)
        return goal.smartCheck(today: today(in: client.timeZone))
    }

    /// The client's goals.
    public func goals(clientID: String) async throws -> [Goal] {
        try await store.documents(Goal.self, clientID: clientID)
    }

    /// Today's local date in a client's time zone.
    func today(in timeZone: String) -> LocalDate {
        LocalDate(clock.now(), in: TimeZone(identifier: timeZone) ?? .gmt)
    }
}
