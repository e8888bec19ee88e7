import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One simulated client of the portal: its session cookie and the forms it
/// fetched (each with its own idempotency key).
struct SimulatedClient: FormCount {
    let cookie: String
    let csrf: String
    let ref: String
    let keys: [String]

    var formCount: Int { keys.count }

    /// Opens the invite link, signs in, and opens the mood log `forms` times.
    static func signIn(_ http: HTTPClient, base: String, token: String, forms: Int) async throws
        -> SimulatedClient
    {
        let welcome = try await send(http, "\(base)/invite/\(token)")
        let inviteCookie = try cookie(welcome.headers, "carryover_invite")
        let signedIn = try await send(
            http, "\(base)/invite", cookie: inviteCookie,
            form: "_csrf=\(try field("_csrf", welcome.body))&token=\(token)")
        let session = try cookie(signedIn.headers, "carryover")
        let today = try await send(http, "\(base)/", cookie: session)
        guard let ref = match(#"href="/homework/([0-9a-f]+)""#, today.body) else {
            throw BenchError("no homework link on the portal's start page")
        }
        var keys: [String] = []
        var csrf = ""
        for _ in 0..<forms {
            let form = try await send(http, "\(base)/homework/\(ref)", cookie: session)
            csrf = try field("_csrf", form.body)
            keys.append(try field("_key", form.body))
        }
        return SimulatedClient(cookie: session, csrf: csrf, ref: ref, keys: keys)
    }

    /// Sends form `index` (a mood of 0-10); fails unless the portal saved it.
    func submit(_ http: HTTPClient, base: String, form index: Int) async throws {
        let answer = try await Self.send(
            http, "\(base)/homework/\(ref)", cookie: cookie,
            form: "_csrf=\(csrf)&_key=\(keys[index])&mood=\(index % 11)&_send=yes")
        guard answer.status == .ok, answer.body.contains("saved") || answer.body.contains("Saved")
        else { throw BenchError("a portal form was not saved (HTTP \(answer.status.code))") }
    }

    struct Answer {
        let status: HTTPResponseStatus
        let headers: HTTPHeaders
        let body: String
    }

    static func send(_ http: HTTPClient, _ url: String, cookie: String? = nil, form: String? = nil)
        async throws -> Answer
    {
        var request = HTTPClientRequest(url: url)
        if let cookie { request.headers.add(name: "Cookie", value: cookie) }
        if let form {
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.headers.add(name: "Sec-Fetch-Site", value: "same-origin")
            request.body = .bytes(ByteBuffer(string: form))
        }
        let response = try await http.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 1 << 20)
        return Answer(
            status: response.status, headers: response.headers, body: String(buffer: body))
    }

    static func cookie(_ headers: HTTPHeaders, _ name: String) throws -> String {
        for line in headers["Set-Cookie"] where line.hasPrefix(name + "=") {
            return String(line.split(separator: ";")[0])
        }
        throw BenchError("the portal set no \(name) cookie")
    }

    static func field(_ name: String, _ html: String) throws -> String {
        guard let value = match(#"name="\#(name)" value="([^"]*)""#, html) else {
            throw BenchError("no \(name) field in the portal's page")
        }
        return value
    }

    static func match(_ pattern: String, _ text: String) -> String? {
        let regex = try! NSRegularExpression(pattern: pattern)
        guard let found = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(found.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }
}
