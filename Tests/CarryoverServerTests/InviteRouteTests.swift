import CarryoverCore
import CarryoverStore
import Foundation
import HTTPTypes
import Testing

@testable import CarryoverPractice
@testable import CarryoverServer

/// Enrolment: invite links, sessions, lockouts and signing out.
@Suite struct InviteRouteTests {
    /// Opens the link, ticks "keep me signed in" if asked, and continues.
    static func signIn(_ browser: Browser, token: String, keep: Bool = false) async throws
        -> Browser.Page
    {
        let invite = try await browser.get("/invite/\(token)")
        #expect(invite.status == .ok, "\(invite.html)")
        var fields = [("_csrf", invite.input("_csrf") ?? ""), ("token", token)]
        if keep { fields.append(("keep", "yes")) }
        return try await browser.post("/invite", fields)
    }

    @Test func anInviteLinkSignsTheClientInOnce() async throws {
        let harness = try await PortalHarness()
        let token = try await harness.inviteToken()
        #expect(token.count == 43)  // 256 bits, base64url
        try await harness.test { browser in
            let welcome = try await browser.get("/invite/\(token)")
            #expect(welcome.status == .ok)
            let preCookie = try #require(
                welcome.setCookies.first { $0.hasPrefix("carryover_invite=") })
            #expect(preCookie.contains("HttpOnly") && preCookie.contains("SameSite=Strict"))
            // Opening the link alone uses nothing: a link preview cannot spend it.
            #expect(try await harness.practice.invites(clientID: "c-1").first?.usedAt == nil)
            let signedIn = try await browser.post(
                "/invite", [("_csrf", welcome.input("_csrf") ?? ""), ("token", token)])
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == "/")
            let session = try #require(signedIn.setCookies.first { $0.hasPrefix("carryover=") })
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Strict"))
            #expect(!session.contains("Secure"))  // plain HTTP on 127.0.0.1
            let today = try await browser.get("/")
            #expect(today.status == .ok)
            #expect(today.html.contains("Thought record") && today.html.contains("PHQ-9"))
            #expect(today.homeworkRefs.count == 2)
            // Neither the client's id nor the display name is on the page or in a URL.
            #expect(!today.html.contains("c-1") && !today.html.contains("Secret Name"))
        }
        let audit = try await harness.practice.store.auditJournal(.init(clientID: "c-1"))
        #expect(
            audit.contains { $0.action == "invite.redeem" && $0.principal == Entry.portalRecorder })
        // Only the hash is stored.
        #expect(try await harness.practice.invites(clientID: "c-1").first?.tokenHash != token)
        #expect(try await harness.practice.portalLastOpened(clientID: "c-1") == PortalHarness.start)
    }

    @Test func aSecondUseIsGoneWithWhatToDo() async throws {
        let harness = try await PortalHarness()
        let token = try await harness.inviteToken()
        try await harness.test { browser in
            // Two tabs opened the link before either continued.
            let otherTab = Browser(client: browser.client)
            let other = try await otherTab.get("/invite/\(token)")
            _ = try await Self.signIn(browser, token: token)
            let again = try await Browser(client: browser.client).get("/invite/\(token)")
            #expect(again.status == .gone)
            #expect(again.html.contains("used already") && again.html.contains("new link"))
            let reuse = try await otherTab.post(
                "/invite", [("_csrf", other.input("_csrf") ?? ""), ("token", token)])
            #expect(reuse.status == .gone)
            #expect(otherTab.cookies["carryover"] == nil)
        }
    }

    @Test func expiredAndRevokedLinksAreGone() async throws {
        let harness = try await PortalHarness()
        let old = try await harness.inviteToken()
        let withdrawn = try await harness.inviteToken()
        harness.clock.advance(7 * 86_400 - 60)
        #expect(try await harness.practice.revokeInvites(clientID: "c-1") == 2)
        let fresh = try await harness.inviteToken()
        harness.clock.advance(120)  // `old` is now past its 7 days
        try await harness.test { browser in
            let expired = try await browser.get("/invite/\(old)")
            #expect(expired.status == .gone)
            #expect(expired.html.contains("withdrawn"))  // revoked before it expired
            #expect(try await browser.get("/invite/\(withdrawn)").status == .gone)
            #expect(try await Self.signIn(browser, token: fresh).status == .seeOther)
        }
        let late = try await harness.practice.invite(clientID: "c-2", validFor: 600)
        harness.clock.advance(601)
        try await harness.test { browser in
            let page = try await browser.get("/invite/\(late.token)")
            #expect(page.status == .gone && page.html.contains("expired"))
        }
    }

    @Test func forgedTokensAreRateLimitedPerAddressWithALockout() async throws {
        let harness = try await PortalHarness()
        let real = try await harness.inviteToken()
        try await harness.test { browser in
            for attempt in 1...4 {
                let page = try await browser.get("/invite/\(PortalSecret.make())")
                #expect(page.status == .notFound, "attempt \(attempt)")
            }
            let fifth = try await browser.get("/invite/not-even-a-token")
            #expect(fifth.status == .tooManyRequests)
            // While locked out, even a real link waits: guessing gains nothing.
            #expect(try await browser.get("/invite/\(real)").status == .tooManyRequests)
            harness.clock.advance(15 * 60)
            #expect(try await Self.signIn(browser, token: real).status == .seeOther)
        }
    }

    @Test func keepingTheDeviceSignedInLasts30DaysOtherwise12Hours() async throws {
        let harness = try await PortalHarness()
        for (keep, lifetime) in [
            (true, Practice.keptSessionLifetime), (false, Practice.sessionLifetime),
        ] {
            let token = try await harness.inviteToken()
            try await harness.test { browser in
                _ = try await Self.signIn(browser, token: token, keep: keep)
                let id = try #require(browser.cookies["carryover"])
                let stored = try #require(try await harness.practice.portalSession(id: "hbs." + id))
                #expect(stored.expiresAt == PortalHarness.start.addingTimeInterval(lifetime))
                #expect(stored.keyHash != id && !stored.data.contains(id))
            }
        }
        #expect(Practice.keptSessionLifetime == 30 * 86_400 && Practice.sessionLifetime == 43_200)
    }

    @Test func behindATLSProxyCookiesAreSecureAndHostOnly() async throws {
        let harness = try await PortalHarness(
            configuration: PortalConfiguration(behindTLSProxy: true))
        let token = try await harness.inviteToken()
        try await harness.test { browser in
            let signedIn = try await Self.signIn(browser, token: token)
            let session = try #require(
                signedIn.setCookies.first { $0.hasPrefix("__Host-carryover=") })
            #expect(session.contains("Secure") && session.contains("HttpOnly"))
            #expect(session.contains("SameSite=Strict") && session.contains("Path=/"))
            #expect(signedIn.headers[.strictTransportSecurity] == "max-age=31536000")
        }
    }

    @Test func theTherapistEndsEveryDeviceSession() async throws {
        let harness = try await PortalHarness()
        let first = try await harness.inviteToken()
        let second = try await harness.inviteToken()
        try await harness.test { browser in
            let phone = Browser(client: browser.client)
            _ = try await Self.signIn(browser, token: first)
            _ = try await Self.signIn(phone, token: second)
            let ref = try #require(try await phone.get("/").homeworkRefs.first)
            #expect(try await harness.practice.endPortalSessions(clientID: "c-1") == 2)
            #expect(try await browser.get("/").html.contains("not signed in"))
            #expect(try await phone.get("/homework/\(ref)").status == .unauthorized)
        }
        let audit = try await harness.practice.store.auditJournal(.init(clientID: "c-1"))
        #expect(audit.contains { $0.action == "session.end" })
    }

    @Test func signingOutEndsThisSessionOnly() async throws {
        let harness = try await PortalHarness()
        let token = try await harness.inviteToken()
        try await harness.test { browser in
            _ = try await Self.signIn(browser, token: token)
            let id = try #require(browser.cookies["carryover"])
            let today = try await browser.get("/")
            #expect(try await browser.post("/sign-out", [("_csrf", "wrong")]).status == .forbidden)
            let out = try await browser.post("/sign-out", [("_csrf", today.input("_csrf") ?? "")])
            #expect(out.status == .seeOther)
            #expect(try await harness.practice.portalSession(id: "hbs." + id) == nil)
            #expect(try await browser.get("/").html.contains("not signed in"))
        }
    }

    @Test func theInviteFormNeedsTheCookieOfThePageThatShowedIt() async throws {
        let harness = try await PortalHarness()
        let token = try await harness.inviteToken()
        try await harness.test { browser in
            let page = try await browser.get("/invite/\(token)")
            browser.forgetCookies()  // e.g. a form posted from another site: no SameSite cookie
            let refused = try await browser.post(
                "/invite", [("_csrf", page.input("_csrf") ?? ""), ("token", token)])
            #expect(refused.status == .forbidden)
            #expect(try await harness.practice.invites(clientID: "c-1").first?.usedAt == nil)
        }
    }
}
