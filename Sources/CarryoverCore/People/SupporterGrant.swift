/// What a supporter may do for one assignment. Nothing is allowed until the
/// therapist grants it; scores, notes and flags are never shown to a supporter.
public struct SupporterGrant: Sendable, Hashable, Codable {
    public var assignmentID: String
    public var permissions: Set<SupporterPermission>
    /// Whether the supporter's confirmations count for the completion rule
    /// and the reinforcement schedule (tokens, vouchers, draws), like an
    /// entry of the client's. Off by default: they are kept as a witness's
    /// note only.
    public var confirmationsCount: Bool

    public init(
        assignmentID: String, permissions: Set<SupporterPermission>,
        confirmationsCount: Bool = false
    ) {
        self.assignmentID = assignmentID
        self.permissions = permissions
        self.confirmationsCount = confirmationsCount
    }

    private enum CodingKeys: String, CodingKey {
        case assignmentID, permissions, confirmationsCount
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            assignmentID: try c.decode(String.self, forKey: .assignmentID),
            permissions: Set(try c.decode([SupporterPermission].self, forKey: .permissions)),
            confirmationsCount: try c.decode(Bool.self, forKey: .confirmationsCount))
    }

    /// Permissions in a fixed order, so the same grant is always the same JSON.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(assignmentID, forKey: .assignmentID)
        try c.encode(
            SupporterPermission.allCases.filter(permissions.contains), forKey: .permissions)
        try c.encode(confirmationsCount, forKey: .confirmationsCount)
    }

    /// "see, confirm (counts), encourage", in the order of `SupporterPermission.allCases`.
    public var summary: String {
        let names = SupporterPermission.allCases.filter(permissions.contains).map { permission in
            permission == .confirm && confirmationsCount ? "confirm (counts)" : permission.rawValue
        }
        return names.isEmpty ? "nothing" : names.joined(separator: ", ")
    }
}

/// One thing a supporter may be allowed to do for an assignment.
public enum SupporterPermission: String, Sendable, Hashable, Codable, CaseIterable {
    /// See that the homework is due and whether it was done (never scores).
    case see
    /// Confirm that practice happened (e.g. a parent who heard it).
    case confirm
    /// Send the client a short encouragement shown on the client's page.
    case encourage
    /// Fill in the homework type's informant form, where it declares one.
    case informant
}
