import CarryoverErrors
import HTTPTypes

/// The one error type of the portal: a stable code, a message for the client
/// that says what to do, and the error it was made from, if any.
///
/// Its HTTP status comes from its code's category (`ErrorCategory` of CarryoverErrors,
/// one table in `HTTPResponse.Status(_:)`). Messages never name a client or
/// quote what was typed: they are shown to whoever holds the browser.
public typealias PortalError = ModuleError<PortalErrorCode>

/// What went wrong on the portal; stable strings.
public enum PortalErrorCode: String, Sendable, CaseIterable, CarryoverErrorCode {
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

    public var category: ErrorCategory {
        switch self {
        case .badRequest: .usage
        case .signedOut: .unauthenticated
        case .forbidden: .notPermitted
        case .notFound: .notFound
        case .gone: .gone
        case .conflict: .refused
        case .tooLarge: .invalidInput
        case .rateLimited: .rateLimited
        case .unavailable: .internal
        // `carryover serve` started with files it cannot read (CLI exit 65).
        case .configuration: .invalidInput
        }
    }
}

extension ModuleError where Code == PortalErrorCode {
    /// The HTTP status the error answers with: its category's, except where
    /// HTTP says more than a category (413), or a portal set up wrong is the
    /// server's own failure.
    var status: HTTPResponse.Status {
        switch code {
        case .tooLarge: .contentTooLarge
        case .configuration: .internalServerError
        default: HTTPResponse.Status(code.category)
        }
    }

    static var signedOut: PortalError {
        PortalError(
            .signedOut,
            "You are not signed in on this device. Open the link your therapist sent you; "
                + "if it was used already, ask your therapist for a new one.")
    }

    /// A supporter's session asked for a client's page: it does not exist for them.
    static var notForSupporters: PortalError {
        PortalError(.notFound, "There is no such page here.")
    }

    static var staleForm: PortalError {
        PortalError(
            .forbidden,
            "This page was open too long or came from somewhere else, so it was not sent. "
                + "Go back, reload the page and send it again.")
    }
}
