import Foundation

/// Reads a file line by line in fixed-size chunks, so memory stays bounded
/// whatever the file's size; a line longer than the limit is reported as
/// too long and skipped without being held in memory.
struct LineReader {
    struct Line {
        /// 1-based line number.
        var number: Int
        /// The line without its end of line, or `nil` when it was too long.
        var bytes: [UInt8]?
    }

    static let chunkSize = 64 * 1024
    static let defaultMaxLineBytes = 1 << 20
    let maxLineBytes: Int
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var number = 0
    private var atEnd = false

    init(path: String, maxLineBytes: Int = defaultMaxLineBytes) throws {
        self.handle = try Self.open(path)
        self.maxLineBytes = maxLineBytes
    }

    /// Opens the file to import for reading; a folder or a missing file is
    /// `notFound`, with what to give instead.
    static func open(_ path: String) throws -> FileHandle {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw StoreError(.notFound, "There is no file \(path); check the path.")
        }
        guard !isFolder.boolValue else {
            throw StoreError(
                .notFound, "\(path) is a folder; give the JSON Lines file to import instead.")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(
                .notFound, "The file \(path) could not be opened; check its permissions.")
        }
        return handle
    }

    /// The next line, or `nil` at the end of the file.
    mutating func next() throws -> Line? {
        var tooLong = false
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                number += 1
                var line = Array(buffer[start..<newline])
                start = newline + 1
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return Line(number: number, bytes: tooLong ? nil : line)
            }
            if buffer.count - start > maxLineBytes {
                tooLong = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            if atEnd {
                guard start < buffer.count || tooLong else { return nil }
                number += 1
                let line = Array(buffer[start...])
                buffer.removeAll()
                start = 0
                return Line(number: number, bytes: tooLong ? nil : line)
            }
            try fill()
        }
    }

    private mutating func fill() throws {
        buffer.removeFirst(start)
        start = 0
        let chunk: Data?
        do {
            chunk = try handle.read(upToCount: Self.chunkSize)
        } catch {
            throw StoreError(
                .io, "The import file could not be read; check the disk and try again.")
        }
        guard let chunk, !chunk.isEmpty else {
            atEnd = true
            return
        }
        buffer.append(contentsOf: chunk)
    }
}
