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
/// sign in with their invite links and open their mood-log form.
///
/// Throughput: all clients send `entries` forms at once, each client one
/// after another (a closed loop at saturation); each client's last form is
/// sent twice (a double tap). Exactly clients x entries entries must be
/// stored, none lost or doubled.
///
/// Latency: the same number of forms again, arriving open-loop (Poisson,
/// seeded) at ``openShare`` of the bare handler's throughput in this run,
/// at the portal and at the baseline alike; p50 and p99 from each form's
/// scheduled arrival. Afterwards exactly twice as many entries are stored.
///
/// The baseline is a bare Hummingbird handler doing one SQLite insert (WAL,
/// synchronous FULL, like the practice), hit the same way in the same run.
struct PortalLoad {
    var clients: Int
    var entries: Int
    var workspace: URL

    /// The open-loop arrival rate as a share of the bare handler's throughput.
    static let openShare = 0.25
    /// The seed of the open-loop arrivals and of the order clients take turns in.
    static let seed: UInt64 = 20_261_207

    func run(into report: inout Report) async throws {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = clients
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            try await measure(http, into: &report)
            try await http.shutdown()
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    private func measure(_ http: HTTPClient, into report: inout Report) async throws {
        let site = try await PortalSite.start(
            clients: clients, forms: 2 * entries,
            folder: workspace.appendingPathComponent("portal"),
            http: http)
        defer { site.stop() }
        let portalWave = try await LoadTimes.measure(site.clients.map { Wave($0, entries) }) {
            try await $0.client.submit(http, base: site.base, form: $1)
        }
        for client in site.clients {
            try await client.submit(http, base: site.base, form: entries - 1)
        }
        try await site.check(entriesPerClient: entries)

        let bare = try await BareInsertServer.start(
            path: workspace.appendingPathComponent("bare.sqlite").path)
        defer { bare.stop() }
        let posters = (0..<clients).map { BareInsertServer.Poster(client: $0, formCount: entries) }
        let bareWave = try await LoadTimes.measure(posters) { try await bare.post(http, $0, $1) }
        try bare.check(rows: clients * entries)

        let rate = Self.openShare * bareWave.throughput
        let forms = OpenLoad.shuffled(
            site.clients.flatMap { client in (entries..<2 * entries).map { (client, $0) } },
            seed: Self.seed)
        let portalOpen = try await OpenLoad.measure(forms, rate: rate, seed: Self.seed) {
            try await $0.0.submit(http, base: site.base, form: $0.1)
        }
        try await site.check(entriesPerClient: 2 * entries)
        let posts = OpenLoad.shuffled(
            posters.flatMap { poster in (entries..<2 * entries).map { (poster, $0) } },
            seed: Self.seed)
        let bareOpen = try await OpenLoad.measure(posts, rate: rate, seed: Self.seed) {
            try await bare.post(http, $0.0, $0.1)
        }
        try bare.check(rows: 2 * clients * entries)
        add(wave: (portalWave, bareWave), open: (portalOpen, bareOpen), rate: rate, to: &report)
    }

    private func add(
        wave: (portal: LoadTimes, bare: LoadTimes), open: (portal: LoadTimes, bare: LoadTimes),
        rate: Double, to report: inout Report
    ) {
        func ms(_ value: Double) -> String { Format.number(value) }
        let note =
            "\(clients) clients x \(entries) entries at once over HTTP on 127.0.0.1; "
            + "the machine (2 cores) runs the clients too. At saturation (a closed loop, "
            + "latency is the queue): portal p50 \(ms(Statistics.median(wave.portal.latencies)))"
            + " / p99 \(ms(Statistics.percentile(99, of: wave.portal.latencies))) ms, bare p50 "
            + "\(ms(Statistics.median(wave.bare.latencies))) / p99 "
            + "\(ms(Statistics.percentile(99, of: wave.bare.latencies))) ms"
        report.add(
            Comparison(
                scenario: "6 portal form submissions", unit: "entries/s",
                project: wave.portal.throughput, baseline: wave.bare.throughput,
                target: .ratioAtLeast(0.5), note: note))
        let openNote =
            "\(clients * entries) forms from \(clients) signed-in clients arriving open-loop "
            + "(Poisson, seed \(Self.seed)) at \(ms(rate))/s, \(Int(Self.openShare * 100))% "
            + "of the bare handler's throughput; timed from each scheduled arrival"
        report.add(
            Comparison(
                scenario: "6 portal submission p50 at \(Int(Self.openShare * 100))% load",
                unit: "ms", project: Statistics.median(open.portal.latencies),
                baseline: Statistics.median(open.bare.latencies), target: .atMost(50),
                note: openNote))
        report.add(
            Comparison(
                scenario: "6 portal submission p99 at \(Int(Self.openShare * 100))% load",
                unit: "ms", project: Statistics.percentile(99, of: open.portal.latencies),
                baseline: Statistics.percentile(99, of: open.bare.latencies),
                target: .atMost(50)))
    }

    /// One client's forms in the saturation wave.
    private struct Wave: FormCount {
        let client: SimulatedClient
        let formCount: Int
        init(_ client: SimulatedClient, _ formCount: Int) {
            self.client = client
            self.formCount = formCount
        }
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
