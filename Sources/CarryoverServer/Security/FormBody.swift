import CarryoverPractice
import Crypto
import Foundation
import Hummingbird

/// Reads a form's body within the size limit and checks its CSRF token.
enum FormBody {
    /// The form, after its body fits `limit` bytes and its `_csrf` field
    /// equals `expected`.
    ///
    /// - Throws: ``PortalError`` `.tooLarge`, `.badRequest`, or `.forbidden`
    ///   for a missing or wrong token.
    static func read(_ request: Request, limit: Int, csrf expected: String?) async throws
        -> FormInput
    {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw PortalError(
                .tooLarge,
                "What you sent is larger than this form takes. Shorten the longest answers "
                    + "and send it again.")
        }
        let form = try FormInput(urlEncoded: String(buffer: buffer))
        guard let expected, let sent = form.first("_csrf"), same(sent, expected) else {
            throw PortalError.staleForm
        }
        return form
    }

    /// Compares two secrets in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(left, right) { difference |= x ^ y }
        return difference == 0
    }
}
