import AsyncHTTPClient
import CarryoverCore
import CarryoverPractice
import CarryoverServer
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1

/// Scenario 6: the client portal under load. `clients` simulated clients
/// sign in with their invite links, open their mood-log form `entries`
/// times, then all send their forms at once, each client one after another;
/// each client's last form is sent twice (a double tap). Exactly
/// clients x entries entries must be stored, none lost or doubled.
///
/// The baseline is a bare Hummingbird handler doing one SQLite insert (WAL,
/// synchronous FULL, like the practice), hit the same way in the same run.
struct PortalLoad {
    var clients: Int
    var entries: Int
    var workspace: URL

    func run(into report: inout Report) async throws {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = clients
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let portal = try await portalRun(http)
            let bare = try await BareInsertServer.run(
                http, clients: clients, entries: entries,
                path: workspace.appendingPathComponent("bare.sqlite").path)
            try await http.shutdown()
            add(portal, bare, to: &report)
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    private func add(_ portal: LoadTimes, _ bare: LoadTimes, to report: inout Report) {
        let note =
            "\(clients) clients x \(entries) entries at once over HTTP on 127.0.0.1; "
            + "the machine (2 cores) runs the clients too"
        report.add(
            Comparison(
                scenario: "6 portal form submissions", unit: "entries/s",
                project: portal.throughput, baseline: bare.throughput, target: .ratioAtLeast(0.5),
                note: note))
        report.add(
            Comparison(
                scenario: "6 portal submission p50", unit: "ms",
                project: Statistics.median(portal.latencies),
                baseline: Statistics.median(bare.latencies), target: .atMost(50)))
        report.add(
            Comparison(
                scenario: "6 portal submission p99", unit: "ms",
                project: Statistics.percentile(99, of: portal.latencies),
                baseline: Statistics.percentile(99, of: bare.latencies), target: .atMost(50)))
    }

    /// Signs every client in, fetches their forms, then times the submissions.
    private func portalRun(_ http: HTTPClient) async throws -> LoadTimes {
        let folder = workspace.appendingPathComponent("portal")
        let practice = try Practice.create(at: folder)
        var tokens: [String] = []
        for index in 0..<clients {
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
        let (port, running) = try await Self.start { logger, onRunning in
            try await server.application(logger: logger, onRunning: onRunning).runService()
        }
        defer { running.cancel() }
        let base = "http://127.0.0.1:\(port)"
        let simulated = try await withThrowingTaskGroup(of: SimulatedClient.self) { group in
            for token in tokens {
                group.addTask {
                    try await SimulatedClient.signIn(http, base: base, token: token, forms: entries)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let times = try await LoadTimes.measure(simulated) { client, index in
            try await client.submit(http, base: base, form: index)
        }
        for client in simulated { try await client.submit(http, base: base, form: entries - 1) }
        var stored: [Entry] = []
        for client in try await practice.clients() {
            stored += try await practice.history(clientID: client.id)
        }
        let perClient = Dictionary(grouping: stored, by: \.clientID).mapValues(\.count)
        guard stored.count == clients * entries, perClient.values.allSatisfy({ $0 == entries }),
            stored.allSatisfy(\.viaPortal)
        else {
            throw BenchError(
                "the portal stored \(stored.count) entries for \(clients) x \(entries) forms")
        }
        return times
    }

    /// Runs a server until cancelled and returns the port it listens on.
    static func start(
        _ body:
            @escaping @Sendable (Logger, @escaping @Sendable (Int) async -> Void) async throws
            -> Void
    ) async throws -> (Int, Task<Void, any Error>) {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        // Request lines are not logged in either server: the comparison is of the handlers.
        let logger = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
        let task = Task { try await body(logger) { continuation.yield($0) } }
        for await port in ports { return (port, task) }
        task.cancel()
        throw BenchError("the server did not start")
    }
}

/// Latencies of every timed request (ms) and the throughput of the whole wave.
struct LoadTimes: Sendable {
    var latencies: [Double]
    var throughput: Double

    /// Runs every client's `forms` requests, all clients at once, each
    /// client's one after another, and times each request and the wave.
    static func measure<C: Sendable>(
        _ clients: [C], _ send: @escaping @Sendable (C, Int) async throws -> Void
    ) async throws -> LoadTimes where C: FormCount {
        let clock = ContinuousClock()
        let start = clock.now
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            for client in clients {
                group.addTask {
                    var times: [Double] = []
                    for index in 0..<client.formCount {
                        let began = clock.now
                        try await send(client, index)
                        times.append(milliseconds(clock.now - began))
                    }
                    return times
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let seconds = milliseconds(clock.now - start) / 1000
        return LoadTimes(latencies: latencies, throughput: Double(latencies.count) / seconds)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}

/// A simulated client that knows how many forms it sends.
protocol FormCount: Sendable {
    var formCount: Int { get }
}
