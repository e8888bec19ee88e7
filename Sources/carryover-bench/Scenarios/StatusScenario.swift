import CarryoverCore
import CarryoverPractice
import Foundation

/// Scenarios 3 and 5: one client's status (`Practice.progress(clientID:)`)
/// against one indexed query over the same rows, at several store sizes,
/// and the whole caseload's adherence summary against one grouped query.
struct StatusScenario {
    /// Store sizes in clients, smallest first; scenario 3's rows come from `main`.
    var sizes: [Int]
    var main: Int
    var days: Int
    /// Clients sampled per size for p50/p99.
    var samples: Int
    var caseloadRounds: Int
    var workspace: URL

    /// One client's entries and scores: what status needs from the store.
    static let clientQuery = """
        SELECT e.id, e.assignment_id, e.performed_at, e.fields, s.name, s.value
        FROM entry e LEFT JOIN entry_score s ON s.entry_id = e.id
        WHERE e.client_id = ? ORDER BY e.performed_at
        """
    /// Every assignment's entry count: what a caseload adherence summary needs.
    static let caseloadQuery =
        "SELECT client_id, assignment_id, count(*) FROM entry GROUP BY client_id, assignment_id"

    func run(into report: inout Report) async throws {
        var smallestP50: Double?
        for size in sizes {
            let caseload = try await Caseload.build(
                clients: size, days: days, in: workspace.appendingPathComponent("caseload-\(size)"))
            let practice = try Practice.open(at: caseload.folder, clock: FixedClock(caseload.now))
            let database = try RawSQLite(
                path: caseload.folder.appendingPathComponent(Practice.databaseName).path)
            let times = try await oneClient(caseload, practice, database)
            let p50 = Statistics.median(times.project)
            let base = smallestP50 ?? p50
            smallestP50 = base
            report.add(
                Comparison(
                    scenario: "5 status p50 at \(size) clients vs \(sizes[0])", unit: "ms",
                    project: p50, baseline: base, target: .ratioAtMost(2),
                    note:
                        "\(size * 2) assignments, \(days) days; baseline = the p50 at \(sizes[0]) clients"
                ))
            if size == main {
                try await mainRows(times, caseload, practice, database, into: &report)
            }
            if size > main, size == sizes.last {
                // One round: at 10,000 clients a round is the slow side's whole caseload.
                try await caseloadRow(practice, database, rounds: 1, limit: 3, into: &report)
            }
            try? FileManager.default.removeItem(at: caseload.folder)
        }
    }

    /// Milliseconds per client, the project's call and the query alternating client by client.
    private func oneClient(_ caseload: Caseload, _ practice: Practice, _ database: RawSQLite)
        async throws -> (project: [Double], baseline: [Double])
    {
        let query = try database.prepare(Self.clientQuery)
        let step = max(1, caseload.clientIDs.count / samples)
        let sampled = stride(from: 0, to: caseload.clientIDs.count, by: step).map {
            caseload.clientIDs[$0]
        }
        _ = try await practice.progress(clientID: sampled[0])  // warm-up
        var project: [Double] = []
        var baseline: [Double] = []
        for client in sampled {
            project.append(
                1000
                    * (try await Stopwatch.seconds {
                        _ = try await practice.progress(clientID: client)
                    }))
            baseline.append(1000 * (await Stopwatch.seconds { _ = query.readAll([.text(client)]) }))
        }
        return (project, baseline)
    }

    private func mainRows(
        _ times: (project: [Double], baseline: [Double]), _ caseload: Caseload,
        _ practice: Practice, _ database: RawSQLite, into report: inout Report
    ) async throws {
        let sample = "\(times.project.count) clients of \(main), \(days) days of entries"
        report.add(
            Comparison(
                scenario: "3 one client's status p50", unit: "ms",
                project: Statistics.median(times.project),
                baseline: Statistics.median(times.baseline),
                target: .ratioAtMost(3), note: sample))
        report.add(
            Comparison(
                scenario: "3 one client's status p50 (absolute)", unit: "ms",
                project: Statistics.median(times.project), baseline: nil, target: .atMost(20),
                note: sample))
        report.add(
            Comparison(
                scenario: "3 one client's status p99", unit: "ms",
                project: Statistics.percentile(99, of: times.project),
                baseline: Statistics.percentile(99, of: times.baseline), target: .ratioAtMost(5),
                note: sample))
        try await caseloadRow(
            practice, database, rounds: caseloadRounds, limit: 0.5, into: &report)
    }

    /// The caseload (`carryover status` with no client: every client's
    /// adherence, flags and risks) against one grouped count over all entries.
    private func caseloadRow(
        _ practice: Practice, _ database: RawSQLite, rounds: Int, limit: Double,
        into report: inout Report
    ) async throws {
        let clients = try await practice.clients().count
        let summary = try database.prepare(Self.caseloadQuery)
        let caseloadTimes = try await Stopwatch.alternate(
            rounds: rounds,
            project: {
                try await Stopwatch.seconds {
                    let rows = try await practice.caseload()
                    let done = rows.map(\.adherence.done).reduce(0, +)
                    guard rows.count == clients, done > 0 else {
                        throw BenchError("the caseload has no adherence")
                    }
                }
            },
            baseline: { await Stopwatch.seconds { _ = summary.readAll([]) } })
        report.add(
            Comparison(
                scenario: "3 caseload (status with no client), \(clients) clients", unit: "s",
                project: Statistics.median(caseloadTimes.project),
                baseline: Statistics.median(caseloadTimes.baseline), target: .atMost(limit),
                note: "median of \(rounds) alternating round(s); the baseline is one grouped count")
        )
    }
}
