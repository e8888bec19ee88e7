import CarryoverCore
import Foundation

/// Imports entries from a JSON Lines file with bounded memory, in batches
/// that are each committed together with the import's progress.
///
/// A killed import leaves whole batches only; running it again resumes
/// after the last committed line. Entry ids are the line's `id` or derived
/// from the file's hash and the line number, so no line is stored twice.
/// In strict mode the file is checked in full first and nothing is stored
/// if any line is bad.
public struct EntryImporter {
    /// The report lists at most this many rejections (and counts them all).
    public static let maxReportedRejections = 1_000

    public var store: any PracticeStore
    public var validator: EntryLineValidator
    /// Lines per transaction.
    public var batchSize: Int
    public var strict: Bool
    /// `loggedAt` of lines that do not give one.
    public var clock: any WallClock

    public init(
        store: any PracticeStore, validator: EntryLineValidator = EntryLineValidator(),
        batchSize: Int = 1_000, strict: Bool = false, clock: any WallClock = SystemClock()
    ) {
        self.store = store
        self.validator = validator
        self.batchSize = max(1, batchSize)
        self.strict = strict
        self.clock = clock
    }

    /// Imports the file at `path`, resuming an earlier run of the same file.
    public func run(path: String) async throws -> ImportReport {
        let hash = try FileDigest.sha256(path: path)
        let resumeAfter = try await store.importProgress(fileHash: hash)?.lastLine ?? 0
        var report = ImportReport(
            fileHash: hash, resumedAfterLine: resumeAfter, imported: 0, rejectedCount: 0,
            rejections: [], committed: true)
        var lookup = AssignmentLookup(store: store)
        if strict {
            try await checkOnly(path: path, hash: hash, after: resumeAfter, &lookup, &report)
            guard report.rejectedCount == 0 else {
                report.committed = false
                return report
            }
        }
        var reader = try LineReader(path: path)
        var batch = ImportBatch(fileHash: hash, entries: [], lastLine: resumeAfter, rejected: 0)
        var batchLines = 0
        var entryLines: [Int] = []  // the line of each entry in the batch, for the report
        while let line = try reader.next() {
            guard line.number > resumeAfter else { continue }
            switch try await entry(line, hash: hash, &lookup) {
            case .entry(let entry)?:
                batch.entries.append(entry)
                entryLines.append(line.number)
            case .problem(let reason)?:
                report.reject(line: line.number, reason)
                batch.rejected += 1
            case nil: break
            }
            batch.lastLine = line.number
            batchLines += 1
            if batchLines == batchSize {
                try await commit(&batch, lines: &entryLines, &report)
                batchLines = 0
            }
        }
        if batchLines > 0 { try await commit(&batch, lines: &entryLines, &report) }
        return report
    }

    /// Strict mode's first pass: every check, nothing written.
    private func checkOnly(
        path: String, hash: String, after resumeAfter: Int, _ lookup: inout AssignmentLookup,
        _ report: inout ImportReport
    ) async throws {
        var reader = try LineReader(path: path)
        while let line = try reader.next() {
            guard line.number > resumeAfter else { continue }
            if case .problem(let reason)? = try await entry(line, hash: hash, &lookup) {
                report.reject(line: line.number, reason)
            }
        }
    }

    private func commit(
        _ batch: inout ImportBatch, lines: inout [Int], _ report: inout ImportReport
    ) async throws {
        let result = try await store.commitImportBatch(batch)
        report.imported += batch.entries.count - result.alreadyStored.count
        for position in result.alreadyStored {
            let id = batch.entries[position].id
            report.reject(line: lines[position], "an entry with id '\(id)' is already stored")
        }
        batch.entries.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        batch.rejected = 0
    }

    private enum Outcome {
        case entry(Entry)
        case problem(String)
    }

    /// The line's entry, its problem, or `nil` for a blank line.
    private func entry(_ line: LineReader.Line, hash: String, _ lookup: inout AssignmentLookup)
        async throws -> Outcome?
    {
        guard let bytes = line.bytes else {
            return .problem("is longer than \(LineReader.defaultMaxLineBytes) bytes")
        }
        if bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { return nil }
        let parsed: EntryLine
        let assignmentID: String
        do throws(LineProblem) {
            parsed = try EntryLine(bytes: bytes)
            assignmentID = try parsed.assignmentID
        } catch {
            return .problem(error.reason)
        }
        guard let assignment = try await lookup.assignment(assignmentID) else {
            return .problem("assignment '\(assignmentID)' does not exist")
        }
        do throws(LineProblem) {
            return .entry(
                try parsed.entry(
                    for: assignment, defaultID: Self.entryID(hash: hash, line: line.number),
                    loggedAt: clock.now(), validator: validator))
        } catch {
            return .problem(error.reason)
        }
    }

    /// The id of a line that gives none: stable across runs of the same file.
    static func entryID(hash: String, line: Int) -> String {
        "imp-\(hash.prefix(16))-\(line)"
    }

}
