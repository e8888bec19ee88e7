import Foundation

/// A client of the practice, known by a pseudonymous id.
public struct Client: Sendable, Hashable, Codable, Identifiable {
    /// Pseudonymous, stable id chosen by the therapist (e.g. "c-017").
    public var id: String
    /// A name only the therapist sees.
    public var displayName: String
    /// IANA time zone id (e.g. "Europe/Berlin"); schedules are computed in it.
    public var timeZone: String

    public init(id: String, displayName: String, timeZone: String) {
        self.id = id
        self.displayName = displayName
        self.timeZone = timeZone
    }
}
