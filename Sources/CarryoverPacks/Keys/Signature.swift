import Foundation

/// A detached Ed25519 signature in signify's format (what `signify -S` writes).
public struct Signature: Sendable, Hashable {
    /// The key number of the key that made it.
    public let keyID: KeyID
    /// The 64-byte Ed25519 signature.
    public let rawRepresentation: [UInt8]

    init(keyID: KeyID, rawRepresentation: [UInt8]) {
        self.keyID = keyID
        self.rawRepresentation = rawRepresentation
    }

    /// Parses a signify signature file.
    /// - Throws: ``PackError`` with code `badSignature`.
    public init(signifyData data: Data) throws(PackError) {
        guard let payload = try? SignifyFile.decode(data, length: 74, what: "signature").payload,
            let (keyID, signature) = SignifyFile.keyed(payload)
        else {
            throw PackError(
                .badSignature,
                "CHECKSUMS.sig is not a signify Ed25519 signature; the publisher must sign again")
        }
        self.init(keyID: keyID, rawRepresentation: signature)
    }

    /// The signature file's bytes; signify's own comment is `verify with <key file>`.
    public func signifyData(comment: String) -> Data {
        let payload = SignifyFile.keyedPayload(keyID, rawRepresentation)
        return Data(SignifyFile.encode(comment: comment, payload: payload).utf8)
    }
}
