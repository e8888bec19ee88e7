import Foundation
import Testing

/// `client invite`, `client sign-out`, `client calendar` and `serve`'s checks.
@Suite struct ClientPortalCommandTests {
    @Test func anInviteIsOneLinkOnStandardOutput() throws {
        let fixture = try CLIFixture.withClient()
        let result = try fixture.ok(
            ["client", "invite", "c-017", "--base-url", "https://portal.example.org/"])
        let link = result.stdout.trimmingCharacters(in: .newlines)
        #expect(link.hasPrefix("https://portal.example.org/invite/"))
        #expect(link.count == "https://portal.example.org/invite/".count + 43)
        #expect(
            result.stderr.contains("Single-use link for c-017, valid until Mon 2026-12-07 09:00"))
        // The practice keeps only a hash: the token is nowhere in the database file.
        let database = try Data(contentsOf: fixture.practice.appending(path: "practice.sqlite"))
        let token = String(link.split(separator: "/").last!)
        #expect(database.range(of: Data(token.utf8)) == nil)
    }

    @Test func invitesAsJSONExpireWhenAskedAndCanBeWithdrawn() throws {
        let fixture = try CLIFixture.withClient()
        let invite = try fixture.ok(["client", "invite", "c-017", "--expires", "48h", "--json"])
            .object()
        #expect(invite["clientID"] as? String == "c-017")
        #expect(invite["expiresAt"] as? String == "2026-12-02T08:00:00Z")
        #expect((invite["url"] as? String)?.hasPrefix("http://127.0.0.1:8080/invite/") == true)
        #expect((invite["inviteID"] as? String)?.hasPrefix("inv-") == true)
        let revoked = try fixture.ok(["client", "invite", "c-017", "--revoke", "--json"]).object()
        #expect(revoked["revoked"] as? Int == 1)
        #expect(
            try fixture.ok(["client", "invite", "c-017", "--revoke"]).stdout.contains("Withdrew 0"))
    }

    @Test func badInviteRequestsAreOneLineAndWriteNothing() throws {
        let fixture = try CLIFixture.withClient()
        try fixture.fails(
            ["client", "invite", "c-017", "--expires", "soon"], status: Exit.invalidInput,
            saying: "'soon' is not a duration")
        try fixture.fails(
            ["client", "invite", "c-017", "--expires", "31d"], status: Exit.invalidInput,
            saying: "between 5 minutes and 30 days")
        try fixture.fails(
            ["client", "invite", "c-017", "--base-url", "ftp://x"], status: Exit.invalidInput,
            saying: "not a portal address")
        try fixture.fails(
            ["client", "invite", "c-099"], status: Exit.notFound, saying: "no client 'c-099'")
        #expect(
            try fixture.ok(["client", "invite", "c-017", "--revoke", "--json"]).object()["revoked"]
                as? Int == 0)
    }

    @Test func signOutAndCalendarLinks() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        #expect(
            try fixture.ok(["client", "sign-out", "c-017"]).stdout
                == "Signed c-017 out of the portal (0 session(s) ended).\n")
        let calendar = try fixture.ok(
            ["client", "calendar", "c-017", "--base-url", "https://portal.example.org", "--json"]
        ).object()
        let url = try #require(calendar["url"] as? String)
        #expect(url.hasPrefix("https://portal.example.org/calendar/") && url.hasSuffix(".ics"))
        #expect(calendar["webcal"] as? String == "webcal://" + url.dropFirst("https://".count))
        #expect(
            try fixture.ok(["client", "calendar", "c-017", "--revoke"]).stdout.contains("Removed"))
        #expect(
            try fixture.ok(["client", "calendar", "c-017", "--revoke"]).stdout
                == "c-017 had no calendar link.\n")
    }

    @Test func statusSaysWhetherTheClientOpenedThePortal() throws {
        let fixture = try CLIFixture.withThoughtRecord()
        #expect(try fixture.ok(["status", "c-017"]).stdout.contains("Portal: not opened yet"))
        let status = try fixture.ok(["status", "c-017", "--json"]).object()
        #expect(status["portalLastOpened"] == nil)
        let assignments = try #require(status["assignments"] as? [[String: Any]])
        #expect(assignments.first?["portalEntries"] as? Int == 0)
    }

    @Test func serveRefusesHalfATLSPair() throws {
        let fixture = try CLIFixture.withClient()
        let result = try fixture.run(["serve", "--tls-cert", "cert.pem"])
        #expect(result.status == Exit.usage)
        #expect(result.stderr.contains("--tls-cert and --tls-key together"))
    }
}
