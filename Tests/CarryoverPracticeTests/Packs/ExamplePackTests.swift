import CarryoverCore
import CarryoverPacks
import CarryoverTestSupport
import Foundation
import Testing

@testable import CarryoverPractice

/// The committed `Examples/clinic-pack` is signed and intact: it verifies
/// with the committed public key, with stock tools too, and installs.
@Suite struct ExamplePackTests {
    static let examples = ClinicPackFixture.activityLog.deletingLastPathComponent()
        .deletingLastPathComponent()
    static let pack = examples.appendingPathComponent("clinic-pack")
    static let publicKey = examples.appendingPathComponent("clinic-pack.pub")
    static let signify = "/usr/bin/signify-openbsd"

    @Test func verifiesWithTheCommittedPublicKey() throws {
        let key = try KeyFiles.readPublicKey(at: Self.publicKey)
        let verified = try Pack.verify(at: Self.pack, publicKey: key)
        #expect(verified.manifest.id == "org.exampleclinic.clinic-pack")
        #expect(verified.manifest.publisherKeyID == key.keyID)
        #expect(
            verified.manifest.homework.map(\.id) == [
                "org.exampleclinic.activity-log", "org.exampleclinic.worry-time",
            ])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: signify)))
    func signifyAndSha256sumAgree() throws {
        let signature = try tool(
            Self.signify,
            ["-V", "-p", Self.publicKey.path, "-m", "CHECKSUMS", "-x", "CHECKSUMS.sig"])
        #expect(signature.status == 0, "\(signature.output)")
        #expect(signature.output.contains("Signature Verified"))
        let files = try tool("/usr/bin/sha256sum", ["-c", "--strict", "CHECKSUMS"])
        #expect(files.status == 0, "\(files.output)")
    }

    @Test func installsAndOffersBothTypes() async throws {
        let fixture = try PracticeFixture(now: instant("2026-11-30T08:00:00Z"))
        try TrustStore(practice: fixture.folder).trust(
            KeyFiles.readPublicKey(at: Self.publicKey), name: "Example Clinic")
        try PackShelf(root: fixture.folder).install(from: Self.pack)
        let ids = try fixture.practice.catalogue.available().filter {
            $0.origin == "pack org.exampleclinic.clinic-pack 1.0.0"
        }.map(\.id)
        #expect(ids == ["org.exampleclinic.activity-log", "org.exampleclinic.worry-time"])
    }

    /// Runs a stock tool in the pack folder; output and errors together.
    private func tool(_ path: String, _ arguments: [String]) throws -> (
        status: Int32, output: String
    ) {
        try runProgram(path, arguments, in: Self.pack)
    }
}
