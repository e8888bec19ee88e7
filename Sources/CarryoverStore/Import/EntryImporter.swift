import CarryoverCore
import Foundation
import Logging

/// Imports entries from a JSON Lines file with bounded memory, in batches
/// that are each committed together with the import's progress.
///
/// A line already stored is recognised and skipped: by its `id` when it
/// gives one (the same id with other content is rejected), else by its
/// content (assignment, instant performed, fields), from which its id is
/// derived. Progress marks only the stored prefix of the file, so a killed
/// import leaves whole batches and a re-run resumes after them; a re-run
/// after fixing rejected lines (or of an edited file) stores what was
/// rejected and skips what was stored.
///
/// In strict mode the file is one transaction: every line is checked and
/// held, and nothing is stored if any line is bad or in conflict.
public struct EntryImporter {
    /// The report lists at most this many rejections (and counts them all).
    public static let maxReportedRejections = 1_000

    public var store: any PracticeStore
    public var validator: EntryLineValidator
    /// Lines per transaction (strict mode: the whole file).
    public var batchSize: Int
    public var strict: Bool
    /// `loggedAt` of lines that do not give one, and "now" for refusing
    /// lines performed in the future.
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

    /// Imports the file at `path`, resuming after the stored prefix of an
    /// earlier run of the same file.
    public func run(path: String) async throws -> ImportReport {
        let hash = try FileDigest.sha256(path: path)
        let resumeAfter = try await store.importProgress(fileHash: hash)?.lastLine ?? 0
        var report = ImportReport(
            fileHash: hash, resumedAfterLine: resumeAfter, imported: 0, rejectedCount: 0,
            rejections: [], committed: true)
        var lookup = AssignmentLookup(store: store)
        var reader = try LineReader(path: path)
        var batch = ImportBatch(
            fileHash: hash, lines: (resumeAfter + 1)...(resumeAfter + 1), entries: [],
            allOrNothing: strict)
        var batchLines = 0
        while let line = try reader.next() {
            guard line.number > resumeAfter else { continue }
            switch try await entry(line, &lookup) {
            case .entry(let entry, let keyedByContent)?:
                batch.entries.append(
                    ImportedEntry(entry: entry, line: line.number, keyedByContent: keyedByContent))
            case .problem(let reason)?:
                report.reject(line: line.number, reason)
                batch.rejectedLines.append(line.number)
            case nil: break
            }
            batch.lines = batch.lines.lowerBound...line.number
            batchLines += 1
            if !strict, batchLines == batchSize {
                try await commit(&batch, &report)
                batchLines = 0
            }
        }
        guard batchLines > 0 else { return report }
        if strict, report.rejectedCount > 0 {
            report.committed = false
            return report
        }
        try await commit(&batch, &report)
        return report
    }

    private func commit(_ batch: inout ImportBatch, _ report: inout ImportReport) async throws {
        let result = try await store.commitImportBatch(batch)
        // Line numbers and counts only: a line's content is client data.
        StoreDiagnostics.logger.debug(
            "import batch",
            metadata: [
                "lines": "\(batch.lines.lowerBound)-\(batch.lines.upperBound)",
                "entries": "\(batch.entries.count)", "rejected": "\(batch.rejectedLines.count)",
                "alreadyStored": "\(result.alreadyStored.count)",
                "conflicting": "\(result.conflicting.count)", "committed": "\(result.committed)",
            ])
        for position in result.conflicting {
            let imported = batch.entries[position]
            report.reject(
                line: imported.line,
                "an entry with id '\(imported.entry.id)' is already stored with other content; "
                    + "give this line another id")
        }
        if result.committed {
            report.alreadyStored += result.alreadyStored.count
            report.imported +=
                batch.entries.count - result.alreadyStored.count - result.conflicting.count
        } else {
            report.committed = false
        }
        let next = batch.lines.upperBound + 1
        batch = ImportBatch(
            fileHash: batch.fileHash, lines: next...next, entries: [],
            allOrNothing: batch.allOrNothing)
    }

    private enum Outcome {
        case entry(Entry, keyedByContent: Bool)
        case problem(String)
    }

    /// The line's entry, its problem, or `nil` for a blank line.
    private func entry(_ line: LineReader.Line, _ lookup: inout AssignmentLookup) async throws
        -> Outcome?
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
        do {
            let entry = try parsed.entry(
                for: assignment, loggedAt: clock.now(), validator: validator)
            return .entry(entry, keyedByContent: !parsed.givesID)
        } catch let problem as LineProblem {
            return .problem(problem.reason)
        }
    }

    /// The id a line without one gets: derived from its content (see
    /// ``ImportedEntry/keyedByContent``), the same in every file.
    public static func entryID(assignment: String, performedAt: Date, fields: [String: Value])
        -> String
    {
        EntryLine.contentID(assignment: assignment, performedAt: performedAt, fields: fields)
    }
}
