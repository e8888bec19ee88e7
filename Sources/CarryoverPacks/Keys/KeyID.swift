/// A publisher key's id: the 8-byte random key number signify stores in the
/// key and in every signature it makes, shown as 16 lowercase hex digits.
public struct KeyID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 8 raw bytes.
    public let bytes: [UInt8]

    init(bytes: some Collection<UInt8>) {
        precondition(bytes.count == 8, "a key id has 8 bytes")
        self.bytes = Array(bytes)
    }

    /// Parses 16 hex digits, or returns nil.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 16, hex.allSatisfy(\.isHexDigit) else { return nil }
        var bytes: [UInt8] = []
        for i in stride(from: 0, to: 16, by: 2) {
            guard let byte = UInt8(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(byte)
        }
        self.bytes = bytes
    }

    /// A fresh random key number.
    static func random() -> KeyID {
        var generator = SystemRandomNumberGenerator()
        return KeyID(bytes: (0..<8).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    public var description: String { hex(bytes) }

    public static func < (lhs: KeyID, rhs: KeyID) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}

/// Lowercase hex of bytes, as sha256sum and key ids print them.
package func hex(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for byte in bytes {
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
}
