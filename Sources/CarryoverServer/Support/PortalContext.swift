import Hummingbird
import HummingbirdAuth
import NIOCore

/// Who the session belongs to: the client, or (with `supporterID`) one of
/// the client's supporters, who reaches the supporter's pages only.
struct PortalClient: Sendable {
    let id: String
    let timeZone: String
    var supporterID: String? = nil
}

/// What a session keeps: the client (and the supporter, for a supporter's
/// device), the CSRF secret of its forms, and whether the device is kept signed in.
struct PortalSessionData: Codable, Sendable {
    var clientID: String
    var csrf: String
    var kept: Bool
    var supporterID: String? = nil
}

/// The request context of the portal: a session, the client it signs in,
/// and the peer's address for rate limiting.
struct PortalContext: AuthRequestContext, SessionRequestContext, RequestContext {
    var coreContext: CoreRequestContextStorage
    var identity: PortalClient?
    let sessions: SessionContext<PortalSessionData>
    /// The TCP peer's address (the proxy's, behind one), if known.
    let peer: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        sessions = .init()
        peer = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies are read by ``FormBody`` with the configured limit; this caps the rest.
    var maxUploadSize: Int { 64 * 1024 }
}
