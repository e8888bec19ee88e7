/// Caps on what a pack may hold, checked while building, reading an archive,
/// verifying and installing, so a hostile pack cannot fill the disk or memory.
public struct PackLimits: Sendable, Hashable {
    /// The largest single file, in bytes.
    public var maxFileBytes: Int
    /// The largest sum of all file sizes, in bytes.
    public var maxTotalBytes: Int
    /// The most files a pack may hold.
    public var maxFiles: Int

    /// Makes limits; the defaults are generous for Lua, TOML and Markdown.
    public init(maxFileBytes: Int = 1 << 20, maxTotalBytes: Int = 16 << 20, maxFiles: Int = 1000) {
        self.maxFileBytes = maxFileBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxFiles = maxFiles
    }

    /// Checks one more file of `size` bytes against the caps, given what came before.
    func admit(_ path: String, size: Int, filesSoFar: Int, bytesSoFar: Int) throws(PackError) {
        guard size <= maxFileBytes else {
            throw PackError(
                .tooLarge, "\(path) is \(size) bytes, over the \(maxFileBytes)-byte cap per file")
        }
        guard filesSoFar + 1 <= maxFiles else {
            throw PackError(.tooLarge, "the pack has more than \(maxFiles) files; split it")
        }
        guard bytesSoFar + size <= maxTotalBytes else {
            throw PackError(
                .tooLarge, "the pack is over the \(maxTotalBytes)-byte cap in total; split it")
        }
    }
}
