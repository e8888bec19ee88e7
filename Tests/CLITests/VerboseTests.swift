import Foundation
import Testing

/// `--verbose`: the modules' diagnostics on standard error, which name ids,
/// versions and counts but never a value the client wrote; without it,
/// standard error stays empty.
@Suite struct VerboseTests {
    /// Every text the example thought record holds, at any depth.
    static func texts(in value: Any) -> [String] {
        switch value {
        case let text as String: [text]
        case let array as [Any]: array.flatMap(texts)
        case let object as [String: Any]: object.values.flatMap(texts)
        default: []
        }
    }

    @Test func aVerboseLogShowsWhatItDidButNoFieldValue() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        let example = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: thoughtRecordExample)))
        let values = Self.texts(in: example)
        #expect(values.count >= 8)
        let result = try fixture.ok(
            ["log", "c-017-1", "--file", thoughtRecordExample, "--verbose"],
            now: "2026-11-30T19:30:00Z")
        #expect(result.stderr.contains("store opened"))
        #expect(result.stderr.contains("homework type loaded"))
        #expect(result.stderr.contains("org.carryover.thought-record"))
        for value in values {
            #expect(!result.stderr.contains(value), "'\(value)' in: \(result.stderr)")
        }
        // The entry itself is stored as without --verbose.
        #expect(try fixture.history().count == 1)
    }

    @Test func withoutVerboseStandardErrorStaysEmpty() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        let result = try fixture.ok(
            ["log", "c-017-1", "--file", thoughtRecordExample], now: "2026-11-30T19:30:00Z")
        #expect(result.stderr.isEmpty)
    }

    @Test func aVerboseImportNamesItsBatchesByLineNumbersOnly() throws {
        let fixture = try CLIFixture.withMoodLog()
        let instants = ["2026-11-30T19:00:00Z", "2026-12-01T19:00:00Z"]
        let lines = instants.map {
            #"{"assignment": "c-017-1", "performedAt": "\#($0)", "fields": {"mood": 7}}"#
        }
        let file = try fixture.file("entries.jsonl", lines.joined(separator: "\n") + "\n")
        let result = try fixture.ok(["import", file, "--verbose"], now: "2026-12-02T08:00:00Z")
        let batch = try #require(
            result.stderr.split(separator: "\n").first { $0.contains("import batch") })
        #expect(batch.contains("lines=1-2") && batch.contains("entries=2"))
        // Not when the client did it, nor what: line numbers and counts.
        for instant in instants { #expect(!result.stderr.contains(instant)) }
        #expect(!result.stderr.contains("fields"))
    }
}
