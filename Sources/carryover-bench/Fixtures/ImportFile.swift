import CarryoverCore
import CarryoverPractice
import Foundation

/// A practice with one client and one thought-record assignment, and a
/// JSON Lines file of entries for it.
enum ImportFile {
    static let clientID = "c-1"
    static let assignmentID = "c-1-1"
    static let start = Date(timeIntervalSince1970: 1_785_542_400)  // 2026-08-01T00:00:00Z
    /// When the file is imported: 4,000 days after `start` (2037), after the
    /// last line of the largest file the bench writes (4,000,000 lines, one a
    /// minute), since lines performed after the clock are refused.
    static let importedAt = start.addingTimeInterval(4_000 * 86_400)

    /// A new practice in `folder` ready to import the file into, its clock at `importedAt`.
    static func practice(in folder: URL) async throws -> Practice {
        let practice = try Practice.create(at: folder, clock: FixedClock(importedAt))
        _ = try await practice.addClient(id: clientID, displayName: "Client 1", timeZone: "UTC")
        let assignment = try await practice.assign(
            AssignmentRequest(
                clientID: clientID, homeworkType: SampleEntries.homeworkType,
                schedule: "daily at 20:00"))
        guard assignment.id == assignmentID else {
            throw BenchError("expected assignment \(assignmentID), got \(assignment.id)")
        }
        return practice
    }

    /// The fields of line `number` (1-based) as canonical JSON text.
    static func fieldsJSON(_ number: Int, example: Value) -> String {
        SampleEntries.variation(number, of: example).canonicalJSON()
    }

    /// When line `number` was performed: one a minute from `start`.
    static func performedAt(_ number: Int) -> Date {
        start.addingTimeInterval(Double(number) * 60)
    }

    /// Writes `lines` (at least 1) entries to `url`, streaming in 1 MiB chunks.
    static func write(lines: Int, to url: URL) throws {
        let example = try SampleEntries.example()
        let formatter = ISO8601DateFormatter()  // writes, never reads
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw BenchError("cannot create \(url.path)")
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var chunk = ""
        for number in 1...lines {
            chunk += "{\"assignment\":\"\(assignmentID)\",\"performedAt\":\""
            chunk += formatter.string(from: performedAt(number))
            chunk += "\",\"fields\":\(fieldsJSON(number, example: example))}\n"
            if chunk.utf8.count >= 1 << 20 {
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        try handle.write(contentsOf: Data(chunk.utf8))
    }
}
