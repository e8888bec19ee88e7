import CarryoverManifest
import CarryoverTestSupport
import Foundation
import Testing

@testable import CarryoverPacks

/// A clinic publishes a pack; another clinic trusts the key, installs it from
/// the archive, pins it, reinstalls from the lockfile and refuses a modified copy.
@Suite struct RoundTripTests {
    @Test func buildSignArchiveTrustInstallLockAndReinstall() throws {
        let folder = try TemporaryFolder(prefix: "carryover-packs")
        // Publisher side.
        try KeyFiles.generate(
            publicKey: folder.path("clinic.pub"), secretKey: folder.path("clinic.sec"),
            comment: "Example Clinic")
        let secret = try KeyFiles.readSecretKey(at: folder.path("clinic.sec"))
        try PackFixture.writeExample(
            at: folder.path("pack"), folder: folder, key: secret, version: "1.0.0",
            engine: ">=0.1.0, <0.2.0")
        try Pack.build(at: folder.path("pack"))
        try Pack.sign(at: folder.path("pack"), with: secret)
        let archive = folder.path("org.example.clinic-1.0.0.tar")
        try PackArchive.write(packAt: folder.path("pack"), to: archive)

        // Receiving clinic: a second practice folder.
        try FileManager.default.createDirectory(
            at: folder.path("practice"), withIntermediateDirectories: true)
        let practice = PackShelf(root: folder.path("practice"))
        try practice.trustStore.trust(
            KeyFiles.readPublicKey(at: folder.path("clinic.pub")), name: "Example Clinic")
        let installed = try practice.install(from: archive)
        #expect(installed.isPinned)
        #expect(
            installed.folder.path
                == folder.path("practice/packs/org.example.clinic/1.0.0").path)
        #expect(
            FileManager.default.fileExists(
                atPath: installed.folder.appendingPathComponent("thought-record/thought_record.lua")
                    .path))

        // The lockfile pins id, version, SHA-256 of CHECKSUMS and key id;
        // the digest is checked against sha256sum's own output for the file.
        let lock = try practice.lockfile()
        let pin = try #require(lock.pin(for: "org.example.clinic"))
        let sha = try run("/usr/bin/sha256sum", [folder.path("pack/CHECKSUMS").path])
        #expect(pin.checksumsSHA256 == String(sha.output.prefix(64)))
        #expect(pin.version == SemanticVersion(1, 0, 0))
        #expect(pin.keyID == secret.keyID)
        #expect(try Lockfile(parsing: Data(contentsOf: practice.lockfileURL)) == lock)
        #expect(try practice.installed().map(\.isPinned) == [true])

        // A locked reinstall of the same bytes, into a practice that has only the lockfile, succeeds.
        try practice.remove(id: "org.example.clinic")
        try Data(lock.toml.utf8).write(to: practice.lockfileURL)
        let reinstalled = try practice.install(from: archive, mode: .locked)
        #expect(reinstalled.checksumsSHA256 == pin.checksumsSHA256)
        #expect(try practice.lockfile() == lock)
        // Installing the same pack again is a no-op.
        let before = try snapshot(practice.root)
        try practice.install(from: archive)
        #expect(try snapshot(practice.root) == before)

        // A modified copy, even re-signed by the publisher, differs from the pin.
        try folder.write("pack/thought-record/README.md", "# Changed\n")
        try Pack.build(at: folder.path("pack"))
        try Pack.sign(at: folder.path("pack"), with: secret)
        try expectRefusal(.lockMismatch, leaving: practice.root) {
            try practice.install(from: folder.path("pack"), mode: .locked)
        }
        try expectRefusal(.lockMismatch, leaving: practice.root) {
            try practice.install(from: folder.path("pack"))
        }
        // And a copy modified by anyone else fails its signature.
        try folder.write("pack/thought-record/README.md", "# Changed again\n")
        try expectRefusal(.tampered, leaving: practice.root) {
            try practice.install(from: folder.path("pack"))
        }
    }

    @Test func upgradeKeepsOldVersionsAndRemoveClearsThePin() throws {
        let fixture = try PackFixture()
        try fixture.practice.install(from: fixture.pack)
        let newer = try fixture.makeVersion("1.1.0")
        try expectRefusal(.notFound, leaving: fixture.practice.root) {
            try PackShelf(root: fixture.practice.root).remove(id: "org.example.other")
        }
        let upgraded = try fixture.practice.upgrade(from: newer)
        #expect(upgraded.version == SemanticVersion(1, 1, 0))
        let listed = try fixture.practice.installed()
        #expect(listed.map(\.version.description) == ["1.0.0", "1.1.0"])
        #expect(listed.map(\.isPinned) == [false, true])
        try expectRefusal(.alreadyExists, leaving: fixture.practice.root) {
            try fixture.practice.remove(id: "org.example.clinic", version: SemanticVersion(1, 1, 0))
        }
        try fixture.practice.remove(id: "org.example.clinic", version: SemanticVersion(1, 0, 0))
        #expect(try fixture.practice.installed().map(\.version.description) == ["1.1.0"])
        try fixture.practice.remove(id: "org.example.clinic")
        #expect(try fixture.practice.installed().isEmpty)
        #expect(try fixture.practice.lockfile().pins.isEmpty)
    }
}
