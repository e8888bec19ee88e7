import CarryoverErrors
import HTTPTypes
import Testing

@testable import CarryoverServer

/// The portal's statuses come from the error categories' one table; each
/// code answers with the status it had when the portal listed them by code.
@Suite struct PortalErrorStatusTests {
    static let statuses: [PortalError.Code: HTTPResponse.Status] = [
        .badRequest: .badRequest, .signedOut: .unauthorized, .forbidden: .forbidden,
        .notFound: .notFound, .gone: .gone, .conflict: .conflict, .tooLarge: .contentTooLarge,
        .rateLimited: .tooManyRequests, .unavailable: .internalServerError,
        .configuration: .internalServerError,
    ]

    @Test(arguments: PortalError.Code.allCases)
    func everyCodeAnswersWithItsStatus(_ code: PortalError.Code) {
        #expect(PortalError(code, "").status == Self.statuses[code])
    }

    /// What ErrorCategory's documentation promises for each category over HTTP.
    @Test func theCategoriesMapAsDocumented() {
        let documented: [ErrorCategory: Int] = [
            .usage: 400, .invalidInput: 422, .notFound: 404, .refused: 409, .gone: 410,
            .unauthenticated: 401, .rateLimited: 429, .cannotCreate: 409, .pluginFailed: 500,
            .notPermitted: 403, .busy: 503, .storage: 500, .internal: 500,
        ]
        for category in ErrorCategory.allCases {
            #expect(HTTPResponse.Status(category).code == documented[category], "\(category)")
        }
    }
}
