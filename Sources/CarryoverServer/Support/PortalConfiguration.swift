import Foundation

/// How `carryover serve` runs: where it listens, how it knows it is behind
/// TLS, and what the clinic tells a client in a crisis.
public struct PortalConfiguration: Sendable {
    /// The address to listen on; 127.0.0.1 unless a proxy on another host needs more.
    public var host: String
    public var port: Int
    /// PEM files for HTTPS served by carryover itself; nil for plain HTTP.
    public var tls: TLSFiles?
    /// Set when a reverse proxy terminates TLS in front of this server: then
    /// cookies are Secure and the client's address is the last hop of
    /// X-Forwarded-For (trusted only with this set).
    public var behindTLSProxy: Bool
    /// Shown at once when an answer signals risk, and on the help and safety-plan pages.
    public var crisisMessage: String
    /// The name at the top of every page.
    public var clinicName: String
    /// Largest request body accepted, in bytes.
    public var maxBodyBytes: Int

    /// The crisis message used until the clinic configures its own.
    public static let defaultCrisisMessage =
        "If you are in danger or thinking about hurting yourself, call your local emergency "
        + "number now (112 in the EU, 999 in the UK, 911 in the US and Canada), go to the "
        + "nearest emergency department, or call someone on your safety plan."

    public init(
        host: String = "127.0.0.1", port: Int = 8080, tls: TLSFiles? = nil,
        behindTLSProxy: Bool = false, crisisMessage: String = defaultCrisisMessage,
        clinicName: String = "Your homework", maxBodyBytes: Int = 64 * 1024
    ) {
        self.host = host
        self.port = port
        self.tls = tls
        self.behindTLSProxy = behindTLSProxy
        self.crisisMessage = crisisMessage
        self.clinicName = clinicName
        self.maxBodyBytes = maxBodyBytes
    }

    /// Whether browsers reach this server over HTTPS (so cookies are Secure).
    public var servedOverTLS: Bool { tls != nil || behindTLSProxy }
}

/// A certificate chain and its private key, both PEM files.
public struct TLSFiles: Sendable {
    public var certificate: String
    public var key: String

    public init(certificate: String, key: String) {
        self.certificate = certificate
        self.key = key
    }
}
