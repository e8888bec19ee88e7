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
    /// One validator per worker: lines are checked and scored on up to this
    /// many workers at once, each with its own validator (and so its own
    /// plugin states), and committed in file order all the same.
    public var validators: [EntryLineValidator]
    /// The first worker's validator (the only one of a sequential import).
    public var validator: EntryLineValidator {
        get { validators[0] }
        set { validators[0] = newValue }
    }
    /// Fewer lines than this per worker run on fewer workers (a small file
    /// on one), since each worker loads its own copy of a plugin.
    public var minimumLinesPerWorker = 64
    /// At most this many bytes of lines are held for the workers at once
    /// (and at most one batch of lines), so memory stays bounded.
    static let maxChunkBytes = 4 << 20
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
        self.init(
            store: store, validators: [validator], batchSize: batchSize, strict: strict,
            clock: clock)
    }

    /// An importer with a pool of workers, one per validator (at least one).
    public init(
        store: any PracticeStore, validators: [EntryLineValidator], batchSize: Int = 1_000,
        strict: Bool = false, clock: any WallClock = SystemClock()
    ) {
        self.store = store
        self.validators = validators.isEmpty ? [EntryLineValidator()] : validators
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
        let lookup = AssignmentLookup(store: store)
        var reader = try LineReader(path: path)
        var batch = ImportBatch(
            fileHash: hash, lines: (resumeAfter + 1)...(resumeAfter + 1), entries: [],
            allOrNothing: strict)
        var batchLines = 0
        // A chunk of lines at a time (never past a batch's end): its outcomes
        // are worked out on the workers while the chunk before is taken in
        // file order and committed.
        var pending = try start(&reader, after: resumeAfter, batchLines: 0, lookup)
        do {
            while let (chunk, work) = pending {
                let (outcomes, lookup) = try await work.value
                pending = try start(
                    &reader, after: resumeAfter,
                    batchLines: strict ? 0 : (batchLines + chunk.count) % batchSize, lookup)
                for (line, outcome) in zip(chunk, outcomes) {
                    switch outcome {
                    case .entry(let imported)?:
                        batch.entries.append(imported)
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
            }
        } catch {
            // The next chunk's workers stop before their validators are let go.
            pending?.work.cancel()
            _ = try? await pending?.work.value
            throw error
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

    /// The id a line without one gets: derived from its content (see
    /// ``ImportedEntry/keyedByContent``), the same in every file.
    public static func entryID(assignment: String, performedAt: Date, fields: [String: Value])
        -> String
    {
        EntryLine.contentID(
            assignment: assignment, performedAt: performedAt,
            fieldsJSON: Value.object(fields).canonicalJSON())
    }
}
