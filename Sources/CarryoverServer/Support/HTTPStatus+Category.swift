import CarryoverErrors
import HTTPTypes

extension HTTPResponse.Status {
    /// The one table from an error's category to the portal's response
    /// status (the CLI's counterpart is its exit-status table).
    init(_ category: ErrorCategory) {
        self =
            switch category {
            case .usage: .badRequest
            case .invalidInput: .unprocessableContent
            case .notFound: .notFound
            case .refused, .cannotCreate: .conflict
            case .gone: .gone
            case .unauthenticated: .unauthorized
            case .rateLimited: .tooManyRequests
            case .notPermitted: .forbidden
            case .busy: .serviceUnavailable
            case .pluginFailed, .storage, .internal: .internalServerError
            }
    }
}
