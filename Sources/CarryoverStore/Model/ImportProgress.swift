import CarryoverCore

/// How far an import of one file got: its hash and the last line committed.
public struct ImportProgress: Sendable, Hashable {
    /// SHA-256 of the file, hex.
    public var fileHash: String
    /// The last line (1-based) whose batch was committed.
    public var lastLine: Int
    /// Lines imported and lines rejected so far, over every run.
    public var imported: Int
    public var rejected: Int

    public init(fileHash: String, lastLine: Int, imported: Int, rejected: Int) {
        self.fileHash = fileHash
        self.lastLine = lastLine
        self.imported = imported
        self.rejected = rejected
    }
}

/// One batch of an import, committed in one transaction with its progress.
public struct ImportBatch: Sendable, Hashable {
    public var fileHash: String
    public var entries: [Entry]
    /// The last line of the file this batch covers.
    public var lastLine: Int
    /// Lines of this batch the importer rejected (not in `entries`).
    public var rejected: Int

    public init(fileHash: String, entries: [Entry], lastLine: Int, rejected: Int) {
        self.fileHash = fileHash
        self.entries = entries
        self.lastLine = lastLine
        self.rejected = rejected
    }
}

/// What committing a batch did.
public struct ImportBatchResult: Sendable, Hashable {
    /// The import's progress after the batch.
    public var progress: ImportProgress
    /// Positions in the batch's `entries` of those whose id was already
    /// stored (by an earlier batch or earlier in this one); they were skipped.
    public var alreadyStored: [Int]

    public init(progress: ImportProgress, alreadyStored: [Int]) {
        self.progress = progress
        self.alreadyStored = alreadyStored
    }
}
