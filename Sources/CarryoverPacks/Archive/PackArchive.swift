import Foundation

/// A pack as one file for mail or a USB stick: a POSIX ustar tar whose members
/// sit in one folder named `<id>-<version>/`, readable by stock `tar -xf`.
public enum PackArchive {
    /// Writes the signed pack at `root` to `archive` (refusing to overwrite it).
    ///
    /// Refuses an unsigned pack, or one whose files no longer match `CHECKSUMS`:
    /// an archive is for sending, and only signed, intact packs install.
    public static func write(packAt root: URL, to archive: URL, limits: PackLimits = PackLimits())
        throws(PackError)
    {
        _ = try Pack.signature(at: root, limits: limits)
        guard
            try Pack.readChecksums(at: root, limits: limits)
                == Checksums.compute(root: root, limits: limits)
        else {
            throw PackError(
                .tampered, "the files no longer match CHECKSUMS; run pack build and pack sign again"
            )
        }
        let bytes = try canonicalBytes(packAt: root, limits: limits)
        try FileIO.create(Data(bytes), at: archive, mode: 0o644)
    }

    /// The one archive of the pack at `root`: members in path order, each
    /// folder before what it holds, fixed modes, owners and times, zero
    /// padding and two zero end blocks. `write` writes it; `extract` accepts
    /// nothing else, so no byte outside the signed files can differ.
    static func canonicalBytes(packAt root: URL, limits: PackLimits) throws(PackError) -> [UInt8] {
        let manifest = try PackManifest(
            parsing: FileIO.read(
                root.appendingPathComponent(PackManifest.fileName), limit: limits.maxFileBytes,
                what: PackManifest.fileName))
        let files = try FileTree.files(in: root, limits: limits)
        let top = "\(manifest.id)-\(manifest.version)"
        var out: [UInt8] = []
        var folders: Set<String> = []
        for file in files {
            // Folder entries first, so stock tar recreates them with sane modes.
            var folder = top
            var chain = [top]
            for part in file.path.split(separator: "/").dropLast() {
                folder += "/" + part
                chain.append(folder)
            }
            for path in chain where folders.insert(path).inserted {
                out += try UstarHeader(path: path, kind: .directory, size: 0).encode()
            }
            let data = try FileIO.read(
                root.appendingPathComponent(file.path), limit: limits.maxFileBytes, what: file.path)
            out += try UstarHeader(path: top + "/" + file.path, kind: .file, size: data.count)
                .encode()
            out += data
            out += [UInt8](repeating: 0, count: padding(data.count))
        }
        out += [UInt8](repeating: 0, count: 2 * UstarHeader.blockSize)
        return out
    }

    /// Extracts `archive` into the new folder `destination`, enforcing `limits`
    /// and refusing links, devices, absolute paths, `..` and duplicates.
    /// Returns the pack root inside it.
    public static func extract(_ archive: URL, into destination: URL, limits: PackLimits)
        throws(PackError) -> URL
    {
        // Headers and padding can add at most about two blocks per file.
        let cap = limits.maxTotalBytes + (2 * limits.maxFiles + 4) * 2 * UstarHeader.blockSize
        let bytes = [UInt8](try FileIO.read(archive, limit: cap, what: "the archive"))
        var offset = 0
        var top: String?
        var seen: Set<String> = []
        var files = 0
        var total = 0
        var ended = false
        while offset + UstarHeader.blockSize <= bytes.count {
            guard
                let header = try UstarHeader.decode(
                    bytes[offset..<offset + UstarHeader.blockSize])
            else {
                ended = true
                break
            }
            offset += UstarHeader.blockSize
            try PackPath.validate(header.path)
            let parts = header.path.split(separator: "/", maxSplits: 1).map(String.init)
            let first = parts[0]
            guard top == nil || top == first else {
                throw PackError(
                    .invalidArchive,
                    "the archive holds more than one folder, so it is not a pack archive; ask "
                        + "the publisher for one made with 'carryover pack archive'")
            }
            top = first
            guard seen.insert(header.path).inserted else {
                throw PackError(
                    .invalidArchive,
                    "the archive holds \(header.path) twice; ask the publisher for a new copy")
            }
            // Folders count towards the member cap too, so an archive of empty
            // folders cannot make thousands of them.
            guard seen.count <= 2 * limits.maxFiles else {
                throw PackError(
                    .tooLarge, "the archive has more than \(2 * limits.maxFiles) members")
            }
            let target = destination.appendingPathComponent(header.path)
            guard header.kind == .file else {
                try FileIO.createDirectory(target)
                continue
            }
            guard parts.count == 2 else {
                throw PackError(
                    .invalidArchive,
                    "the archive has a file outside its pack folder; ask the publisher for a new copy"
                )
            }
            try limits.admit(parts[1], size: header.size, filesSoFar: files, bytesSoFar: total)
            files += 1
            total += header.size
            guard offset + header.size <= bytes.count else {
                throw PackError(
                    .invalidArchive, "the archive is truncated; copy it again from the publisher's")
            }
            try FileIO.createDirectory(target.deletingLastPathComponent())
            try FileIO.create(Data(bytes[offset..<offset + header.size]), at: target, mode: 0o644)
            offset += header.size + padding(header.size)
        }
        // Without the zero end block the copy stopped short, even at a member boundary.
        guard ended else {
            throw PackError(
                .invalidArchive, "the archive is truncated; copy it again from the publisher's")
        }
        guard let top else {
            throw PackError(
                .invalidArchive, "the archive is empty; ask the publisher for a new copy")
        }
        let root = destination.appendingPathComponent(top, isDirectory: true)
        // The signature covers the files; the rest (headers, padding, end
        // blocks, member order) must be exactly what pack archive writes.
        guard (try? canonicalBytes(packAt: root, limits: limits)) == bytes else {
            throw PackError(
                .invalidArchive,
                "the archive has bytes outside its signed files that 'carryover pack archive' "
                    + "does not write (headers, padding or end blocks), so it cannot be trusted; "
                    + "ask the publisher for a copy made with 'carryover pack archive', or, if "
                    + "it was damaged on the way, copy it again")
        }
        return root
    }

    private static func padding(_ size: Int) -> Int {
        (UstarHeader.blockSize - size % UstarHeader.blockSize) % UstarHeader.blockSize
    }
}
