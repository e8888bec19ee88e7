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
    /// Lines this run rejected (bad lines, and ids already stored).
    public var rejectedCount: Int
    /// The first rejections, in line order (at most ``EntryImporter/maxReportedRejections``).
    public var rejections: [Rejection]
    /// False when strict mode refused the whole file.
    public var committed: Bool

    public init(
        fileHash: String, resumedAfterLine: Int, imported: Int, rejectedCount: Int,
        rejections: [Rejection], committed: Bool
    ) {
        self.fileHash = fileHash
        self.resumedAfterLine = resumedAfterLine
        self.imported = imported
        self.rejectedCount = rejectedCount
        self.rejections = rejections
        self.committed = committed
    }

    mutating func reject(line: Int, _ reason: String) {
        rejectedCount += 1
        if rejections.count < EntryImporter.maxReportedRejections {
            rejections.append(Rejection(line: line, reason: reason))
        }
    }
}
