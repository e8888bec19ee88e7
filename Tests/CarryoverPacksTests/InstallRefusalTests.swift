import CarryoverManifest
import Foundation
import Testing

@testable import CarryoverPacks

/// Every way an install must fail, each checked for its error code and for
/// leaving the practice folder exactly as it was.
@Suite struct InstallRefusalTests {
    @Test func unsignedPackIsRefused() throws {
        let fixture = try PackFixture()
        try FileManager.default.removeItem(at: fixture.pack.appendingPathComponent("CHECKSUMS.sig"))
        try expectRefusal(.unsigned, leaving: fixture.practice.root) {
            try fixture.practice.install(from: fixture.pack)
        }
        try FileManager.default.removeItem(at: fixture.pack.appendingPathComponent("CHECKSUMS"))
        try expectRefusal(.unsigned, leaving: fixture.practice.root) {
            try fixture.practice.install(from: fixture.pack)
        }
    }

    @Test func untrustedKeyIsRefused() throws {
        let fixture = try PackFixture(trusted: false)
        try expectRefusal(.untrustedKey, leaving: fixture.practice.root) {
            try fixture.practice.install(from: fixture.pack)
        }
    }

    @Test func revokedKeyIsRefusedAndCannotBeTrustedAgain() throws {
        let fixture = try PackFixture()
        try fixture.practice.trustStore.revoke(fixture.secretKey.keyID)
        try expectRefusal(.revokedKey, leaving: fixture.practice.root) {
            try fixture.practice.install(from: fixture.pack)
        }
        try expectRefusal(.revokedKey, leaving: fixture.practice.root) {
            try fixture.practice.trustStore.trust(fixture.publicKey, name: "Again")
        }
        #expect(try fixture.practice.trustStore.list().map(\.status) == [.revoked])
    }

    @Test func changedAddedOrRemovedFileIsRefused() throws {
        let fixture = try PackFixture()
        let lua = fixture.pack.appendingPathComponent("thought-record/thought_record.lua")
        let original = try Data(contentsOf: lua)
        try Data("os.execute('rm -rf /')\n".utf8).write(to: lua)
        try expectRefusal(.tampered, leaving: fixture.practice.root) {
            try fixture.practice.install(from: fixture.pack)
        }
        try original.write(to: lua)
        try fixture.folder.write("pack/thought-record/extra.lua", "return 1\n")
        try expectRefusal(.tampered, leaving: fixture.practice.root) {
            try fixture.practice.install(from: fixture.pack)
        }
        try FileManager.default.removeItem(
            at: fixture.pack.appendingPathComponent("thought-record/extra.lua"))
        try FileManager.default.removeItem(
            at: fixture.pack.appendingPathComponent("thought-record/README.md"))
        try expectRefusal(.tampered, leaving: fixture.practice.root) {
            try fixture.practice.install(from: fixture.pack)
        }
    }

    @Test func rewrittenChecksumsFailTheSignature() throws {
        let fixture = try PackFixture()
        try fixture.folder.write("pack/thought-record/README.md", "changed\n")
        // An attacker who rewrites CHECKSUMS to match cannot re-sign it.
        try Checksums.compute(root: fixture.pack, limits: PackLimits()).data.write(
            to: fixture.pack.appendingPathComponent("CHECKSUMS"))
        try expectRefusal(.badSignature, leaving: fixture.practice.root) {
            try fixture.practice.install(from: fixture.pack)
        }
    }

    @Test func packSignedByAnotherTrustedKeyThanItsManifestNamesIsRefused() throws {
        let fixture = try PackFixture()
        let other = SecretKey.generate()
        try fixture.practice.trustStore.trust(other.publicKey, name: "Other")
        let checksums = try Data(contentsOf: fixture.pack.appendingPathComponent("CHECKSUMS"))
        try other.sign(checksums).signifyData(comment: "x").write(
            to: fixture.pack.appendingPathComponent("CHECKSUMS.sig"))
        try expectRefusal(.keyMismatch, leaving: fixture.practice.root) {
            try fixture.practice.install(from: fixture.pack)
        }
    }

    @Test func symlinkInPackFolderIsRefused() throws {
        let fixture = try PackFixture()
        try FileManager.default.createSymbolicLink(
            atPath: fixture.pack.appendingPathComponent("secrets").path,
            withDestinationPath: fixture.practice.root.path)
        try expectRefusal(.unsafePath, leaving: fixture.practice.root) {
            try fixture.practice.install(from: fixture.pack)
        }
    }

    @Test(arguments: [
        "org.example.clinic-1.0.0/../../escaped.lua", "/tmp/carryover-escaped.lua",
        "org.example.clinic-1.0.0/./x.lua", "org.example.clinic-1.0.0//x.lua",
    ])
    func archiveMemberEscapingThePackIsRefused(_ path: String) throws {
        let fixture = try PackFixture()
        let archive = fixture.folder.path("evil.tar")
        try craftArchive([
            ("org.example.clinic-1.0.0", .directory, ""), (path, .file, "return 1\n"),
        ]).write(to: archive)
        try expectRefusal(.unsafePath, leaving: fixture.folder.url) {
            try fixture.practice.install(from: archive)
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/carryover-escaped.lua"))
    }

    @Test func archiveWithSymlinkOrHardLinkMemberIsRefused() throws {
        let fixture = try PackFixture()
        let source = fixture.folder.path("linked")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: source.appendingPathComponent("passwd").path, withDestinationPath: "/etc/passwd"
        )
        let symlinks = fixture.folder.path("symlink.tar")
        try tar(["--format=ustar", "-cf", symlinks.path, "linked"], in: fixture.folder.url)
        try expectRefusal(.unsafePath, leaving: fixture.folder.url) {
            try fixture.practice.install(from: symlinks)
        }

        try FileManager.default.removeItem(at: source.appendingPathComponent("passwd"))
        try fixture.folder.write("linked/a", "x")
        try FileManager.default.linkItem(
            at: source.appendingPathComponent("a"), to: source.appendingPathComponent("b"))
        let hardLinks = fixture.folder.path("hardlink.tar")
        try tar(["--format=ustar", "-cf", hardLinks.path, "linked"], in: fixture.folder.url)
        try expectRefusal(.unsafePath, leaving: fixture.folder.url) {
            try fixture.practice.install(from: hardLinks)
        }
    }

    @Test func oversizedPackIsRefused() throws {
        let fixture = try PackFixture()
        let small = PackShelf(root: fixture.practice.root, limits: PackLimits(maxFileBytes: 64))
        try expectRefusal(.tooLarge, leaving: fixture.practice.root) {
            try small.install(from: fixture.pack)
        }
        let archive = fixture.folder.path("pack.tar")
        try PackArchive.write(packAt: fixture.pack, to: archive)
        try expectRefusal(.tooLarge, leaving: fixture.practice.root) {
            try PackShelf(root: fixture.practice.root, limits: PackLimits(maxTotalBytes: 300))
                .install(from: archive)
        }
    }

    @Test func incompatibleEngineIsRefused() throws {
        let fixture = try PackFixture(engine: ">=0.2.0, <0.3.0")
        try expectRefusal(.incompatibleEngine, leaving: fixture.practice.root) {
            try fixture.practice.install(from: fixture.pack)
        }
    }

    @Test func downgradeIsRefusedUnlessForced() throws {
        let fixture = try PackFixture(version: "1.1.0")
        try fixture.practice.install(from: fixture.pack)
        let older = try fixture.makeVersion("1.0.0")
        try expectRefusal(.downgrade, leaving: fixture.practice.root) {
            try fixture.practice.upgrade(from: older)
        }
        try expectRefusal(.alreadyExists, leaving: fixture.practice.root) {
            try fixture.practice.install(from: older)
        }
        let forced = try fixture.practice.upgrade(from: older, allowDowngrade: true)
        #expect(forced.version == SemanticVersion(1, 0, 0))
        #expect(
            try fixture.practice.lockfile().pin(for: "org.example.clinic")?.version
                == forced.version)
    }

    @Test func lockedInstallRefusesAnythingElseThanThePin() throws {
        let fixture = try PackFixture()
        try expectRefusal(.lockMismatch, leaving: fixture.practice.root) {
            try fixture.practice.install(from: fixture.pack, mode: .locked)
        }
        let lock = Lockfile(pins: [
            .init(
                id: "org.example.clinic", version: SemanticVersion(1, 0, 0),
                checksumsSHA256: String(repeating: "0", count: 64), keyID: fixture.secretKey.keyID)
        ])
        try Data(lock.toml.utf8).write(to: fixture.practice.lockfileURL)
        try expectRefusal(.lockMismatch, leaving: fixture.practice.root) {
            try fixture.practice.install(from: fixture.pack, mode: .locked)
        }
    }

    @Test func concurrentChangeIsRefusedWhileAnotherHoldsThePractice() throws {
        let fixture = try PackFixture()
        let held = open(fixture.practice.root.path, O_RDONLY | O_DIRECTORY)
        defer { close(held) }
        // flock locks belong to the open file description, so this one blocks
        // the practice's own open of the folder even within one process.
        #expect(flock(held, LOCK_EX | LOCK_NB) == 0)
        try expectRefusal(.busy, leaving: fixture.practice.root) {
            try fixture.practice.install(from: fixture.pack)
        }
        flock(held, LOCK_UN)
        #expect(try fixture.practice.install(from: fixture.pack).isPinned)
    }

    @Test func missingPracticeFolderIsRefused() throws {
        let fixture = try PackFixture()
        let missing = PackShelf(root: fixture.folder.path("nowhere"))
        try expectRefusal(.notFound, leaving: fixture.folder.url) {
            try missing.install(from: fixture.pack)
        }
    }
}
