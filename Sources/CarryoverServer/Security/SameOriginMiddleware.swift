import HTTPTypes
import Hummingbird

/// Refuses a state-changing request another site started: browsers say so
/// in `Sec-Fetch-Site`. Requests without the header (older browsers,
/// scripts) still need the form's CSRF token, checked by ``FormBody``.
struct SameOriginMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let safe: Set<HTTPRequest.Method> = [.get, .head, .options]
        if !safe.contains(request.method),
            let site = request.headers[.secFetchSite],
            site != "same-origin"
        {
            throw PortalError.staleForm
        }
        return try await next(request, context)
    }
}
