/// What an import did.
public struct ImportReport: Sendable, Hashable {
    /// One rejected line: its number and what is wrong (never its values).
    public struct Rejection: Sendable, Hashable {
        public var line: Int
        public var reason: String

        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    /// SHA-256 of the file, hex; the key of the import's progress.
    public var fileHash: String
    /// Lines an earlier run had already committed and this run skipped.
    public var resumedAfterLine: Int
    /// Entries this run stored.
    public var imported: Int
    /// Lines this run found already stored (by an earlier run, or earlier in
    /// the file) and skipped; not an error.
    public var alreadyStored: Int
    /// Lines this run rejected (bad lines, and ids stored with other content).
    public var rejectedCount: Int
    /// The first rejections, in line order (at most ``EntryImporter/maxReportedRejections``).
    public var rejections: [Rejection]
    /// False when strict mode refused the whole file.
    public var committed: Bool

    public init(
        fileHash: String, resumedAfterLine: Int, imported: Int, alreadyStored: Int = 0,
        rejectedCount: Int, rejections: [Rejection], committed: Bool
    ) {
        self.fileHash = fileHash
        self.resumedAfterLine = resumedAfterLine
        self.imported = imported
        self.alreadyStored = alreadyStored
        self.rejectedCount = rejectedCount
        self.rejections = rejections
        self.committed = committed
    }

    mutating func reject(line: Int, _ reason: String) {
        rejectedCount += 1
        if rejections.count < EntryImporter.maxReportedRejections {
            rejections.append(Rejection(line: line, reason: reason))
            // Conflicts are found at commit, after the batch's other rejections.
            if let last = rejections.dropLast().last, last.line > line {
                rejections.sort { $0.line < $1.line }
            }
        }
    }
}
