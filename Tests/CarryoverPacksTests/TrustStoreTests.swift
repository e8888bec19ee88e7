import CarryoverTestSupport
import Foundation
import Testing

@testable import CarryoverPacks

@Suite struct TrustStoreTests {
    @Test func trustListRevokeAndPersist() throws {
        let folder = try TemporaryFolder(prefix: "carryover-packs")
        let store = TrustStore(practice: folder.url)
        #expect(try store.list().isEmpty)
        let a = SecretKey.generate().publicKey
        let b = SecretKey.generate().publicKey
        try store.trust(a, name: "Clinic \"A\"\n")
        try store.trust(b, name: "Clinic B")
        #expect(code { try store.trust(a, name: "again") } == .alreadyExists)
        #expect(code { try store.trust(SecretKey.generate().publicKey, name: "  ") } == .invalidKey)
        try store.revoke(b.keyID)
        let reread = try TrustStore(practice: folder.url).list()
        #expect(Set(reread.map(\.keyID)) == [a.keyID, b.keyID])
        #expect(reread.first { $0.keyID == a.keyID }?.name == "Clinic \"A\"")
        #expect(reread.first { $0.keyID == a.keyID }?.publicKey == a)
        #expect(reread.first { $0.keyID == b.keyID }?.status == .revoked)
        #expect(code { try store.revoke(SecretKey.generate().keyID) } == .notFound)
        #expect(code { _ = try store.requireTrusted(b.keyID) } == .revokedKey)
        #expect(try store.requireTrusted(a.keyID) == a)
    }
}
