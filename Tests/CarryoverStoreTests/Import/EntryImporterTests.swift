import CarryoverCore
import Foundation
import Testing

@testable import CarryoverStore

/// JSON Lines import against every store.
@Suite struct EntryImporterTests {
    static let moodFields: [String: FieldShape] = [
        "mood": FieldShape(.integer, required: true), "note": FieldShape(.text),
        "day": FieldShape(.date),
    ]
    static var validator: EntryLineValidator {
        EntryLineValidator(
            fields: { $0.homeworkType == "org.example.mood" ? moodFields : nil },
            check: { _, fields in
                (fields["mood"]?.number ?? 0) > 10 ? ["field 'mood' must be at most 10"] : []
            })
    }

    static func file(_ lines: [String]) throws -> String {
        let path = try TempDir.make().appending("entries.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func line(_ mood: Int, assignment: String = "a-1", id: String? = nil, extra: String = "")
        -> String
    {
        let idPart = id.map { "\"id\":\"\($0)\"," } ?? ""
        return """
            {\(idPart)"assignment":"\(assignment)","performedAt":"2026-03-01T09:00:00+01:00",\
            "fields":{"mood":\(mood)\(extra)},"scores":{"mood":\(mood)}}
            """
    }

    static let badLines: [(String, String)] = [
        ("{\"assignment\":", "is not valid JSON"),
        (line(5, assignment: "a-9"), "assignment 'a-9' does not exist"),
        (line(5, extra: ",\"note\":3"), "field 'note' should be a text"),
        (
            line(5).replacingOccurrences(of: "2026-03-01", with: "2026-02-30"),
            "key 'performedAt' is not a real date: day 30 does not exist in month 2 of 2026"
        ),
        (line(5, extra: ",\"day\":\"2026-02-30\""), "field 'day' is not a real date"),
        (line(12), "field 'mood' must be at most 10"),
        (
            "{\"assignment\":\"a-1\",\"performedAt\":\"2026-03-01T09:00:00Z\",\"fields\":{}}",
            "field 'mood' is missing"
        ),
        (
            line(5, extra: ",\"secret\":\"x\""),
            "field 'secret' is not a field of this homework type"
        ),
    ]

    @Test(arguments: StoreFactory.available)
    func goodLinesImportAndBadLinesAreReportedByLineAndField(_ factory: StoreFactory) async throws {
        let (store, _) = try await Fixture.seeded(factory)
        let lines = [Self.line(3)] + Self.badLines.map(\.0) + [Self.line(4, id: "given-id")]
        let path = try Self.file(lines)
        let report = try await EntryImporter(
            store: store, validator: Self.validator, batchSize: 4, clock: Fixture.clock
        ).run(path: path)
        #expect(report.imported == 2 && report.rejectedCount == Self.badLines.count)
        #expect(report.rejections.map(\.line) == Array(2...(Self.badLines.count + 1)))
        for (rejection, expected) in zip(report.rejections, Self.badLines.map(\.1)) {
            #expect(rejection.reason.hasPrefix(expected), "line \(rejection.line)")
        }
        let entries = try await store.entries(EntryQuery())
        let derived = EntryImporter.entryID(hash: report.fileHash, line: 1)
        #expect(entries.map(\.id).sorted() == [derived, "given-id"].sorted())
        // 09:00+01:00 is 08:00 UTC, 28,800 s after Fixture.t0.
        #expect(entries.allSatisfy { $0.performedAt == Fixture.t0.addingTimeInterval(28_800) })
        #expect(entries.allSatisfy { $0.loggedAt == Fixture.t0 && $0.clientID == "c-1" })
    }

    @Test(arguments: StoreFactory.available)
    func strictModeWritesNothingWhenAnyLineIsBad(_ factory: StoreFactory) async throws {
        let (store, _) = try await Fixture.seeded(factory)
        let journal = try await store.auditJournal(AuditQuery())
        for (bad, reason) in Self.badLines {
            let path = try Self.file([Self.line(1), Self.line(2), bad, Self.line(3)])
            let report = try await EntryImporter(
                store: store, validator: Self.validator, batchSize: 1, strict: true
            ).run(path: path)
            #expect(!report.committed && report.imported == 0)
            #expect(report.rejections.first?.line == 3)
            #expect(report.rejections.first?.reason.hasPrefix(reason) == true)
            #expect(try await store.importProgress(fileHash: report.fileHash) == nil)
        }
        #expect(try await store.entries(EntryQuery()).isEmpty)
        #expect(try await store.auditJournal(AuditQuery()) == journal)
    }

    @Test(arguments: StoreFactory.available)
    func reRunningAnImportAddsNothingTwice(_ factory: StoreFactory) async throws {
        let (store, _) = try await Fixture.seeded(factory)
        let path = try Self.file((1...25).map { Self.line($0 % 10) })
        let importer = EntryImporter(store: store, validator: Self.validator, batchSize: 10)
        let first = try await importer.run(path: path)
        #expect(first.imported == 25 && first.resumedAfterLine == 0)
        let second = try await importer.run(path: path)
        #expect(second.imported == 0 && second.resumedAfterLine == 25 && second.rejectedCount == 0)
        // The same lines in another file: their derived ids differ, given ids do not.
        let given = try Self.file([Self.line(1, id: "x-1"), Self.line(2, id: "x-1")])
        let report = try await importer.run(path: given)
        #expect(report.imported == 1)
        #expect(report.rejections.map(\.line) == [2])
        #expect(try await store.entries(EntryQuery()).count == 26)
        let progress = try await store.importProgress(fileHash: first.fileHash)
        #expect(
            progress
                == ImportProgress(fileHash: first.fileHash, lastLine: 25, imported: 25, rejected: 0)
        )
    }
}
