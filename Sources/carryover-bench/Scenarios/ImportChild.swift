import CarryoverCore
import CarryoverPractice
import Foundation

/// The child process of the import memory measurement: a fresh heap per
/// file size, so one size's peak cannot hide in another's.
enum ImportChild {
    static let flag = "--import-child"

    /// What the child reports on its one line of output.
    struct Result {
        var imported: Int
        var seconds: Double
        var peakBytes: Int
    }

    /// Runs this executable as a child that imports `file` into the practice.
    static func spawn(practice: URL, file: URL) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = [flag, practice.path, file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard process.terminationStatus == 0, fields.count == 3, let imported = Int(fields[0]),
            let seconds = Double(fields[1]), let peak = Int(fields[2])
        else {
            throw BenchError("the import child failed (status \(process.terminationStatus))")
        }
        return Result(imported: imported, seconds: seconds, peakBytes: peak)
    }

    /// The child's side: import, then print `imported seconds peakBytes`.
    static func main(practice: String, file: String) async throws {
        let opened = try Practice.open(
            at: URL(fileURLWithPath: practice), clock: FixedClock(ImportFile.importedAt))
        var imported = 0
        let seconds = try await Stopwatch.seconds {
            imported = try await opened.importEntries(path: file, strict: false).imported
        }
        guard let peak = PeakMemory.current() else { throw BenchError("no /proc/self/status") }
        print("\(imported) \(seconds) \(peak)")
    }
}
