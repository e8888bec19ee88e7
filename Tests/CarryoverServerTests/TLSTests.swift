import CarryoverTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import CarryoverServer

/// `serve --tls-cert/--tls-key`: HTTPS served by carryover itself.
@Suite struct TLSTests {
    @Test func unreadableCertificateFilesSayWhatToCheck() async throws {
        let harness = try await PortalHarness(
            configuration: PortalConfiguration(
                tls: TLSFiles(certificate: "/nonexistent/cert.pem", key: "/nonexistent/key.pem")))
        let server = PortalServer(practice: harness.practice, configuration: harness.configuration)
        #expect(throws: PortalError.self) { _ = try server.application() }
    }

    /// A self-signed certificate made with openssl for 127.0.0.1.
    static func selfSigned(in folder: URL) throws -> TLSFiles {
        let cert = folder.appending(path: "cert.pem").path
        let key = folder.appending(path: "key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
            "/CN=127.0.0.1", "-keyout", key, "-out", cert,
        ]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        try #require(openssl.terminationStatus == 0)
        return TLSFiles(certificate: cert, key: key)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")))
    func overHTTPSCookiesAreSecureAndHSTSIsSent() async throws {
        let folder = try TemporaryFolder(prefix: "carryover-tls")
        let harness = try await PortalHarness(
            configuration: PortalConfiguration(port: 0, tls: try Self.selfSigned(in: folder.url)))
        let token = try await harness.inviteToken()
        let server = PortalServer(practice: harness.practice, configuration: harness.configuration)
        try await server.application().test(.ahc(.https)) { client in
            // (The client follows redirects and keeps no cookies: the invite page's
            // cookie shows the attributes; the session cookie's follow the same
            // switch, checked behind a proxy in InviteRouteTests.)
            let welcome = try await Browser(client: client).get("/invite/\(token)")
            #expect(welcome.status == .ok)
            let cookie = try #require(
                welcome.setCookies.first { $0.hasPrefix("carryover_invite=") })
            #expect(cookie.contains("Secure") && cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(welcome.headers[.strictTransportSecurity] == "max-age=31536000")
        }
    }
}
