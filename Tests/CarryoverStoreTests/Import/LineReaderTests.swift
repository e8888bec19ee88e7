import CarryoverTestSupport
import Foundation
import Testing

@testable import CarryoverStore

@Suite struct LineReaderTests {
    /// This test's files, removed when the test ends.
    private let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder(prefix: "carryover-store") }

    func lines(_ text: String, max: Int = 1 << 20) throws -> [(Int, String?)] {
        let path = try scratch.subfolder("store").path.appending("lines.txt")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var reader = try LineReader(path: path, maxLineBytes: max)
        var result: [(Int, String?)] = []
        while let line = try reader.next() {
            result.append((line.number, line.bytes.map { String(decoding: $0, as: UTF8.self) }))
        }
        return result
    }

    @Test func splitsOnNewlinesWithOrWithoutAFinalOne() throws {
        let plain = try self.lines("a\nbb\r\n\nccc")
        #expect(plain.map(\.0) == [1, 2, 3, 4])
        #expect(plain.map(\.1) == ["a", "bb", "", "ccc"])
        #expect(try self.lines("a\n").map(\.1) == ["a"])
        #expect(try self.lines("").isEmpty)
    }

    @Test func aTooLongLineIsSkippedAndCountedWithoutBreakingTheNext() throws {
        // 200,000 bytes spans several 64 KiB chunks; the limit is 1,000 bytes.
        let long = String(repeating: "x", count: 200_000)
        let lines = try self.lines("ok\n\(long)\nafter\n\(long)", max: 1_000)
        #expect(lines.map(\.0) == [1, 2, 3, 4])
        #expect(lines.map(\.1) == ["ok", nil, "after", nil])
    }

    @Test func fileDigestIsSHA256() throws {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        let path = try scratch.subfolder("store").path.appending("abc.txt")
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        #expect(
            try FileDigest.sha256(path: path)
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
