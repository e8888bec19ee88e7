import CarryoverPractice
import Hummingbird
import HummingbirdAuth
import HummingbirdCore
import HummingbirdTLS
import Logging

/// The client portal (`carryover serve`): server-rendered pages where a
/// client signs in with an invite link and does their homework, on the
/// practice's own workflow (`Practice`).
///
/// This target holds HTTP, templates and security only; every read and
/// write goes through the practice.
public struct PortalServer: Sendable {
    /// The practice every page reads from and every form writes to.
    public let practice: Practice
    /// Where it listens and what it shows (``PortalConfiguration``).
    public let configuration: PortalConfiguration

    /// A portal over `practice`; nothing listens until ``run(onRunning:)``.
    public init(practice: Practice, configuration: PortalConfiguration = PortalConfiguration()) {
        self.practice = practice
        self.configuration = configuration
    }

    /// The router with every route and middleware, outermost first.
    func router() throws -> Router<PortalContext> {
        let pages = try PageRenderer(clinic: configuration.clinicName)
        let router = Router(context: PortalContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware(overTLS: configuration.servedOverTLS))
        router.add(middleware: ErrorPageMiddleware(pages: pages))
        router.add(middleware: SameOriginMiddleware())
        router.add(
            middleware: SessionMiddleware(
                storage: PracticeSessionDriver(practice: practice),
                configuration: SessionMiddlewareConfiguration(
                    sessionCookieParameters: SessionCookieParameters(
                        // __Host-: the browser refuses it unless Secure, host-only, path /.
                        name: configuration.servedOverTLS ? "__Host-carryover" : "carryover",
                        secure: configuration.servedOverTLS, sameSite: .strict),
                    defaultSessionExpiration: .seconds(Int64(Practice.sessionLifetime)))))
        let practice = self.practice
        router.add(
            middleware: SessionAuthenticator(context: PortalContext.self) {
                (session: PortalSessionData, _) -> PortalClient? in
                guard let client = try await practice.portalClient(id: session.clientID) else {
                    return nil
                }
                return PortalClient(
                    id: client.id, timeZone: client.timeZone, supporterID: session.supporterID)
            })
        PortalRoutes(practice: practice, configuration: configuration, pages: pages)
            .add(to: router)
        return router
    }

    /// The application: HTTP, or HTTPS with ``PortalConfiguration/tls``.
    ///
    /// - Parameters:
    ///   - logger: where the server logs (swift-log); nil for Hummingbird's default.
    ///   - onRunning: called with the port once the server listens
    ///     (useful with port 0, which picks a free one).
    public func application(
        logger: Logger? = nil, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let server: HTTPServerBuilder
        if let tls = configuration.tls {
            do {
                let chain = try NIOSSLCertificate.fromPEMFile(tls.certificate)
                let key = try NIOSSLPrivateKey(file: tls.key, format: .pem)
                server = try .tls(
                    .http1(),
                    tlsConfiguration: .makeServerConfiguration(
                        certificateChain: chain.map { .certificate($0) },
                        privateKey: .privateKey(key)))
            } catch {
                throw PortalError(
                    .configuration,
                    "the TLS certificate or key could not be read; check that --tls-cert and "
                        + "--tls-key name PEM files this user can read", cause: error)
            }
        } else {
            server = .http1()
        }
        return Application(
            router: try router(), server: server,
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: "carryover"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Runs the portal until SIGINT or SIGTERM, logging one line per request
    /// (method, route pattern, status, milliseconds) to standard error.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var logger = Logger(label: "carryover.portal")
        logger.logLevel = .info
        try await application(logger: logger, onRunning: onRunning).runService()
    }
}
