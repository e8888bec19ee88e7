import CarryoverCore
import CarryoverPractice
import Foundation

/// Scenario 2: a JSON Lines file validated by the plugin and imported with
/// `Practice.importEntries`, against raw prepared-statement inserts of the
/// same rows in one transaction; then peak memory per file size, each in
/// its own child process.
struct ImportScenario {
    var lines: Int
    var rounds: Int
    var memorySizes: [Int]
    /// Workers of the pool measured (one per core unless `--import-workers`).
    var workers: Int
    var workspace: URL

    func run(into report: inout Report) async throws {
        let file = workspace.appendingPathComponent("rate.jsonl")
        try ImportFile.write(lines: lines, to: file)
        let rows = try Self.rows(lines)
        var round = 0
        // Each round also imports with a pool of one worker, for the speed-up.
        var single: [Double] = []
        let rates = try await Stopwatch.alternate(
            rounds: rounds,
            project: {
                round += 1
                single.append(try await rate(file, workers: 1, in: "single-\(round)"))
                return try await rate(file, workers: workers, in: "project-\(round)")
            },
            baseline: {
                _ = try await ImportFile.practice(in: folder("baseline-\(round)"))
                let database = try RawSQLite(
                    path: folder("baseline-\(round)").appendingPathComponent(Practice.databaseName)
                        .path)
                return Double(lines)
                    / (try await Stopwatch.seconds { try Self.insert(rows, into: database) })
            })
        report.add(
            Comparison(
                scenario: "2 import rate", unit: "lines/s",
                project: Statistics.median(rates.project),
                baseline: Statistics.median(rates.baseline), target: .ratioAtLeast(0.25),
                note: "\(lines) lines per round, median of \(rounds) alternating rounds, a "
                    + "pool of \(workers) workers; the baseline's rows are parsed before its "
                    + "clock starts. A pool of 1: \(Format.number(Statistics.median(single))) "
                    + "lines/s (speed-up \(Format.number(speedUp(single, rates.project)))x)"))
        for size in memorySizes {
            try await measureMemory(lines: size, into: &report)
        }
    }

    /// Lines per second of one import of `file` into a fresh practice.
    private func rate(_ file: URL, workers: Int, in name: String) async throws -> Double {
        let practice = try await ImportFile.practice(in: folder(name))
        var imported = 0
        let seconds = try await Stopwatch.seconds {
            imported = try await practice.importEntries(
                path: file.path, strict: false, workers: workers
            ).imported
        }
        guard imported == lines else { throw BenchError("imported \(imported) of \(lines)") }
        return Double(lines) / seconds
    }

    /// The pool's median rate over one worker's.
    private func speedUp(_ single: [Double], _ pool: [Double]) -> Double {
        Statistics.median(pool) / Statistics.median(single)
    }

    private func folder(_ name: String) -> URL {
        workspace.appendingPathComponent(name, isDirectory: true)
    }

    /// Imports a file of `lines` in a fresh child process and reads its VmHWM.
    private func measureMemory(lines: Int, into report: inout Report) async throws {
        let file = workspace.appendingPathComponent("memory-\(lines).jsonl")
        try ImportFile.write(lines: lines, to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let practiceFolder = folder("memory-\(lines)")
        _ = try await ImportFile.practice(in: practiceFolder)
        let child = try ImportChild.spawn(practice: practiceFolder, file: file)
        guard child.imported == lines else {
            throw BenchError("the child imported \(child.imported) of \(lines) lines")
        }
        report.add(
            Comparison(
                scenario: "2 import peak memory, \(lines) lines", unit: "MiB",
                project: Double(child.peakBytes) / 1_048_576, baseline: nil, target: .atMost(80),
                note: "VmHWM of a child process that only imports; it ran at "
                    + "\(Format.number(Double(lines) / child.seconds)) lines/s"))
    }

    /// The rows the baseline inserts: what the importer would store for each line.
    static func rows(_ lines: Int) throws -> [[RawSQLite.Bindable]] {
        let example = try SampleEntries.example()
        let logged = ImportFile.start.timeIntervalSince1970
        return (1...lines).map { number in
            [
                .text("imp-\(number)"), .text(ImportFile.assignmentID), .text(ImportFile.clientID),
                .text(SampleEntries.homeworkType), .text("1.0.0"),
                .real(ImportFile.performedAt(number).timeIntervalSince1970), .real(logged),
                .text(ImportFile.fieldsJSON(number, example: example)),
            ]
        }
    }

    static func insert(_ rows: [[RawSQLite.Bindable]], into database: RawSQLite) throws {
        try database.execute("BEGIN")
        let insert = try database.prepare(
            """
            INSERT INTO entry (id, assignment_id, client_id, homework_type, homework_version,
                performed_at, logged_at, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in rows { try insert.run(row) }
        try database.execute("COMMIT")
    }
}
