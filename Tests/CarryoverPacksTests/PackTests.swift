import CarryoverManifest
import CarryoverTestSupport
import Foundation
import Testing

@testable import CarryoverPacks

@Suite struct PackTests {
    @Test func buildListsEveryFileSortedAndSignVerifies() throws {
        let fixture = try PackFixture()
        let text = try String(
            contentsOf: fixture.pack.appendingPathComponent("CHECKSUMS"), encoding: .utf8)
        let paths = text.split(separator: "\n").map { $0.split(separator: " ")[1] }
        #expect(
            paths == [
                "(pack.toml)", "(thought-record/README.md)", "(thought-record/homework.toml)",
                "(thought-record/tests/thought_record_spec.lua)",
                "(thought-record/thought_record.lua)",
            ])
        let verified = try Pack.verify(at: fixture.pack, publicKey: fixture.publicKey)
        #expect(verified.manifest.id == "org.example.clinic")
        #expect(verified.manifest.publisherName == "Example \"Clinic\"")
        #expect(verified.keyID == fixture.secretKey.keyID)
        #expect(verified.checksums.entries.count == 5)
    }

    // SHA-256("abc") is the FIPS 180-2 appendix B.1 example:
    // ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad.
    @Test func checksumLinesUseTheBSDTagFormat() throws {
        let folder = try TemporaryFolder(prefix: "carryover-packs")
        try folder.write("p/abc", "abc")
        let checksums = try Checksums.compute(root: folder.path("p"), limits: PackLimits())
        #expect(
            String(decoding: checksums.data, as: UTF8.self)
                == "SHA256 (abc) = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n"
        )
        #expect(try Checksums(parsing: checksums.data) == checksums)
    }

    @Test func stockSha256sumAcceptsChecksums() throws {
        let fixture = try PackFixture()
        let result = try run(
            "/usr/bin/sha256sum", ["-c", "--strict", "CHECKSUMS"], in: fixture.pack)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("thought-record/thought_record.lua: OK"))
    }

    @Test(.enabled(if: signifyPath != nil, "signify-openbsd is not installed"))
    func stockSignifyVerifiesPackSignatureAndChecksums() throws {
        let fixture = try PackFixture()
        try fixture.publicKey.signifyData(comment: "clinic public key").write(
            to: fixture.folder.path("clinic.pub"))
        let key = fixture.folder.path("clinic.pub").path
        let detached = try run(
            signifyPath!, ["-V", "-p", key, "-m", "CHECKSUMS", "-x", "CHECKSUMS.sig"],
            in: fixture.pack)
        #expect(detached.status == 0, "\(detached.output)")
        // signify -C wants the signature with the list appended (an embedded signature).
        let embedded = fixture.folder.path("embedded.sig")
        try
            (Data(contentsOf: fixture.pack.appendingPathComponent("CHECKSUMS.sig"))
            + Data(contentsOf: fixture.pack.appendingPathComponent("CHECKSUMS"))).write(
                to: embedded)
        let checked = try run(
            signifyPath!, ["-C", "-p", key, "-x", embedded.path], in: fixture.pack)
        #expect(checked.status == 0, "\(checked.output)")
        #expect(checked.output.contains("pack.toml: OK"))
        try fixture.folder.write("pack/pack.toml", "changed")
        let tampered = try run(
            signifyPath!, ["-C", "-p", key, "-x", embedded.path], in: fixture.pack)
        #expect(tampered.status != 0)
    }

    @Test func buildRefusesLinksOversizedFilesAndOddNames() throws {
        let fixture = try PackFixture()
        try FileManager.default.createSymbolicLink(
            atPath: fixture.pack.appendingPathComponent("link.lua").path,
            withDestinationPath: "/etc/passwd")
        #expect(throws: PackError.self) { try Pack.build(at: fixture.pack) }
        #expect(code { try Pack.build(at: fixture.pack) } == .unsafePath)
        try FileManager.default.removeItem(at: fixture.pack.appendingPathComponent("link.lua"))

        try fixture.folder.write("pack/big.txt", String(repeating: "x", count: 2048))
        #expect(
            code { try Pack.build(at: fixture.pack, limits: PackLimits(maxFileBytes: 1024)) }
                == .tooLarge)
        #expect(
            code { try Pack.build(at: fixture.pack, limits: PackLimits(maxTotalBytes: 2000)) }
                == .tooLarge)
        #expect(
            code { try Pack.build(at: fixture.pack, limits: PackLimits(maxFiles: 3)) } == .tooLarge)
        try FileManager.default.removeItem(at: fixture.pack.appendingPathComponent("big.txt"))

        try fixture.folder.write("pack/my notes.md", "x")
        #expect(code { try Pack.build(at: fixture.pack) } == .unsafePath)
    }

    @Test func verifyRefusesALinkedChecksumList() throws {
        let fixture = try PackFixture()
        let list = fixture.pack.appendingPathComponent("CHECKSUMS")
        try FileManager.default.moveItem(at: list, to: fixture.folder.path("elsewhere"))
        try FileManager.default.createSymbolicLink(
            atPath: list.path, withDestinationPath: fixture.folder.path("elsewhere").path)
        #expect(
            code { try Pack.verify(at: fixture.pack, publicKey: fixture.publicKey) } == .unsafePath)
    }

    @Test func signRefusesStaleChecksumsAndTheWrongKey() throws {
        let fixture = try PackFixture()
        #expect(
            code { try Pack.sign(at: fixture.pack, with: SecretKey.generate()) } == .keyMismatch)
        try fixture.folder.write("pack/thought-record/README.md", "changed\n")
        #expect(code { try Pack.sign(at: fixture.pack, with: fixture.secretKey) } == .tampered)
        // Rebuilding drops the stale signature, so the pack is unsigned until signed again.
        try Pack.build(at: fixture.pack)
        #expect(
            code { try Pack.verify(at: fixture.pack, publicKey: fixture.publicKey) } == .unsigned)
    }

    @Test func buildChecksHomeworkManifestsAgainstPackToml() throws {
        let fixture = try PackFixture()
        try fixture.folder.write(
            "pack/thought-record/homework.toml",
            "id = \"org.example.other\"\nversion = \"1.0.0\"\ntitle = \"T\"\nmain = \"thought_record.lua\"\n"
        )
        #expect(code { try Pack.build(at: fixture.pack) } == .invalidManifest)
        try fixture.folder.write(
            "pack/thought-record/homework.toml",
            "id = \"org.example.thought-record\"\nversion = \"1.0.0\"\ntitle = \"T\"\nmain = \"missing.lua\"\n"
        )
        #expect(code { try Pack.build(at: fixture.pack) } == .invalidManifest)
        try fixture.folder.write("pack/pack.toml", "id = \"Not DNS\"\n")
        #expect(code { try Pack.build(at: fixture.pack) } == .invalidManifest)
    }

    @Test func inspectReportsTrustAndProblems() throws {
        let fixture = try PackFixture()
        let trusted = try Pack.inspect(fixture.pack, trustStore: fixture.practice.trustStore)
        #expect(trusted.trust == .trusted(name: "Example Clinic"))
        #expect(trusted.keyID == fixture.secretKey.keyID)
        #expect(trusted.files.count == 5)
        #expect(trusted.problem == nil)

        let stranger = TrustStore(practice: fixture.folder.path("elsewhere"))
        let unknown = try Pack.inspect(fixture.pack, trustStore: stranger)
        #expect(unknown.trust == .unknown)
        #expect(unknown.problem?.code == .untrustedKey)

        try fixture.practice.trustStore.revoke(fixture.secretKey.keyID)
        let revoked = try Pack.inspect(fixture.pack, trustStore: fixture.practice.trustStore)
        #expect(revoked.trust == .revoked(name: "Example Clinic"))
        #expect(revoked.problem?.code == .revokedKey)
    }
}

/// The code of the ``PackError`` `body` throws, or nil when it does not throw one.
func code(_ body: () throws -> Void) -> PackError.Code? {
    do {
        try body()
        return nil
    } catch let error as PackError {
        return error.code
    } catch {
        return nil
    }
}
