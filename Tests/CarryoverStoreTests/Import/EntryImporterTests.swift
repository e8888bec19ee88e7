import CarryoverCore
import CarryoverTestSupport
import Foundation
import Testing

@testable import CarryoverStore

/// JSON Lines import against every store.
@Suite struct EntryImporterTests {
    /// This test's files, removed when the test ends.
    private let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder(prefix: "carryover-store") }

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

    /// A day after Fixture.t0: the lines' 2026-03-01T09:00+01:00 is past.
    static let clock = FixedClock(Fixture.t0.addingTimeInterval(86_400))

    func file(_ lines: [String]) throws -> String {
        let path = try scratch.subfolder("store").path.appending("entries.jsonl")
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
            "key 'performedAt' is not a real date or time: month 2 of 2026 has 28 days, not 30"
        ),
        (line(5, extra: ",\"day\":\"2026-02-30\""), "field 'day' is not a real date"),
        (
            line(5).replacingOccurrences(of: "2026-03-01T09", with: "2026-03-03T09"),
            "key 'performedAt' is in the future"
        ),
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
        let path = try self.file(lines)
        let report = try await EntryImporter(
            store: store, validator: Self.validator, batchSize: 4, clock: Self.clock
        ).run(path: path)
        #expect(report.imported == 2 && report.rejectedCount == Self.badLines.count)
        #expect(report.rejections.map(\.line) == Array(2...(Self.badLines.count + 1)))
        for (rejection, expected) in zip(report.rejections, Self.badLines.map(\.1)) {
            #expect(rejection.reason.hasPrefix(expected), "line \(rejection.line)")
        }
        let entries = try await store.entries(EntryQuery())
        // 09:00+01:00 is 08:00 UTC, 28,800 s after Fixture.t0.
        let eight = Fixture.t0.addingTimeInterval(28_800)
        let derived = EntryImporter.entryID(
            assignment: "a-1", performedAt: eight, fields: ["mood": 3])
        #expect(entries.map(\.id).sorted() == [derived, "given-id"].sorted())
        #expect(entries.allSatisfy { $0.performedAt == eight })
        #expect(entries.allSatisfy { $0.loggedAt == Self.clock.instant && $0.clientID == "c-1" })
    }

    @Test(arguments: StoreFactory.available)
    func strictModeWritesNothingWhenAnyLineIsBad(_ factory: StoreFactory) async throws {
        let (store, _) = try await Fixture.seeded(factory)
        let journal = try await store.auditJournal(AuditQuery())
        for (bad, reason) in Self.badLines {
            let path = try self.file([Self.line(1), Self.line(2), bad, Self.line(3)])
            let report = try await EntryImporter(
                store: store, validator: Self.validator, batchSize: 1, strict: true,
                clock: Self.clock
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
        let path = try self.file((1...25).map { Self.line($0 % 10, extra: ",\"note\":\"n\($0)\"") })
        let importer = EntryImporter(store: store, validator: Self.validator, batchSize: 10)
        let first = try await importer.run(path: path)
        #expect(first.imported == 25 && first.resumedAfterLine == 0)
        let second = try await importer.run(path: path)
        #expect(second.imported == 0 && second.resumedAfterLine == 25 && second.rejectedCount == 0)
        // One id on two lines with different content: the second is refused.
        let given = try self.file([Self.line(1, id: "x-1"), Self.line(2, id: "x-1")])
        let report = try await importer.run(path: given)
        #expect(report.imported == 1)
        #expect(report.rejections.map(\.line) == [2])
        #expect(
            report.rejections.first?.reason.contains("already stored with other content") == true)
        #expect(try await store.entries(EntryQuery()).count == 26)
        let progress = try await store.importProgress(fileHash: first.fileHash)
        #expect(progress == ImportProgress(fileHash: first.fileHash, lastLine: 25, imported: 25))
    }

    /// Issue 15: rejected lines were marked done, so fixing their cause never
    /// imported them. Progress now stops at the first line not stored.
    @Test(arguments: StoreFactory.available)
    func rejectedLinesImportOnceTheirCauseIsFixed(_ factory: StoreFactory) async throws {
        let (store, _) = try await Fixture.seeded(factory)
        let path = try self.file([Self.line(1), Self.line(2, assignment: "a-2"), Self.line(3)])
        let importer = EntryImporter(store: store, validator: Self.validator, batchSize: 2)
        let first = try await importer.run(path: path)
        #expect(first.imported == 2 && first.rejections.map(\.line) == [2])
        #expect(try await store.importProgress(fileHash: first.fileHash)?.lastLine == 1)
        try await store.saveAssignment(Fixture.assignment("a-2"))
        let second = try await importer.run(path: path)
        #expect(second.resumedAfterLine == 1 && second.imported == 1)
        #expect(second.alreadyStored == 1 && second.rejectedCount == 0)
        #expect(try await store.importProgress(fileHash: first.fileHash)?.lastLine == 3)
        let third = try await importer.run(path: path)
        #expect(third.resumedAfterLine == 3 && third.imported == 0 && third.alreadyStored == 0)
        #expect(try await store.entries(EntryQuery()).count == 3)
    }

    /// Issue 13 §2: re-importing a file after fixing its rejected lines stored
    /// the good lines again. A line already stored is recognised, also when
    /// the file was edited in between (a new hash, so no progress applies).
    @Test(arguments: StoreFactory.available)
    func anEditedFileStoresWhatWasRejectedAndSkipsWhatWasStored(_ factory: StoreFactory)
        async throws
    {
        let (store, _) = try await Fixture.seeded(factory)
        let importer = EntryImporter(store: store, validator: Self.validator)
        let lines = [Self.line(1), Self.line(12), Self.line(3, id: "kept-id")]
        let first = try await importer.run(path: try self.file(lines))
        #expect(first.imported == 2 && first.rejections.map(\.line) == [2])
        let edited = [Self.line(1), Self.line(5), Self.line(3, id: "kept-id"), Self.line(4)]
        let second = try await importer.run(path: try self.file(edited))
        #expect(second.resumedAfterLine == 0 && second.imported == 2)
        #expect(second.alreadyStored == 2 && second.rejectedCount == 0)
        let moods = try await store.entries(EntryQuery()).compactMap { $0.fields["mood"]?.number }
        #expect(moods.sorted() == [1, 3, 4, 5])
    }

    /// Issue 15: `--strict` with a duplicated id stored the good lines.
    @Test(arguments: StoreFactory.available)
    func strictModeWithADuplicatedIDStoresNothing(_ factory: StoreFactory) async throws {
        let (store, _) = try await Fixture.seeded(factory)
        let path = try self.file([Self.line(1, id: "d"), Self.line(3), Self.line(2, id: "d")])
        let report = try await EntryImporter(
            store: store, validator: Self.validator, batchSize: 1, strict: true
        ).run(path: path)
        #expect(!report.committed && report.imported == 0 && report.rejections.map(\.line) == [3])
        #expect(try await store.entries(EntryQuery()).isEmpty)
        #expect(try await store.importProgress(fileHash: report.fileHash) == nil)
        // The same file without the clash imports whole.
        let fixed = try self.file([Self.line(1, id: "d"), Self.line(3), Self.line(2, id: "e")])
        let again = try await EntryImporter(
            store: store, validator: Self.validator, strict: true
        ).run(path: fixed)
        #expect(again.committed && again.imported == 3)
    }

    /// A line's content id is "imp-" and the first 16 bytes of the SHA-256
    /// of the canonical JSON of [assignment, performedAt, fields], here
    /// `["a-1",1772352000.0,{"mood":3,"note":"é\"x\n"}]` (worked out with
    /// Python's hashlib): the fields' text is written once for the id and the
    /// store, and neither may change with how it is written.
    @Test(arguments: StoreFactory.available)
    func aContentIDIsTheHashOfTheLinesCanonicalJSON(_ factory: StoreFactory) async throws {
        let expected = "imp-71895086e6900fbae3397a22d25452d8"
        let performedAt = Date(timeIntervalSince1970: 1_772_352_000)  // 2026-03-01T08:00:00Z
        let fields: [String: Value] = ["mood": .int(3), "note": .string("é\"x\n")]
        #expect(
            EntryImporter.entryID(assignment: "a-1", performedAt: performedAt, fields: fields)
                == expected)
        let (store, _) = try await Fixture.seeded(factory)
        let path = try self.file([Self.line(3, extra: #","note":"é\"x\n""#)])
        let report = try await EntryImporter(
            store: store, validator: Self.validator, clock: Self.clock
        ).run(path: path)
        #expect(report.imported == 1)
        let stored = try await store.entry(id: expected)
        #expect(stored.fields == .object(fields) && stored.performedAt == performedAt)
    }

    @Test func aFolderIsNotAnImportFile() async throws {
        let (store, _) = try await Fixture.seeded(.sqlite)
        let folder = try scratch.subfolder("store").path
        let error = await expectStoreError(.notFound) {
            _ = try await EntryImporter(store: store).run(path: folder)
        }
        #expect(error?.message.contains("is a folder") == true)
    }
}
