import CarryoverCore
import CarryoverPractice
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth

/// What every route shares: the practice, the configuration and the pages,
/// plus the session rules (who is signed in, which address asks, how an
/// assignment is named in a URL without naming the client).
struct PortalRoutes: Sendable {
    let practice: Practice
    let configuration: PortalConfiguration
    let pages: PageRenderer

    /// Registers every route on `router`.
    func add(to router: Router<PortalContext>) {
        router.get("/") { request, context in try await today(request, context) }
        router.get("/invite/:token") { request, context in try await invite(request, context) }
        router.post("/invite") { request, context in try await redeem(request, context) }
        router.get("/homework/:ref") { request, context in try await form(request, context) }
        router.post("/homework/:ref") { request, context in try await submit(request, context) }
        router.get("/safety-plan") { request, context in try await safetyPlan(request, context) }
        router.get("/help") { request, context in try await help(request, context) }
        router.post("/sign-out") { request, context in try await signOut(request, context) }
        router.get("/calendar/:token") { request, context in try await calendar(request, context) }
        router.get("/portal.css") { _, _ in Self.stylesheet }
        addSupporterRoutes(to: router)
    }

    /// The signed-in client and their session, or the signed-out error. A
    /// supporter's session never reaches the client's pages.
    func signedIn(_ context: PortalContext) throws -> (PortalClient, PortalSessionData) {
        let (client, session) = try anyoneSignedIn(context)
        guard client.supporterID == nil else { throw PortalError.notForSupporters }
        return (client, session)
    }

    /// Whoever is signed in on this device: the client or a supporter.
    func anyoneSignedIn(_ context: PortalContext) throws -> (PortalClient, PortalSessionData) {
        guard let client = context.identity, let session = context.sessions.session,
            session.clientID == client.id, session.supporterID == client.supporterID
        else { throw PortalError.signedOut }
        return (client, session)
    }

    /// The frame of a signed-in page; a supporter's has no safety plan link
    /// (the plan is the client's).
    /// `assignments`, when this request read them already, answer for the
    /// safety plan without another store read.
    func chrome(
        _ client: PortalClient, _ session: PortalSessionData,
        assignments: PortalAssignments? = nil
    ) async throws -> PageRenderer.Chrome {
        var hasSafetyPlan = false
        if client.supporterID == nil, let assignments {
            hasSafetyPlan = assignments.hasSafetyPlan
        } else if client.supporterID == nil {
            hasSafetyPlan = try await practice.portalHasSafetyPlan(clientID: client.id)
        }
        return PageRenderer.Chrome(
            signedIn: true, hasSafetyPlan: hasSafetyPlan, csrf: session.csrf)
    }

    /// The address a request comes from: the proxy's last hop behind a
    /// trusted TLS proxy, else the TCP peer.
    func address(_ request: Request, _ context: PortalContext) -> String {
        if configuration.behindTLSProxy,
            let forwarded = request.headers[.xForwardedFor],
            let last = forwarded.split(separator: ",").last
        {
            return last.trimmingCharacters(in: .whitespaces)
        }
        return context.peer ?? "unknown"
    }

    /// How an assignment appears in URLs: a hash keyed by the session's
    /// secret, so a URL (or a log line) names neither client nor assignment.
    static func ref(_ assignmentID: String, _ session: PortalSessionData) -> String {
        String(PortalSecret.hash(session.csrf + "|" + assignmentID).prefix(20))
    }

    /// The assignment a URL's ref names, among the client's own active
    /// homework, with the client's assignments as read for this request
    /// (one store read serves the rest of the request).
    func assignment(_ context: PortalContext, _ client: PortalClient, _ session: PortalSessionData)
        async throws -> (Assignment, PortalAssignments)
    {
        let ref = context.parameters.get("ref") ?? ""
        let assignments = try await practice.portalAssignments(clientID: client.id)
        guard let found = assignments.homework.first(where: { Self.ref($0.id, session) == ref })
        else {
            throw PortalError(
                .notFound, "This homework is not on your list. Go back to today's homework.")
        }
        return (found, assignments)
    }

    static var stylesheet: Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600",
            ],
            body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
    }

    static func redirect(to location: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.location] = location
        return Response(status: .seeOther, headers: fields)
    }
}
