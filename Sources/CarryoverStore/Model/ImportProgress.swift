import CarryoverCore

/// How far an import of one file got: every line up to `lastLine` is stored
/// (or blank, or already stored before), so a re-run of the same file starts
/// after it. A rejected line stops the mark: it and the lines after it are
/// read again by the next run, which stores what was rejected before once
/// its cause is fixed and skips what was stored.
public struct ImportProgress: Sendable, Hashable {
    /// SHA-256 of the file, hex.
    public var fileHash: String
    /// The last line (1-based) of the stored prefix of the file.
    public var lastLine: Int
    /// Entries stored from this file, over every run.
    public var imported: Int

    public init(fileHash: String, lastLine: Int, imported: Int) {
        self.fileHash = fileHash
        self.lastLine = lastLine
        self.imported = imported
    }
}

/// One entry of an import batch and how the store recognises it when it is
/// already stored.
public struct ImportedEntry: Sendable, Hashable {
    public var entry: Entry {
        didSet { if entry.fields != oldValue.fields { fieldsJSON = entry.fields.canonicalJSON() } }
    }
    /// The entry's fields as the stores write them (canonical JSON), written
    /// once: by the importer's workers, which need this text for a line's
    /// content id anyway, so the store's one writer does not encode it again.
    public private(set) var fieldsJSON: String
    /// Its line in the file.
    public var line: Int
    /// True when the line gave no id: its id is derived from its content
    /// (so the same line has the same id in any file), and an entry imported
    /// under the file-and-line ids of earlier versions with the same
    /// assignment, instant and fields counts as the same line. False: the
    /// line's own id names it, and an entry stored under that id with other
    /// content is a conflict.
    public var keyedByContent: Bool

    /// Ids that imports before content keys gave lines without one:
    /// `imp-<16 hex of the file's hash>-<line>` (SQLite GLOB / SQL LIKE).
    package static let legacyIDGlob = "imp-????????????????-*"
    package static let legacyIDLike = "imp-________________-%"

    /// `fieldsJSON`: the canonical JSON of `entry.fields` when the caller
    /// has it already (it is not checked).
    public init(entry: Entry, line: Int, keyedByContent: Bool, fieldsJSON: String? = nil) {
        self.entry = entry
        self.fieldsJSON = fieldsJSON ?? entry.fields.canonicalJSON()
        self.line = line
        self.keyedByContent = keyedByContent
    }
}

/// One batch of an import, committed in one transaction with its progress.
public struct ImportBatch: Sendable, Hashable {
    public var fileHash: String
    /// The lines this batch covers, first to last.
    public var lines: ClosedRange<Int>
    public var entries: [ImportedEntry]
    /// Lines of this batch the importer rejected (not in `entries`), ascending.
    public var rejectedLines: [Int]
    /// Store every entry or none (strict mode): one line in conflict with a
    /// stored entry rolls the whole batch back.
    public var allOrNothing: Bool

    public init(
        fileHash: String, lines: ClosedRange<Int>, entries: [ImportedEntry],
        rejectedLines: [Int] = [], allOrNothing: Bool = false
    ) {
        self.fileHash = fileHash
        self.lines = lines
        self.entries = entries
        self.rejectedLines = rejectedLines
        self.allOrNothing = allOrNothing
    }
}

/// What committing a batch did.
public struct ImportBatchResult: Sendable, Hashable {
    /// The import's progress after the batch.
    public var progress: ImportProgress
    /// Positions in the batch's `entries` already stored (by an earlier run,
    /// an earlier batch or earlier in this one); they were skipped.
    public var alreadyStored: [Int]
    /// Positions whose id is stored with other content; they were not stored.
    public var conflicting: [Int]
    /// False when an all-or-nothing batch was rolled back.
    public var committed: Bool

    public init(
        progress: ImportProgress, alreadyStored: [Int], conflicting: [Int] = [],
        committed: Bool = true
    ) {
        self.progress = progress
        self.alreadyStored = alreadyStored
        self.conflicting = conflicting
        self.committed = committed
    }
}

/// How an import line relates to the entries already stored.
package enum Recognition {
    case new, stored, conflict
}

/// What both stores do with a batch around their own queries: each entry's
/// recognition noted, then the result and the new progress, inside the
/// batch's transaction.
package struct ImportTally {
    private var alreadyStored: [Int] = []
    private var conflicting: [Int] = []
    private var stored = 0

    package init() {}

    /// Refuses a batch that does not start after the file's progress (two
    /// runs of one import at once).
    package static func check(_ batch: ImportBatch, after old: ImportProgress) throws {
        guard batch.lines.lowerBound > old.lastLine else { throw StoreChecks.batchBehind(old) }
    }

    /// Notes how the entry at `position` was recognised; true when it is new
    /// and the store inserts it.
    package mutating func note(_ recognition: Recognition, at position: Int) -> Bool {
        switch recognition {
        case .new: stored += 1
        case .stored: alreadyStored.append(position)
        case .conflict: conflicting.append(position)
        }
        return recognition == .new
    }

    /// The batch's result. The progress mark moves only over a run of stored
    /// lines that starts right after it, and stops before the first line not
    /// stored (rejected, or in conflict). Throws ``ImportRolledBack`` for an
    /// all-or-nothing batch with a conflict, to roll its transaction back.
    package func result(of batch: ImportBatch, after old: ImportProgress) throws
        -> ImportBatchResult
    {
        var progress = old
        progress.imported += stored
        let unstored = batch.rejectedLines + conflicting.map { batch.entries[$0].line }
        let storedThrough = (unstored.min() ?? batch.lines.upperBound + 1) - 1
        if old.lastLine >= batch.lines.lowerBound - 1 {
            progress.lastLine = max(old.lastLine, storedThrough)
        }
        let result = ImportBatchResult(
            progress: progress, alreadyStored: alreadyStored, conflicting: conflicting)
        if batch.allOrNothing, !conflicting.isEmpty { throw ImportRolledBack(result: result) }
        return result
    }
}

extension PracticeStore {
    /// The result of a batch whose transaction was rolled back: nothing
    /// stored, the progress as it still is.
    package func rolledBack(_ error: ImportRolledBack, _ batch: ImportBatch) async throws
        -> ImportBatchResult
    {
        var result = error.result
        result.committed = false
        result.alreadyStored = []
        result.progress =
            try await importProgress(fileHash: batch.fileHash)
            ?? ImportProgress(fileHash: batch.fileHash, lastLine: 0, imported: 0)
        return result
    }
}

/// Thrown inside an all-or-nothing batch's transaction to roll it back; both
/// stores pass it through their error mapping and return its result.
package struct ImportRolledBack: Error {
    package var result: ImportBatchResult

    package init(result: ImportBatchResult) {
        self.result = result
    }
}
