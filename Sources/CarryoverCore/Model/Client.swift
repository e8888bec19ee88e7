import Foundation

/// A client of the practice, known by a pseudonymous id.
public struct Client: Sendable, Hashable, Codable, Identifiable {
    /// Pseudonymous, stable id chosen by the therapist (e.g. "c-017").
    public var id: String
    /// A name only the therapist sees.
    public var displayName: String
    /// IANA time zone id (e.g. "Europe/Berlin"); schedules are computed in it.
    public var timeZone: String
    /// When the client was discharged; `nil` while in treatment.
    public var dischargedAt: Date?
    /// Why, in the therapist's words (kept with the discharge).
    public var dischargeReason: String?

    public init(
        id: String, displayName: String, timeZone: String, dischargedAt: Date? = nil,
        dischargeReason: String? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.timeZone = timeZone
        self.dischargedAt = dischargedAt
        self.dischargeReason = dischargeReason
    }

    /// Whether the client has been discharged (their record stays).
    public var isDischarged: Bool { dischargedAt != nil }
}
