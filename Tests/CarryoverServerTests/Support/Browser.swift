import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Synchronization

/// A test client that behaves like a browser on the portal: it keeps cookies
/// and sends forms from the same origin.
final class Browser: Sendable {
    let client: any TestClientProtocol
    private let jar = Mutex<[String: String]>([:])

    init(client: any TestClientProtocol) { self.client = client }

    /// A page's answer: status, headers and body text.
    struct Page: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let html: String

        /// The value of the hidden or visible input `name`.
        func input(_ name: String) -> String? {
            let pattern =
                #"name="\#(NSRegularExpression.escapedPattern(for: name))" value="([^"]*)""#
            return firstMatch(pattern)
        }

        /// The first `/homework/REF` link's ref.
        var homeworkRefs: [String] {
            matches(#"href="/homework/([0-9a-f]+)""#)
        }

        var setCookies: [String] { headers[values: .setCookie] }

        func firstMatch(_ pattern: String) -> String? { matches(pattern).first }

        func matches(_ pattern: String) -> [String] {
            let regex = try! NSRegularExpression(pattern: pattern)
            let range = NSRange(html.startIndex..., in: html)
            return regex.matches(in: html, range: range).compactMap {
                Range($0.range(at: 1), in: html).map { String(html[$0]) }
            }
        }
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> Page {
        try await send(uri, method: .get, headers: headers, body: nil)
    }

    /// POSTs `fields` URL-encoded, as a same-origin form (Sec-Fetch-Site: same-origin).
    func post(
        _ uri: String, _ fields: [(String, String)], headers: HTTPFields = [:]
    ) async throws -> Page {
        var all = headers
        all[.contentType] = "application/x-www-form-urlencoded"
        if all[HTTPField.Name("Sec-Fetch-Site")!] == nil {
            all[HTTPField.Name("Sec-Fetch-Site")!] = "same-origin"
        }
        return try await send(uri, method: .post, headers: all, body: Self.encode(fields))
    }

    func postRaw(_ uri: String, body: String, headers: HTTPFields) async throws -> Page {
        try await send(uri, method: .post, headers: headers, body: body)
    }

    static func encode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map {
            "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)="
                + $0.1.addingPercentEncoding(withAllowedCharacters: allowed)!
        }.joined(separator: "&")
    }

    var cookies: [String: String] { jar.withLock { $0 } }

    /// The Expires attribute of a Set-Cookie line.
    static func expires(_ line: String) -> Date? {
        guard let range = line.range(of: "Expires=") else { return nil }
        let text = line[range.upperBound...].prefix { $0 != ";" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: String(text))
    }

    func forgetCookies() { jar.withLock { $0 = [:] } }

    private func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: String?)
        async throws -> Page
    {
        var all = headers
        let cookie = jar.withLock { $0.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if !cookie.isEmpty { all[.cookie] = cookie }
        let response = try await client.executeRequest(
            uri: uri, method: method, headers: all, body: body.map { ByteBuffer(string: $0) })
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            let expired =
                line.contains("Max-Age=0") || value.isEmpty
                || (Self.expires(line).map { $0 <= Date().addingTimeInterval(1) } ?? false)
            jar.withLock { $0[name] = expired ? nil : value }
        }
        return Page(
            status: response.status, headers: response.headers,
            html: String(buffer: response.body))
    }
}
