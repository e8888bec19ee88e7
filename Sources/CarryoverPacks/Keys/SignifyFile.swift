import Foundation

/// The two-line file format signify uses for keys and signatures:
/// `untrusted comment: <text>\n` then base64 of the binary payload and `\n`.
enum SignifyFile {
    static let commentPrefix = "untrusted comment: "
    /// signify's own limit on the comment line (COMMENTMAXLEN in signify.c).
    static let maxCommentLength = 1024

    static func encode(comment: String, payload: [UInt8]) -> String {
        let oneLine = comment.replacingOccurrences(of: "\n", with: " ").prefix(
            maxCommentLength - commentPrefix.count - 1)
        return commentPrefix + oneLine + "\n" + Data(payload).base64EncodedString() + "\n"
    }

    /// Reads the comment and payload; `what` names the file kind for the message.
    static func decode(_ data: Data, length: Int, what: String) throws(PackError)
        -> (comment: String, payload: [UInt8])
    {
        let invalid = PackError(
            .invalidKey,
            "the \(what) is not in signify format; use a file written by Carryover or signify")
        guard data.count <= maxCommentLength + 2 * length + 8,
            let text = String(data: data, encoding: .utf8), text.hasPrefix(commentPrefix)
        else { throw invalid }
        let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard lines.count >= 2, lines.count == 2 || lines[2].isEmpty,
            let payload = Data(base64Encoded: String(lines[1])), payload.count == length
        else { throw invalid }
        return (String(lines[0].dropFirst(commentPrefix.count)), [UInt8](payload))
    }

    /// The algorithm tag every signify Ed25519 payload starts with.
    static let ed25519Tag: [UInt8] = Array("Ed".utf8)

    /// Splits a public key or signature payload (`Ed`, key number, bytes) into
    /// its key id and the bytes after it; nil when the tag is not `Ed`.
    static func keyed(_ payload: [UInt8]) -> (keyID: KeyID, rest: [UInt8])? {
        guard payload.count > 10, Array(payload[0..<2]) == ed25519Tag else { return nil }
        return (KeyID(bytes: payload[2..<10]), Array(payload[10...]))
    }

    /// The payload of a public key or signature: `Ed`, key number, bytes.
    static func keyedPayload(_ keyID: KeyID, _ rest: [UInt8]) -> [UInt8] {
        ed25519Tag + keyID.bytes + rest
    }
}
