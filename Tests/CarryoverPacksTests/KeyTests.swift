import CarryoverTestSupport
import Crypto
import Foundation
import Testing

@testable import CarryoverPacks

@Suite struct KeyTests {
    @Test func generatedKeysRoundTripAndSecretIsPrivate() throws {
        let folder = try TemporaryFolder(prefix: "carryover-packs")
        let publicKey = try KeyFiles.generate(
            publicKey: folder.path("clinic.pub"), secretKey: folder.path("clinic.sec"),
            comment: "clinic")
        let mode =
            try FileManager.default.attributesOfItem(atPath: folder.path("clinic.sec").path)[
                .posixPermissions] as? Int
        #expect(mode == 0o600)
        let readPublic = try KeyFiles.readPublicKey(at: folder.path("clinic.pub"))
        let readSecret = try KeyFiles.readSecretKey(at: folder.path("clinic.sec"))
        #expect(readPublic == publicKey)
        #expect(readSecret.publicKey == publicKey)
        let message = Data("SHA256 (a) = 00\n".utf8)
        #expect(publicKey.verifies(readSecret.sign(message), of: message))
        #expect(!publicKey.verifies(readSecret.sign(message), of: Data("other".utf8)))
        #expect(throws: PackError.self) {
            try KeyFiles.generate(
                publicKey: folder.path("clinic.pub"), secretKey: folder.path("other.sec"),
                comment: "x")
        }
    }

    // Byte layout of signify's secret key (signify.c, struct enckey): "Ed",
    // "BK", kdfrounds (4, big-endian), salt (16), checksum (8), keynum (8),
    // seckey (64) = 104 bytes; checksum = first 8 bytes of SHA-512(seckey).
    @Test func secretKeyLayoutMatchesSignify() throws {
        let key = SecretKey.generate()
        let text = String(decoding: key.signifyData(comment: "x"), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "untrusted comment: x")
        let bytes = [UInt8](Data(base64Encoded: String(lines[1]))!)
        #expect(bytes.count == 104)
        #expect(Array(bytes[0..<4]) == Array("EdBK".utf8))
        #expect(Array(bytes[4..<8]) == [0, 0, 0, 0])
        #expect(Array(bytes[24..<32]) == Array(SHA512.hash(data: Array(bytes[40..<104])).prefix(8)))
        #expect(Array(bytes[32..<40]) == key.keyID.bytes)
        #expect(Array(bytes[72..<104]) == key.publicKey.rawRepresentation)
    }

    @Test func refusesPassphraseProtectedAndDamagedKeys() throws {
        let key = SecretKey.generate()
        let lines = String(decoding: key.signifyData(comment: "x"), as: UTF8.self).split(
            separator: "\n")
        var bytes = [UInt8](Data(base64Encoded: String(lines[1]))!)
        var withRounds = bytes
        withRounds[7] = 42
        func file(_ payload: [UInt8]) -> Data {
            Data("untrusted comment: x\n\(Data(payload).base64EncodedString())\n".utf8)
        }
        #expect(
            throws: PackError(
                .invalidKey,
                "the secret key has a passphrase; Carryover needs one made with signify -G -n")
        ) {
            try SecretKey(signifyData: file(withRounds))
        }
        bytes[50] ^= 1
        #expect(throws: PackError(.invalidKey, "the secret key fails its checksum; it is damaged"))
        {
            try SecretKey(signifyData: file(bytes))
        }
        #expect(throws: PackError.self) { try PublicKey(signifyData: Data("not a key\n".utf8)) }
    }

    @Test func keyIDParsesStrictHex() {
        #expect(KeyID(hex: "0123456789abcdef")?.description == "0123456789abcdef")
        #expect(KeyID(hex: "0123456789ABCDEF")?.description == "0123456789abcdef")
        #expect(KeyID(hex: "+123456789abcdef") == nil)
        #expect(KeyID(hex: "0123456789abcde") == nil)
    }
}

@Suite(
    .enabled(
        if: signifyPath != nil, "signify-openbsd is not installed; apt-get install signify-openbsd")
)
struct SignifyInteropTests {
    @Test func signatureMadeByCarryoverVerifiesWithSignify() throws {
        let folder = try TemporaryFolder(prefix: "carryover-packs")
        try KeyFiles.generate(
            publicKey: folder.path("k.pub"), secretKey: folder.path("k.sec"), comment: "clinic")
        let message = try folder.write(
            "CHECKSUMS", "SHA256 (pack.toml) = \(String(repeating: "ab", count: 32))\n")
        let signature = try KeyFiles.readSecretKey(at: folder.path("k.sec")).sign(
            Data(contentsOf: message))
        try signature.signifyData(comment: "verify with k.pub").write(
            to: folder.path("CHECKSUMS.sig"))
        let result = try run(
            signifyPath!, ["-V", "-p", "k.pub", "-m", "CHECKSUMS", "-x", "CHECKSUMS.sig"],
            in: folder.url)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Signature Verified"))
        // A changed message must fail with the real tool too, or the check above proves nothing.
        try folder.write("CHECKSUMS", "changed\n")
        let tampered = try run(
            signifyPath!, ["-V", "-p", "k.pub", "-m", "CHECKSUMS", "-x", "CHECKSUMS.sig"],
            in: folder.url)
        #expect(tampered.status != 0)
    }

    @Test func keysAndSignatureMadeBySignifyVerifyWithCarryover() throws {
        let folder = try TemporaryFolder(prefix: "carryover-packs")
        let generated = try run(
            signifyPath!, ["-G", "-n", "-p", "k.pub", "-s", "k.sec", "-c", "clinic"], in: folder.url
        )
        #expect(generated.status == 0, "\(generated.output)")
        try folder.write("CHECKSUMS", "SHA256 (a) = \(String(repeating: "0", count: 64))\n")
        let signed = try run(
            signifyPath!, ["-S", "-s", "k.sec", "-m", "CHECKSUMS", "-x", "CHECKSUMS.sig"],
            in: folder.url)
        #expect(signed.status == 0, "\(signed.output)")
        let publicKey = try KeyFiles.readPublicKey(at: folder.path("k.pub"))
        let signature = try Signature(signifyData: Data(contentsOf: folder.path("CHECKSUMS.sig")))
        let message = try Data(contentsOf: folder.path("CHECKSUMS"))
        #expect(signature.keyID == publicKey.keyID)
        #expect(publicKey.verifies(signature, of: message))
        #expect(!publicKey.verifies(signature, of: message + Data("x".utf8)))
        // signify's secret key loads too, and signs what signify's public key verifies.
        let secret = try KeyFiles.readSecretKey(at: folder.path("k.sec"))
        #expect(secret.publicKey == publicKey)
        #expect(publicKey.verifies(secret.sign(message), of: message))
    }
}
