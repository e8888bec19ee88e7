import Crypto
import Foundation

/// A publisher's Ed25519 public key, in signify's format.
public struct PublicKey: Sendable, Hashable {
    /// The key number signify stores with the key; signatures carry it too.
    public let keyID: KeyID
    /// The 32-byte Ed25519 public key.
    public let rawRepresentation: [UInt8]

    init(keyID: KeyID, rawRepresentation: [UInt8]) {
        self.keyID = keyID
        self.rawRepresentation = rawRepresentation
    }

    /// Parses a signify public key file (`signify -G` writes one).
    /// - Throws: ``PackError`` with code `invalidKey`.
    public init(signifyData data: Data) throws(PackError) {
        let (_, payload) = try SignifyFile.decode(data, length: 42, what: "public key")
        try self.init(payload: payload)
    }

    /// Reads the base64 line of a signify public key (tag, key number, key).
    init(payload: [UInt8]) throws(PackError) {
        guard payload.count == 42, let (keyID, key) = SignifyFile.keyed(payload) else {
            throw PackError(.invalidKey, "the public key is not an Ed25519 signify key")
        }
        self.init(keyID: keyID, rawRepresentation: key)
    }

    /// The base64 payload signify writes on the key file's second line.
    public var base64: String { Data(payload).base64EncodedString() }

    /// Parses ``base64``.
    public init(base64: String) throws(PackError) {
        guard let data = Data(base64Encoded: base64) else {
            throw PackError(.invalidKey, "the public key is not valid base64")
        }
        try self.init(payload: [UInt8](data))
    }

    /// The key file's bytes, e.g. comment `"clinic public key"`.
    public func signifyData(comment: String) -> Data {
        Data(SignifyFile.encode(comment: comment, payload: payload).utf8)
    }

    /// Whether `signature` was made over `message` by this key's secret key.
    public func verifies(_ signature: Signature, of message: Data) -> Bool {
        guard signature.keyID == keyID,
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation)
        else { return false }
        return key.isValidSignature(Data(signature.rawRepresentation), for: message)
    }

    private var payload: [UInt8] { SignifyFile.keyedPayload(keyID, rawRepresentation) }
}
