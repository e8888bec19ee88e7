import CarryoverManifest
import Foundation
import Testing

@testable import CarryoverPacks

@Suite struct ArchiveTests {
    @Test func stockTarListsAndExtractsTheArchive() throws {
        let fixture = try PackFixture()
        let archive = fixture.folder.path("clinic.tar")
        try PackArchive.write(packAt: fixture.pack, to: archive)
        let listed = try tar(["-tf", archive.path], in: fixture.folder.url)
        #expect(
            listed.split(separator: "\n") == [
                "org.example.clinic-1.0.0/", "org.example.clinic-1.0.0/CHECKSUMS",
                "org.example.clinic-1.0.0/CHECKSUMS.sig", "org.example.clinic-1.0.0/pack.toml",
                "org.example.clinic-1.0.0/thought-record/",
                "org.example.clinic-1.0.0/thought-record/README.md",
                "org.example.clinic-1.0.0/thought-record/homework.toml",
                "org.example.clinic-1.0.0/thought-record/tests/",
                "org.example.clinic-1.0.0/thought-record/tests/thought_record_spec.lua",
                "org.example.clinic-1.0.0/thought-record/thought_record.lua",
            ])
        let out = fixture.folder.path("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try tar(["-xf", archive.path, "-C", out.path], in: fixture.folder.url)
        let extracted = out.appendingPathComponent("org.example.clinic-1.0.0")
        #expect(
            try Pack.verify(at: extracted, publicKey: fixture.publicKey).manifest.id
                == "org.example.clinic")
        // Archives are reproducible: no time stamps or owners in them.
        let again = fixture.folder.path("again.tar")
        try PackArchive.write(packAt: fixture.pack, to: again)
        #expect(try Data(contentsOf: archive) == Data(contentsOf: again))
    }

    // Header layout per POSIX pax "ustar Interchange Format": size at offset 124
    // as octal, checksum at 148 = sum of all header bytes with the checksum
    // field read as eight spaces.
    @Test func headerFieldsFollowPOSIX() throws {
        let block = try UstarHeader(path: "a/b.lua", kind: .file, size: 1000).encode()
        #expect(block.count == 512)
        #expect(String(decoding: block[0..<7], as: UTF8.self) == "a/b.lua")
        // 1000 = 1*512 + 7*64 + 5*8 + 0 = 0o1750, zero-padded to 11 digits.
        #expect(String(decoding: block[124..<135], as: UTF8.self) == "00000001750")
        #expect(String(decoding: block[257..<265], as: UTF8.self) == "ustar\u{0}00")
        var sum = 0
        for (i, byte) in block.enumerated() { sum += (148..<156).contains(i) ? 32 : Int(byte) }
        #expect(Int(String(decoding: block[148..<154], as: UTF8.self), radix: 8) == sum)
        let decoded = try #require(try UstarHeader.decode(block[...]))
        #expect(decoded.path == "a/b.lua" && decoded.size == 1000 && decoded.kind == .file)
    }

    @Test func longPathsUseThePrefixField() throws {
        let path = String(repeating: "d", count: 90) + "/" + String(repeating: "f", count: 90)
        let block = try UstarHeader(path: path, kind: .file, size: 0).encode()
        #expect(
            String(decoding: block[345..<435], as: UTF8.self) == String(repeating: "d", count: 90))
        #expect(try UstarHeader.decode(block[...])?.path == path)
    }

    @Test func damagedOrForeignArchivesAreRefused() throws {
        let fixture = try PackFixture()
        let archive = fixture.folder.path("clinic.tar")
        try PackArchive.write(packAt: fixture.pack, to: archive)
        var bytes = try [UInt8](Data(contentsOf: archive))
        bytes[10] ^= 0x20  // breaks the first header's checksum
        try Data(bytes).write(to: fixture.folder.path("damaged.tar"))
        try expectRefusal(.invalidArchive, leaving: fixture.practice.root) {
            try fixture.practice.install(from: fixture.folder.path("damaged.tar"))
        }
        try craftArchive([("one/a", .file, "x"), ("two/b", .file, "y")]).write(
            to: fixture.folder.path("two.tar"))
        try expectRefusal(.invalidArchive, leaving: fixture.practice.root) {
            try fixture.practice.install(from: fixture.folder.path("two.tar"))
        }
        try craftArchive([("one/a", .file, "x"), ("one/a", .file, "y")]).write(
            to: fixture.folder.path("twice.tar"))
        try expectRefusal(.invalidArchive, leaving: fixture.practice.root) {
            try fixture.practice.install(from: fixture.folder.path("twice.tar"))
        }
        let truncated = try Data(contentsOf: archive).prefix(2048)
        try truncated.write(to: fixture.folder.path("truncated.tar"))
        try expectRefusal(.invalidArchive, leaving: fixture.practice.root) {
            try fixture.practice.install(from: fixture.folder.path("truncated.tar"))
        }
    }

    /// Issue 13 §3: an archive with bytes changed outside every file (tar
    /// padding, end blocks) installed. Only the exact archive `pack archive`
    /// writes installs: every byte outside the signed files is fixed.
    @Test func bytesChangedOutsideTheFilesAreRefused() throws {
        let fixture = try PackFixture()
        let archive = fixture.folder.path("clinic.tar")
        try PackArchive.write(packAt: fixture.pack, to: archive)
        let bytes = try [UInt8](Data(contentsOf: archive))
        // The first member with data: CHECKSUMS, after the folder's header.
        let checksums = try #require(try UstarHeader.decode(bytes[512..<1024]))
        let padding = 1024 + checksums.size  // its first padding byte
        var changes: [(String, [UInt8])] = []
        var padded = bytes
        padded[padding] = 0x41
        changes.append(("a padding byte", padded))
        var endBlock = bytes
        endBlock[bytes.count - 1] = 0x01
        changes.append(("an end block", endBlock))
        changes.append(("a third end block", bytes + [UInt8](repeating: 0, count: 512)))
        changes.append(("bytes after the end", bytes + Array("hidden".utf8)))
        var header = bytes
        header[136 + 10] = UInt8(ascii: "1")  // mtime of the folder
        let sum = Int(String(decoding: header[148..<154], as: UTF8.self), radix: 8)! + 1
        header.replaceSubrange(148..<154, with: Array(String(sum, radix: 8).leftPadded(6).utf8))
        changes.append(("a header field (a time)", header))
        for (what, changed) in changes {
            let path = fixture.folder.path("changed.tar")
            try? FileManager.default.removeItem(at: path)
            try Data(changed).write(to: path)
            try expectRefusal(.invalidArchive, leaving: fixture.practice.root) {
                do {
                    try fixture.practice.install(from: path)
                } catch let error as PackError {
                    // The receiving clinic's advice, not the publisher's.
                    #expect(error.message.contains("ask the publisher"), "\(what): \(error)")
                    throw error
                }
            }
        }
        #expect(try fixture.practice.install(from: archive).version == SemanticVersion(1, 0, 0))
    }

    @Test func archiveMadeByStockTarIsRefusedWithAdvice() throws {
        let fixture = try PackFixture()
        try FileManager.default.moveItem(
            at: fixture.pack, to: fixture.folder.path("org.example.clinic-1.0.0"))
        let archive = fixture.folder.path("gnu.tar")
        try tar(["-cf", archive.path, "org.example.clinic-1.0.0"], in: fixture.folder.url)
        try expectRefusal(.invalidArchive, leaving: fixture.practice.root) {
            try fixture.practice.install(from: archive)
        }
        // The folder it was made from still installs.
        #expect(
            try fixture.practice.install(from: fixture.folder.path("org.example.clinic-1.0.0"))
                .version == SemanticVersion(1, 0, 0))
    }

    @Test func paxHeadersAreRefused() throws {
        let fixture = try PackFixture()
        let archive = fixture.folder.path("pax.tar")
        try tar(["--format=pax", "-cf", archive.path, "pack"], in: fixture.folder.url)
        try expectRefusal(.invalidArchive, leaving: fixture.practice.root) {
            try fixture.practice.install(from: archive)
        }
    }

    @Test func unsignedPackIsNotArchived() throws {
        let fixture = try PackFixture()
        try FileManager.default.removeItem(at: fixture.pack.appendingPathComponent("CHECKSUMS.sig"))
        #expect(
            code { try PackArchive.write(packAt: fixture.pack, to: fixture.folder.path("x.tar")) }
                == .unsigned)
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.path("x.tar").path))
    }

    @Test func staleOrUnsignedPackIsNotArchived() throws {
        let fixture = try PackFixture()
        try fixture.folder.write("pack/thought-record/README.md", "changed after signing\n")
        let target = fixture.folder.path("stale.tar")
        #expect(code { try PackArchive.write(packAt: fixture.pack, to: target) } == .tampered)
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func manyEmptyFoldersCountTowardsTheCap() throws {
        let fixture = try PackFixture()
        let folders = (0..<5).map {
            (path: "top/d\($0)", kind: UstarHeader.Kind.directory, data: "")
        }
        try craftArchive([("top", .directory, "")] + folders).write(
            to: fixture.folder.path("dirs.tar"))
        let small = PackShelf(root: fixture.practice.root, limits: PackLimits(maxFiles: 2))
        try expectRefusal(.tooLarge, leaving: fixture.practice.root) {
            try small.install(from: fixture.folder.path("dirs.tar"))
        }
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
