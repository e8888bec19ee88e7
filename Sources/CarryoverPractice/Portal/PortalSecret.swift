import CarryoverPacks
import Crypto
import Foundation

/// The portal's secrets: random tokens for links and sessions, and the
/// hashes the store keeps instead of them.
public enum PortalSecret {
    /// A new token: 256 bits from the system's cryptographic random source,
    /// base64url without padding (43 characters, safe in a URL path).
    public static func make() -> String {
        let key = SymmetricKey(size: .bits256)
        let bytes = key.withUnsafeBytes { Data($0) }
        return bytes.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Whether `text` has the shape of a token this practice hands out.
    public static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 43
            && text.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                    || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
            }
    }

    /// SHA-256 of the text, lowercase hex: what the store keeps.
    public static func hash(_ text: String) -> String {
        hex(SHA256.hash(data: Data(text.utf8)))
    }
}
