import Hummingbird
import Logging

/// One log line per request with the route's pattern (`/invite/{token}`),
/// never the path itself: paths carry invite and calendar tokens, and no
/// client data may reach a log.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds =
            Double(elapsed.components.attoseconds) / 1e15
            + Double(elapsed.components.seconds) * 1000
        context.logger.info(
            "\(request.method) \(context.endpointPath ?? "(no route)") \(response.status.code)",
            metadata: ["ms": "\(Int(milliseconds.rounded()))"])
        return response
    }
}
