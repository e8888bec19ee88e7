import CarryoverPractice
import Hummingbird

/// Turns every error into a page that says what to do, with the right
/// status. Errors the portal did not foresee are logged by type only (their
/// messages may name a client) and shown as a generic failure.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let pages: PageRenderer

    func handle(
        _ request: Request, context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as PortalError {
            return page(for: error)
        } catch let error as PracticeError {
            return page(for: Self.portalError(error))
        } catch let error as HTTPError {
            switch error.status {
            case .notFound:
                return page(for: PortalError(.notFound, "There is no such page here."))
            case .contentTooLarge:
                return page(for: PortalError(.tooLarge, "What you sent is too large."))
            default:
                return pages.message(
                    heading: "Something went wrong", "This request could not be handled.",
                    status: error.status, chrome: .visitor, showHome: true)
            }
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(type(of: error))"])
            return pages.message(
                heading: "Something went wrong",
                "Your answers were not saved because of a problem on our side. Please try again "
                    + "in a few minutes; if it keeps happening, tell your therapist.",
                status: .internalServerError, chrome: .visitor, showHome: true)
        }
    }

    private func page(for error: PortalError) -> Response {
        let heading: String =
            switch error.code {
            case .signedOut: "Please sign in with your link"
            case .gone: "This link cannot be used again"
            case .rateLimited: "Please wait a little"
            case .notFound: "Not found"
            case .forbidden: "Not sent"
            case .tooLarge: "Too much to send at once"
            case .conflict: "Not available"
            default: "Something went wrong"
            }
        // A used link's page links the start page: a client signed in on this
        // device who taps the old link again is one tap from their homework.
        let home = error.code != .signedOut && error.code != .rateLimited
        return pages.message(
            heading: heading, error.message, status: error.status, chrome: .visitor,
            showHome: home)
    }

    /// The portal's view of a practice error; its message was written for the client.
    static func portalError(_ error: PracticeError) -> PortalError {
        switch error.code {
        case .gone: PortalError(.gone, error.message)
        case .rateLimited: PortalError(.rateLimited, error.message)
        case .notFound: PortalError(.notFound, error.message)
        case .notActive: PortalError(.conflict, error.message)
        case .invalidInput, .entryRejected: PortalError(.badRequest, error.message)
        case .practiceMissing, .practiceExists:
            PortalError(.unavailable, "The portal is not set up correctly; tell your therapist.")
        case .pluginFailed, .revoked:
            // The therapist's message names the plugin and its pack: not for the client.
            PortalError(
                .unavailable,
                "This homework cannot be saved right now; nothing was saved. Tell your therapist.")
        case .refused:
            PortalError(.conflict, "This homework is closed; tell your therapist.")
        }
    }
}
