import HTTPTypes

/// The one error type of the portal: a stable code, its HTTP status, and a
/// message for the client that says what to do.
///
/// Messages never name a client or quote what was typed: they are shown to
/// whoever holds the browser.
public struct PortalError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case badRequest = "bad-request"
        case signedOut = "signed-out"
        case forbidden = "forbidden"
        case notFound = "not-found"
        case gone = "gone"
        case conflict = "conflict"
        case tooLarge = "too-large"
        case rateLimited = "rate-limited"
        case unavailable = "unavailable"
        case configuration = "configuration"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    /// The HTTP status the code answers with.
    var status: HTTPResponse.Status {
        switch code {
        case .badRequest: .badRequest
        case .signedOut: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .gone: .gone
        case .conflict: .conflict
        case .tooLarge: .contentTooLarge
        case .rateLimited: .tooManyRequests
        case .unavailable, .configuration: .internalServerError
        }
    }

    static let signedOut = PortalError(
        .signedOut,
        "You are not signed in on this device. Open the link your therapist sent you; "
            + "if it was used already, ask your therapist for a new one.")

    /// A supporter's session asked for a client's page: it does not exist for them.
    static let notForSupporters = PortalError(.notFound, "There is no such page here.")

    static let staleForm = PortalError(
        .forbidden,
        "This page was open too long or came from somewhere else, so it was not sent. "
            + "Go back, reload the page and send it again.")
}
