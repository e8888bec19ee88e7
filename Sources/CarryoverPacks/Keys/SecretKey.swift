import Crypto
import Foundation

/// A publisher's Ed25519 secret key, in signify's unencrypted format.
///
/// The file layout matches `signify -G -n`: tag `Ed`, KDF tag `BK`, KDF rounds
/// 0 (big-endian UInt32), 16-byte salt, 8-byte checksum (the first bytes of
/// SHA-512 of the secret key), key number, 64-byte secret key (seed then
/// public key, as in NaCl).
public struct SecretKey: Sendable {
    /// The key number, shared with the public key.
    public let keyID: KeyID
    private let seed: [UInt8]
    private let salt: [UInt8]
    /// The matching public key.
    public let publicKey: PublicKey

    private init(keyID: KeyID, seed: [UInt8], salt: [UInt8]) throws(PackError) {
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
            throw PackError(.invalidKey, "the secret key is damaged; generate a new key pair")
        }
        self.keyID = keyID
        self.seed = seed
        self.salt = salt
        self.publicKey = PublicKey(
            keyID: keyID, rawRepresentation: [UInt8](key.publicKey.rawRepresentation))
    }

    /// A new random key pair.
    public static func generate() -> SecretKey {
        var generator = SystemRandomNumberGenerator()
        func random(_ count: Int) -> [UInt8] {
            (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        }
        let seed = [UInt8](Curve25519.Signing.PrivateKey().rawRepresentation)
        return try! SecretKey(keyID: KeyID.random(), seed: seed, salt: random(16))
    }

    /// Parses a signify secret key file written by Carryover or `signify -G -n`.
    /// - Throws: ``PackError`` with code `invalidKey`; passphrase-protected keys are refused.
    public init(signifyData data: Data) throws(PackError) {
        let bytes = try SignifyFile.decode(data, length: 104, what: "secret key").payload
        guard Array(bytes[0..<2]) == SignifyFile.ed25519Tag, Array(bytes[2..<4]) == Array("BK".utf8)
        else { throw PackError(.invalidKey, "the secret key is not an Ed25519 signify key") }
        guard bytes[4..<8].allSatisfy({ $0 == 0 }) else {
            throw PackError(
                .invalidKey,
                "the secret key has a passphrase; Carryover needs one made with signify -G -n")
        }
        let secret = Array(bytes[40..<104])
        guard Array(SHA512.hash(data: secret).prefix(8)) == Array(bytes[24..<32]) else {
            throw PackError(.invalidKey, "the secret key fails its checksum; it is damaged")
        }
        try self.init(
            keyID: KeyID(bytes: bytes[32..<40]), seed: Array(secret[0..<32]),
            salt: Array(bytes[8..<24]))
        guard publicKey.rawRepresentation == Array(secret[32..<64]) else {
            throw PackError(.invalidKey, "the secret key's two halves do not match; it is damaged")
        }
    }

    /// The key file's bytes (write them with `KeyFiles` so the mode is 0600).
    public func signifyData(comment: String) -> Data {
        let secret = seed + publicKey.rawRepresentation
        let checksum = Array(SHA512.hash(data: secret).prefix(8))
        let rounds: [UInt8] = [0, 0, 0, 0]
        let payload =
            SignifyFile.ed25519Tag + Array("BK".utf8) + rounds + salt + checksum + keyID.bytes
            + secret
        return Data(SignifyFile.encode(comment: comment, payload: payload).utf8)
    }

    /// Signs `message` as `signify -S` would.
    public func sign(_ message: Data) -> Signature {
        // The seed was validated in init, so this cannot fail.
        let key = try! Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        let signature = try! key.signature(for: message)
        return Signature(keyID: keyID, rawRepresentation: [UInt8](signature))
    }
}
