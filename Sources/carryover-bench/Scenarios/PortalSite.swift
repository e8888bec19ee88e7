import AsyncHTTPClient
import CarryoverCore
import CarryoverPractice
import CarryoverServer
import Foundation

/// Scenario 6's practice and portal: one client per simulated client, each
/// with a daily mood log under a token economy, signed in over HTTP with
/// `forms` forms fetched (each with its own idempotency key).
struct PortalSite {
    let practice: Practice
    let base: String
    let clients: [SimulatedClient]
    let running: Task<Void, any Error>

    static func start(clients count: Int, forms: Int, folder: URL, http: HTTPClient)
        async throws -> PortalSite
    {
        let practice = try Practice.create(at: folder)
        var tokens: [String] = []
        for index in 0..<count {
            let id = String(format: "c-%04d", index)
            _ = try await practice.addClient(id: id, displayName: id, timeZone: "Europe/Berlin")
            _ = try await practice.assign(
                AssignmentRequest(
                    clientID: id, homeworkType: "org.carryover.mood-log",
                    schedule: "daily at 20:00", reinforcement: "token economy"))
            tokens.append(try await practice.invite(clientID: id).token)
        }
        let server = PortalServer(
            practice: practice,
            configuration: PortalConfiguration(port: 0, maxBodyBytes: 64 * 1024))
        let (port, running) = try await PortalLoad.start { logger, onRunning in
            try await server.application(logger: logger, onRunning: onRunning).runService()
        }
        let base = "http://127.0.0.1:\(port)"
        do {
            let clients = try await withThrowingTaskGroup(of: SimulatedClient.self) { group in
                for token in tokens {
                    group.addTask {
                        try await SimulatedClient.signIn(
                            http, base: base, token: token, forms: forms)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            return PortalSite(practice: practice, base: base, clients: clients, running: running)
        } catch {
            running.cancel()
            throw error
        }
    }

    /// Fails unless every client has exactly `entriesPerClient` entries, all
    /// sent from the portal: none lost, none doubled by a double tap.
    func check(entriesPerClient: Int) async throws {
        var stored: [Entry] = []
        for client in try await practice.clients() {
            stored += try await practice.history(clientID: client.id)
        }
        let perClient = Dictionary(grouping: stored, by: \.clientID).mapValues(\.count)
        guard stored.count == clients.count * entriesPerClient, perClient.count == clients.count,
            perClient.values.allSatisfy({ $0 == entriesPerClient }), stored.allSatisfy(\.viaPortal)
        else {
            throw BenchError(
                "the portal stored \(stored.count) entries for \(clients.count) x "
                    + "\(entriesPerClient) forms")
        }
    }

    func stop() { running.cancel() }
}
