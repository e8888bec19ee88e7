import CarryoverCore
import CarryoverStore
import Foundation

extension Practice {
    /// Risk flags raised on entries, oldest entry first: open ones only,
    /// or with `includeAcknowledged` every one; of one client or all.
    ///
    /// - Throws: ``PracticeError`` `.notFound` for an unknown client.
    public func flags(clientID: String? = nil, includeAcknowledged: Bool = false) async throws
        -> [RaisedFlag]
    {
        if let clientID { _ = try await client(clientID) }
        return try await store.flags(
            FlagQuery(clientID: clientID, openOnly: !includeAcknowledged))
    }

    /// Acknowledges open risk flags: the acting therapist, the time and the
    /// note are kept with each, and the audit journal records `flag.ack`.
    /// All or none: an unknown or already acknowledged flag refuses the lot.
    ///
    /// - Throws: ``PracticeError`` `.invalidInput` without a note or flag,
    ///   `.notFound` for an unknown flag, `.refused` for one acknowledged already.
    public func acknowledgeFlags(ids: [Int], note: String) async throws -> [RaisedFlag] {
        do {
            return try await store.acknowledgeFlags(ids: ids, note: note)
        } catch let error as StoreError {
            switch error.code {
            case .notFound:
                throw PracticeError(
                    .notFound,
                    "no open flag with that number; see them with 'carryover flags list'; "
                        + "nothing was acknowledged", cause: error)
            case .conflict: throw PracticeError(.refused, error.message, cause: error)
            case .invalidInput: throw PracticeError(.invalidInput, error.message, cause: error)
            default: throw error
            }
        }
    }
}
