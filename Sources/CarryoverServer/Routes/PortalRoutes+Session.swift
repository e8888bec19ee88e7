import CarryoverPractice
import Foundation
import Hummingbird
import HummingbirdAuth

extension PortalRoutes {
    /// The cookie that ties the invite page's form to the browser that opened it.
    static let inviteCookie = "carryover_invite"

    /// The page behind an invite link: it checks the link without using it
    /// and asks the client to continue, so a link preview cannot use it up.
    func invite(_ request: Request, _ context: PortalContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let signIn = try await practice.checkInvite(
            token: token, address: address(request, context))
        let secret = PortalSecret.make()
        let cookie = Cookie(
            name: Self.inviteCookie, value: secret, maxAge: 1800, path: "/invite",
            secure: configuration.servedOverTLS, httpOnly: true, sameSite: .strict)
        return pages.page(
            "invite", title: "Welcome",
            view: InviteView(csrf: secret, token: token, supporter: signIn.supporterID != nil),
            chrome: .visitor, headers: [.setCookie: cookie.description])
    }

    /// Uses the invite once and starts a session on this device.
    func redeem(_ request: Request, _ context: PortalContext) async throws -> Response {
        let form = try await FormBody.read(
            request, limit: configuration.maxBodyBytes,
            csrf: request.cookies[Self.inviteCookie]?.value)
        let signIn = try await practice.redeemInvite(
            token: form.first("token") ?? "", address: address(request, context))
        let kept = form.first("keep") == "yes"
        let lifetime = kept ? Practice.keptSessionLifetime : Practice.sessionLifetime
        // A new session id every time: a session never outlives the link that made it.
        context.sessions.createSession(
            PortalSessionData(
                clientID: signIn.clientID, csrf: PortalSecret.make(), kept: kept,
                supporterID: signIn.supporterID),
            expiresIn: .seconds(Int64(lifetime)))
        let spent = Cookie(
            name: Self.inviteCookie, value: "", maxAge: 0, path: "/invite",
            secure: configuration.servedOverTLS, httpOnly: true, sameSite: .strict)
        return Self.redirect(to: "/", headers: [.setCookie: spent.description])
    }

    /// Signs this device out.
    func signOut(_ request: Request, _ context: PortalContext) async throws -> Response {
        guard let session = context.sessions.session else { return Self.redirect(to: "/") }
        _ = try await FormBody.read(
            request, limit: configuration.maxBodyBytes, csrf: session.csrf)
        context.sessions.clearSession()
        return Self.redirect(to: "/")
    }

    /// The crisis message, for anyone, signed in or not.
    func help(_ request: Request, _ context: PortalContext) async throws -> Response {
        var chrome = PageRenderer.Chrome.visitor
        if let (client, session) = try? anyoneSignedIn(context) {
            chrome = try await self.chrome(client, session)
        }
        return pages.page(
            "help", title: "Need help now?",
            view: HelpView(
                crisisMessage: configuration.crisisMessage, hasSafetyPlan: chrome.hasSafetyPlan),
            chrome: chrome)
    }

    /// The client's calendar feed: the same iCalendar as `export ics`.
    func calendar(_ request: Request, _ context: PortalContext) async throws -> Response {
        var token = context.parameters.get("token") ?? ""
        if token.hasSuffix(".ics") { token.removeLast(4) }
        guard let text = try await practice.calendarFeed(token: token) else {
            throw PortalError(
                .notFound,
                "This calendar link does not work (any more). Ask your therapist for a new one.")
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/calendar; charset=utf-8", .cacheControl: "private, max-age=900",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

struct InviteView {
    let csrf: String
    let token: String
    /// A supporter's link: the page says what a supporter does here.
    let supporter: Bool
}

struct HelpView {
    let crisisMessage: String
    let hasSafetyPlan: Bool
}
