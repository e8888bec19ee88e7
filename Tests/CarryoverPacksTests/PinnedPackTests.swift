import CarryoverManifest
import Foundation
import Testing

@testable import CarryoverPacks

@Suite struct PinnedPackTests {
    @Test func pinnedPackIsVerifiedAgainBeforeUse() throws {
        let fixture = try PackFixture()
        let installed = try fixture.practice.install(from: fixture.pack)
        let loaded = try fixture.practice.pinnedPack("org.example.clinic")
        #expect(loaded.folder.path == installed.folder.path)
        #expect(loaded.pack.checksumsSHA256 == installed.checksumsSHA256)
        #expect(code { _ = try fixture.practice.pinnedPack("org.example.none") } == .notFound)

        // Someone edits the installed Lua after install: it must not run.
        let lua = installed.folder.appendingPathComponent("thought-record/thought_record.lua")
        let original = try Data(contentsOf: lua)
        try Data("while true do end\n".utf8).write(to: lua)
        #expect(code { _ = try fixture.practice.pinnedPack("org.example.clinic") } == .tampered)
        // Reinstalling the pinned pack repairs the edited copy.
        try fixture.practice.install(from: fixture.pack, mode: .locked)
        #expect(try Data(contentsOf: lua) == original)
        #expect(
            try fixture.practice.pinnedPack("org.example.clinic").pack.keyID
                == fixture.secretKey.keyID)

        // A key revoked after install stops its packs from loading.
        try fixture.practice.trustStore.revoke(fixture.secretKey.keyID)
        #expect(code { _ = try fixture.practice.pinnedPack("org.example.clinic") } == .revokedKey)
    }

    @Test func lockfileRoundTripsAndRejectsOtherFormatVersions() throws {
        let pin = Lockfile.Pin(
            id: "org.example.clinic",
            version: SemanticVersion(1, 2, 3, preRelease: [.alphanumeric("rc"), .numeric(1)]),
            checksumsSHA256: String(repeating: "ab", count: 32),
            keyID: KeyID(hex: "00112233445566ff")!)
        let lock = Lockfile(pins: [
            pin,
            .init(
                id: "a.b", version: SemanticVersion(0, 1, 0),
                checksumsSHA256: String(repeating: "0", count: 64),
                keyID: KeyID(hex: "0000000000000001")!),
        ])
        #expect(lock.pins.map(\.id) == ["a.b", "org.example.clinic"])
        #expect(try Lockfile(parsing: Data(lock.toml.utf8)) == lock)
        #expect(lock.toml.contains("checksums-sha256 = \"\(String(repeating: "ab", count: 32))\""))
        let future = lock.toml.replacingOccurrences(of: "version = 1\n", with: "version = 2\n")
        #expect(code { _ = try Lockfile(parsing: Data(future.utf8)) } == .invalidManifest)
        let damaged = lock.toml.replacingOccurrences(of: "00112233445566ff", with: "nothex")
        #expect(code { _ = try Lockfile(parsing: Data(damaged.utf8)) } == .invalidManifest)
    }
}
